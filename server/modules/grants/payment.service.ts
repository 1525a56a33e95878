import type { EntityManager } from '@mikro-orm/postgresql';
import { errors } from '../../errors.ts';
import type { Viewer } from '../../context.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { BankDetails } from '../bank/bank-details.entity.ts';
import { Payment, PaymentStatus } from './grant.entity.ts';

export interface MarkPaidInput {
  paymentId: string;
  /** The day the money left the fund's account (YYYY-MM-DD), as the bank statement shows it. */
  paidOn: string;
}

/**
 * Records that a payment went out. Only people who handle bank details may, and only once the group
 * (or its host) has given bank details, since money cannot be sent without them.
 */
export async function markPaymentPaid(em: EntityManager, viewer: Viewer, input: MarkPaidInput, now = new Date()): Promise<Payment> {
  return em.transactional(async (tx) => {
    const payment = await tx.findOne(Payment, { id: input.paymentId }, { populate: ['grant', 'grant.application'] });
    const fund = payment?.grant.application.fund;
    if (!payment || !fund || !canOnFund(viewer, 'view', fund)) throw errors.notFound('payment');
    if (!canOnFund(viewer, 'handleBankDetails', fund)) throw errors.forbidden('record payments in this fund');
    const paidAt = new Date(`${input.paidOn}T12:00:00Z`);
    if (Number.isNaN(paidAt.getTime()) || paidAt.getTime() > now.getTime() + 86_400_000) {
      throw errors.badInput([{ field: 'paidOn', message: 'Enter the day the payment was made, not a day in the future.' }]);
    }
    if (payment.status === PaymentStatus.PAID) return payment;
    if (!(await tx.count(BankDetails, { application: payment.grant.application }))) {
      throw errors.badInput([{ field: 'paymentId', message: `${payment.grant.payeeName} has not given bank details yet, so this payment cannot be made.` }]);
    }
    payment.status = PaymentStatus.PAID;
    payment.paidAt = paidAt;
    recordAudit(tx, {
      actor: viewer.user,
      action: 'payment.paid',
      entityType: 'Payment',
      entityId: payment.id,
      fundId: fund.id,
      changes: { status: [PaymentStatus.DUE, PaymentStatus.PAID], amountPence: payment.amountPence, paidOn: input.paidOn },
    });
    await tx.flush();
    return payment;
  });
}
