import type { EntityManager } from '@mikro-orm/postgresql';
import { maskAccountNumber, maskSortCode, normaliseAccountNumber, normaliseSortCode } from '../../../shared/bank.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { Viewer } from '../../context.ts';
import { findById } from '../../db/find-by-id.ts';
import { errors } from '../../errors.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { Application } from '../applications/application.entity.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { User } from '../users/user.entity.ts';
import { BankDetails, BankDetailsRequest } from './bank-details.entity.ts';
import type { BankVault } from './bank-vault.ts';

const REQUEST_DAYS = 30;

export interface MaskedBankDetails {
  accountName: string;
  sortCode: string;
  accountNumber: string;
  updatedAt: Date;
}

/**
 * Asks the group, or the host that will hold its money, for bank details by a one-use link. Called
 * by an officer until awards do it themselves (the panel issue).
 */
export async function requestBankDetails(em: EntityManager, mailer: Mailer, viewer: Viewer | null, applicationId: string, publicUrl: string) {
  const application = await findById(em, Application, applicationId, { populate: ['fund', 'group'] });
  if (!application || !canOnFund(viewer, 'view', application.fund)) throw errors.notFound('application');
  if (!canOnFund(viewer, 'handleBankDetails', application.fund)) throw errors.forbidden('ask for bank details');
  sendBankDetailsRequest(em, mailer, application, publicUrl, viewer!.user);
  await em.flush();
  mailer.nudge();
  return application;
}

/** Queues the one-use link to the group, or to the host that will hold its money. Part of the caller's unit of work. */
export function sendBankDetailsRequest(em: EntityManager, mailer: Mailer, application: Application, publicUrl: string, actor: User | null) {
  const { group } = application;
  const email = group.hostEmail ?? group.contactEmail;
  const token = newToken();
  em.create(BankDetailsRequest, { application, email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + REQUEST_DAYS * 86_400_000) });
  mailer.queue(em, {
    to: email,
    kind: 'bank-details-request',
    subject: `Bank details for ${group.name}'s grant (${application.reference})`,
    body: [
      'Hello,',
      '',
      `To pay ${group.name}'s grant from ${application.fund.name}, we need the bank account it should go to${group.hostEmail ? `, which is yours as the host organisation` : ''}.`,
      'Please give them here (the link works once, for 30 days):',
      `${publicUrl}/bank-details/${token}`,
      '',
      'We will never ask for bank details by phone or by replying to an email.',
    ].join('\n'),
  });
  recordAudit(em, { actor, action: 'bank-details.requested', entityType: 'Application', entityId: application.id, fundId: application.fund.id, changes: { email } });
}

export async function findBankDetailsRequest(em: EntityManager, token: string) {
  const request = await em.findOne(
    BankDetailsRequest,
    { tokenHash: hashToken(token), usedAt: null, expiresAt: { $gt: new Date() } },
    { populate: ['application', 'application.group', 'application.fund'] },
  );
  if (!request) throw errors.notFound('bank details link');
  return request;
}

export function checkBankDetails(input: Record<string, unknown>): { ok: true; value: { accountName: string; sortCode: string; accountNumber: string } } | { ok: false; errors: FieldError[] } {
  const text = (field: string) => (typeof input[field] === 'string' ? (input[field] as string).trim() : '');
  const problems: FieldError[] = [];
  const accountName = text('accountName');
  if (!accountName) problems.push({ field: 'accountName', message: 'Enter the name on the account.' });
  else if (accountName.length > 140 || /[<>]/.test(accountName)) problems.push({ field: 'accountName', message: 'Enter the name on the account as the bank shows it, in 140 characters or fewer.' });
  const sortCode = normaliseSortCode(text('sortCode'));
  if (!sortCode) problems.push({ field: 'sortCode', message: 'Enter a valid sort code, like 30 94 87.' });
  const accountNumber = normaliseAccountNumber(text('accountNumber'));
  if (!accountNumber) problems.push({ field: 'accountNumber', message: 'Enter a valid account number, like 00733445. It must be between 6 and 8 digits.' });
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, value: { accountName, sortCode: sortCode!, accountNumber: accountNumber! } };
}

/** Stores the details encrypted and spends the link, in one transaction. */
export async function giveBankDetails(em: EntityManager, vault: BankVault, token: string, input: Record<string, unknown>) {
  const request = await findBankDetailsRequest(em, token);
  const checked = checkBankDetails(input);
  if (!checked.ok) return { request, errors: checked.errors };
  const { accountName, sortCode, accountNumber } = checked.value;
  await em.transactional(async (tx) => {
    const spent = await tx.nativeUpdate(BankDetailsRequest, { id: request.id, usedAt: null }, { usedAt: new Date() });
    if (spent === 0) throw errors.notFound('bank details link');
    const existing = await tx.findOne(BankDetails, { application: request.application });
    const encrypted = {
      accountNameEncrypted: vault.encrypt(accountName),
      sortCodeEncrypted: vault.encrypt(sortCode),
      accountNumberEncrypted: vault.encrypt(accountNumber),
      accountKey: vault.accountKey(sortCode, accountNumber),
      updatedAt: new Date(),
    };
    if (existing) tx.assign(existing, encrypted);
    else tx.create(BankDetails, { application: request.application, ...encrypted });
    // The audit says that details changed, never what they are.
    recordAudit(tx, { actor: null, action: existing ? 'bank-details.changed' : 'bank-details.given', entityType: 'Application', entityId: request.application.id, fundId: request.application.fund.id, changes: { by: request.email } });
  });
  return { request, errors: [] as FieldError[], masked: { accountName, sortCode: maskSortCode(sortCode), accountNumber: maskAccountNumber(accountNumber) } };
}

/** Bank details, always masked, for the people who check them before payment. */
export function maskBankDetails(vault: BankVault, details: BankDetails | null): MaskedBankDetails | null {
  if (!details) return null;
  return {
    accountName: vault.decrypt(details.accountNameEncrypted),
    sortCode: maskSortCode(vault.decrypt(details.sortCodeEncrypted)),
    accountNumber: maskAccountNumber(vault.decrypt(details.accountNumberEncrypted)),
    updatedAt: details.updatedAt,
  };
}
