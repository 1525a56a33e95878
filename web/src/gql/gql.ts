/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        fund {\n          id\n          name\n          isDemo\n        }\n        funder {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation RequestSignInLink($input: RequestSignInLinkInput!) {\n    requestSignInLink(input: $input) {\n      message\n    }\n  }\n": typeof types.RequestSignInLinkDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  query FundWeek($id: ID!) {\n    fund(id: $id) {\n      id\n      name\n      slug\n      purpose\n      isDemo\n      myRoles\n      openPhase {\n        id\n        name\n        kind\n        maxAwardPence\n      }\n      ledger {\n        contributedPence\n        reservedPence\n        committedPence\n        paidPence\n        availablePence\n      }\n      nextPanel {\n        meetsAt\n        cutoffAt\n      }\n      meetings(limit: 1) {\n        id\n        meetsAt\n        status\n      }\n      applicationCounts {\n        status\n        count\n      }\n      applications(limit: 10) {\n        id\n        reference\n        title\n        status\n        amountRequestedPence\n        submittedAt\n        assisted\n        group {\n          id\n          name\n          legalForm\n        }\n        phase {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.FundWeekDocument,
    "\n  query Outbox {\n    outbox(limit: 50) {\n      id\n      createdAt\n      toAddress\n      subject\n      body\n      kind\n      status\n      attempts\n      sentAt\n      lastError\n    }\n  }\n": typeof types.OutboxDocument,
    "\n  query PanelPack($id: ID!) {\n    meeting(id: $id) {\n      id\n      meetsAt\n      cutoffAt\n      status\n      fund {\n        id\n        name\n        purpose\n        ledger {\n          reservedPence\n          availablePence\n        }\n        contributions {\n          id\n          amountPence\n          restrictedToPriorities\n          restrictedToAreas\n          excludesUnconstituted\n          spendBy\n          restrictedToPhase {\n            name\n          }\n          funder {\n            name\n          }\n          ledger {\n            committedPence\n            paidPence\n            availablePence\n          }\n        }\n      }\n      agenda {\n        id\n        reference\n        title\n        summary\n        description\n        beneficiaries\n        budget\n        amountRequestedPence\n        priorityTags\n        assisted\n        myConflict\n        group {\n          name\n          legalForm\n        }\n        phase {\n          name\n        }\n        scores {\n          value\n          comment\n          panellist {\n            name\n          }\n        }\n        conflicts {\n          reason\n          panellist {\n            name\n          }\n        }\n        decision {\n          kind\n          amountPence\n        }\n      }\n    }\n  }\n": typeof types.PanelPackDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        fund {\n          id\n          name\n          isDemo\n        }\n        funder {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation RequestSignInLink($input: RequestSignInLinkInput!) {\n    requestSignInLink(input: $input) {\n      message\n    }\n  }\n": types.RequestSignInLinkDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  query FundWeek($id: ID!) {\n    fund(id: $id) {\n      id\n      name\n      slug\n      purpose\n      isDemo\n      myRoles\n      openPhase {\n        id\n        name\n        kind\n        maxAwardPence\n      }\n      ledger {\n        contributedPence\n        reservedPence\n        committedPence\n        paidPence\n        availablePence\n      }\n      nextPanel {\n        meetsAt\n        cutoffAt\n      }\n      meetings(limit: 1) {\n        id\n        meetsAt\n        status\n      }\n      applicationCounts {\n        status\n        count\n      }\n      applications(limit: 10) {\n        id\n        reference\n        title\n        status\n        amountRequestedPence\n        submittedAt\n        assisted\n        group {\n          id\n          name\n          legalForm\n        }\n        phase {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.FundWeekDocument,
    "\n  query Outbox {\n    outbox(limit: 50) {\n      id\n      createdAt\n      toAddress\n      subject\n      body\n      kind\n      status\n      attempts\n      sentAt\n      lastError\n    }\n  }\n": types.OutboxDocument,
    "\n  query PanelPack($id: ID!) {\n    meeting(id: $id) {\n      id\n      meetsAt\n      cutoffAt\n      status\n      fund {\n        id\n        name\n        purpose\n        ledger {\n          reservedPence\n          availablePence\n        }\n        contributions {\n          id\n          amountPence\n          restrictedToPriorities\n          restrictedToAreas\n          excludesUnconstituted\n          spendBy\n          restrictedToPhase {\n            name\n          }\n          funder {\n            name\n          }\n          ledger {\n            committedPence\n            paidPence\n            availablePence\n          }\n        }\n      }\n      agenda {\n        id\n        reference\n        title\n        summary\n        description\n        beneficiaries\n        budget\n        amountRequestedPence\n        priorityTags\n        assisted\n        myConflict\n        group {\n          name\n          legalForm\n        }\n        phase {\n          name\n        }\n        scores {\n          value\n          comment\n          panellist {\n            name\n          }\n        }\n        conflicts {\n          reason\n          panellist {\n            name\n          }\n        }\n        decision {\n          kind\n          amountPence\n        }\n      }\n    }\n  }\n": types.PanelPackDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        fund {\n          id\n          name\n          isDemo\n        }\n        funder {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        fund {\n          id\n          name\n          isDemo\n        }\n        funder {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestSignInLink($input: RequestSignInLinkInput!) {\n    requestSignInLink(input: $input) {\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation RequestSignInLink($input: RequestSignInLinkInput!) {\n    requestSignInLink(input: $input) {\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FundWeek($id: ID!) {\n    fund(id: $id) {\n      id\n      name\n      slug\n      purpose\n      isDemo\n      myRoles\n      openPhase {\n        id\n        name\n        kind\n        maxAwardPence\n      }\n      ledger {\n        contributedPence\n        reservedPence\n        committedPence\n        paidPence\n        availablePence\n      }\n      nextPanel {\n        meetsAt\n        cutoffAt\n      }\n      meetings(limit: 1) {\n        id\n        meetsAt\n        status\n      }\n      applicationCounts {\n        status\n        count\n      }\n      applications(limit: 10) {\n        id\n        reference\n        title\n        status\n        amountRequestedPence\n        submittedAt\n        assisted\n        group {\n          id\n          name\n          legalForm\n        }\n        phase {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FundWeek($id: ID!) {\n    fund(id: $id) {\n      id\n      name\n      slug\n      purpose\n      isDemo\n      myRoles\n      openPhase {\n        id\n        name\n        kind\n        maxAwardPence\n      }\n      ledger {\n        contributedPence\n        reservedPence\n        committedPence\n        paidPence\n        availablePence\n      }\n      nextPanel {\n        meetsAt\n        cutoffAt\n      }\n      meetings(limit: 1) {\n        id\n        meetsAt\n        status\n      }\n      applicationCounts {\n        status\n        count\n      }\n      applications(limit: 10) {\n        id\n        reference\n        title\n        status\n        amountRequestedPence\n        submittedAt\n        assisted\n        group {\n          id\n          name\n          legalForm\n        }\n        phase {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Outbox {\n    outbox(limit: 50) {\n      id\n      createdAt\n      toAddress\n      subject\n      body\n      kind\n      status\n      attempts\n      sentAt\n      lastError\n    }\n  }\n"): (typeof documents)["\n  query Outbox {\n    outbox(limit: 50) {\n      id\n      createdAt\n      toAddress\n      subject\n      body\n      kind\n      status\n      attempts\n      sentAt\n      lastError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PanelPack($id: ID!) {\n    meeting(id: $id) {\n      id\n      meetsAt\n      cutoffAt\n      status\n      fund {\n        id\n        name\n        purpose\n        ledger {\n          reservedPence\n          availablePence\n        }\n        contributions {\n          id\n          amountPence\n          restrictedToPriorities\n          restrictedToAreas\n          excludesUnconstituted\n          spendBy\n          restrictedToPhase {\n            name\n          }\n          funder {\n            name\n          }\n          ledger {\n            committedPence\n            paidPence\n            availablePence\n          }\n        }\n      }\n      agenda {\n        id\n        reference\n        title\n        summary\n        description\n        beneficiaries\n        budget\n        amountRequestedPence\n        priorityTags\n        assisted\n        myConflict\n        group {\n          name\n          legalForm\n        }\n        phase {\n          name\n        }\n        scores {\n          value\n          comment\n          panellist {\n            name\n          }\n        }\n        conflicts {\n          reason\n          panellist {\n            name\n          }\n        }\n        decision {\n          kind\n          amountPence\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PanelPack($id: ID!) {\n    meeting(id: $id) {\n      id\n      meetsAt\n      cutoffAt\n      status\n      fund {\n        id\n        name\n        purpose\n        ledger {\n          reservedPence\n          availablePence\n        }\n        contributions {\n          id\n          amountPence\n          restrictedToPriorities\n          restrictedToAreas\n          excludesUnconstituted\n          spendBy\n          restrictedToPhase {\n            name\n          }\n          funder {\n            name\n          }\n          ledger {\n            committedPence\n            paidPence\n            availablePence\n          }\n        }\n      }\n      agenda {\n        id\n        reference\n        title\n        summary\n        description\n        beneficiaries\n        budget\n        amountRequestedPence\n        priorityTags\n        assisted\n        myConflict\n        group {\n          name\n          legalForm\n        }\n        phase {\n          name\n        }\n        scores {\n          value\n          comment\n          panellist {\n            name\n          }\n        }\n        conflicts {\n          reason\n          panellist {\n            name\n          }\n        }\n        decision {\n          kind\n          amountPence\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;