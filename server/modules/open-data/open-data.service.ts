import type { EntityManager } from '@mikro-orm/postgresql';
import { londonIsoDate } from '../../../shared/london-time.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { canOnOpenData } from '../../policies/open-data.policy.ts';
import { Area } from '../areas/area.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { Contribution } from '../funds/contribution.entity.ts';
import { Fund } from '../funds/fund.entity.ts';
import { Grant, Payee, Payment, PaymentStatus } from '../grants/grant.entity.ts';
import { AwardDraw } from '../panels/decision.entity.ts';
import { Priority } from '../taxonomy/priority.entity.ts';
import { buildGrantPackage, defaultPublisherPrefix, type ExportGrant, type GrantPackage } from './grant-package.ts';
import { PUBLISHER_PREFIX_MAX, PUBLISHER_PREFIX_PATTERN } from './three-sixty-giving-codes.ts';

export type OpenDataFormat = 'json' | 'csv';

/** The prefix that starts every identifier the fund publishes: the one a coordinator set, or the default. */
export const publisherPrefixOf = (fund: Fund) => fund.openDataPrefix ?? defaultPublisherPrefix(fund);

/** The fund, for someone who may export its grants; a fund they have no role in looks like no fund at all. */
export async function requireFundFor(em: EntityManager, viewer: Viewer | null, fundId: string, action: 'export' | 'setPrefix'): Promise<Fund> {
  if (!viewer) throw errors.unauthenticated();
  const fund = await findById(em, Fund, fundId);
  if (!fund || !canOnFund(viewer, 'view', fund)) throw errors.notFound('fund');
  if (!canOnOpenData(viewer, action, fund)) throw errors.forbidden(action === 'export' ? "export the fund's grants as open data" : "set the fund's 360Giving prefix");
  return fund;
}

/**
 * The fund's grants as a 360Giving package. Only the columns that may be published are read: the
 * group's contacts, postcode, members, referee and bank details are never loaded for this. Costs a
 * fixed eight statements, the audit row included, however many grants there are.
 */
export async function exportGrantPackage(em: EntityManager, viewer: Viewer | null, fundId: string, format: OpenDataFormat, now = new Date()): Promise<{ fund: Fund; pkg: GrantPackage }> {
  const fund = await requireFundFor(em, viewer, fundId, 'export');
  const grants = await em.find(
    Grant,
    { application: { fund } },
    {
      fields: [
        'amountPence',
        'payee',
        'payeeName',
        'decision.decidedAt',
        'application.reference',
        'application.title',
        'application.summary',
        'application.amountRequestedPence',
        'application.areaCodes',
        'application.priorityTags',
        'application.phase.position',
        'application.phase.name',
        'application.phase.criteria',
        'application.group.name',
        'application.group.legalForm',
        'application.group.charityNumber',
        'application.group.companyNumber',
      ],
    },
  );
  if (grants.length === 0) throw errors.badInput([{ field: 'fundId', message: 'There are no grants to export yet: grants are made when a panel meeting closes.' }]);

  const [draws, payments, contributions, priorities] = await Promise.all([
    em.find(AwardDraw, { decision: { $in: grants.map((grant) => grant.decision.id) } }, { fields: ['amountPence', 'decision', 'contribution.funder.name'] }),
    em.find(Payment, { grant: { $in: grants.map((grant) => grant.id) }, status: PaymentStatus.PAID }, { fields: ['amountPence', 'grant'] }),
    em.find(Contribution, { fund }, { fields: ['funder.name'] }),
    em.find(Priority, { fund }, { fields: ['key', 'label', 'kind'] }),
  ]);
  const areaCodes = [...new Set(grants.flatMap((grant) => grant.application.areaCodes))];
  const areas = areaCodes.length > 0 ? await em.find(Area, { code: { $in: areaCodes } }, { fields: ['code', 'name', 'demo'] }) : [];

  const paidByGrant = new Map<string, number>();
  for (const payment of payments) paidByGrant.set(payment.grant.id, (paidByGrant.get(payment.grant.id) ?? 0) + payment.amountPence);

  const exportGrants: ExportGrant[] = grants.map((grant) => {
    const { application } = grant;
    return {
      reference: application.reference,
      title: application.title,
      summary: application.summary,
      amountPence: grant.amountPence,
      amountRequestedPence: application.amountRequestedPence,
      paidPence: paidByGrant.get(grant.id) ?? 0,
      decidedAt: grant.decision.decidedAt,
      phase: { position: application.phase.position, name: application.phase.name, criteria: application.phase.criteria },
      group: {
        id: application.group.id,
        name: application.group.name,
        legalForm: application.group.legalForm,
        charityNumber: application.group.charityNumber,
        companyNumber: application.group.companyNumber,
      },
      hostName: grant.payee === Payee.HOST ? grant.payeeName : null,
      areaCodes: application.areaCodes,
      priorityTags: application.priorityTags,
      funders: fundersOf(draws.filter((draw) => draw.decision.id === grant.decision.id)),
    };
  });

  const pkg = buildGrantPackage(
    {
      fund: {
        name: fund.name,
        slug: fund.slug,
        purpose: fund.purpose,
        prefix: publisherPrefixOf(fund),
        funderNames: [...new Set(contributions.map((contribution) => contribution.funder.name))].sort((a, b) => a.localeCompare(b)),
      },
      grants: exportGrants,
      areas: areas.map((area) => ({ code: area.code, name: area.name, demo: area.demo })),
      priorities: priorities.map((priority) => ({ key: priority.key, label: priority.label, kind: priority.kind })),
    },
    now,
  );
  // Publishing is the fund's decision; who took a copy of the file, and when, is on record.
  recordAudit(em, { actor: viewer!.user, action: 'openData.exported', entityType: 'Fund', entityId: fund.id, fundId: fund.id, changes: { format, grants: pkg.grants.length } });
  await em.flush();
  return { fund, pkg };
}

/** Funders whose contributions paid for one award, largest share first. */
function fundersOf(draws: { amountPence: number; contribution: { funder: { id: string; name: string } } }[]): { id: string; name: string }[] {
  const byFunder = new Map<string, { id: string; name: string; pence: number }>();
  for (const draw of draws) {
    const funder = draw.contribution.funder;
    const entry = byFunder.get(funder.id) ?? { id: funder.id, name: funder.name, pence: 0 };
    entry.pence += draw.amountPence;
    byFunder.set(funder.id, entry);
  }
  return [...byFunder.values()].sort((a, b) => b.pence - a.pence || a.name.localeCompare(b.name)).map(({ id, name }) => ({ id, name }));
}

/** "riverdale-response-fund-grants-360giving-2026-11-26.csv": says what it is, whose, and when it was taken. */
export function openDataFileName(fund: Fund, format: OpenDataFormat, now = new Date()): string {
  return `${fund.slug.replace(/[^A-Za-z0-9-]+/g, '-')}-grants-360giving-${londonIsoDate(now)}.${format}`;
}

/** Sets the fund's 360Giving publisher prefix; an empty one goes back to the default. Coordinators only. */
export async function setPublisherPrefix(em: EntityManager, viewer: Viewer | null, input: { fundId: string; prefix?: string | null }): Promise<Fund> {
  const fund = await requireFundFor(em, viewer, input.fundId, 'setPrefix');
  const prefix = input.prefix?.trim() || null;
  if (prefix !== null && (prefix.length > PUBLISHER_PREFIX_MAX || !PUBLISHER_PREFIX_PATTERN.test(prefix))) {
    throw errors.badInput([{ field: 'prefix', message: `Enter the prefix 360Giving gave the fund: 360G- then letters and digits, like 360G-RiverdaleFund, in ${PUBLISHER_PREFIX_MAX} characters or fewer.` }]);
  }
  if (prefix === (fund.openDataPrefix ?? null)) return fund;
  recordAudit(em, { actor: viewer!.user, action: 'openData.prefixSet', entityType: 'Fund', entityId: fund.id, fundId: fund.id, changes: { openDataPrefix: [fund.openDataPrefix ?? null, prefix] } });
  fund.openDataPrefix = prefix;
  await em.flush();
  return fund;
}

/** How many grants the export would hold. */
export const grantCount = (em: EntityManager, fund: Fund) => em.count(Grant, { application: { fund } });
