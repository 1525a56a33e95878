import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer, { type Transporter } from 'nodemailer';
import { EmailStatus } from '../../../shared/domain.ts';
import type { Logger } from '../../logger.ts';
import { OutboundEmail } from './outbound-email.entity.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
  kind: string;
}

/**
 * Email goes through the outbox table in the same transaction as the change that caused it, so a
 * message is never lost and never sent for a change that rolled back. A job then delivers it.
 */
export class Mailer {
  private wake: () => void = () => {};

  constructor(
    readonly transport: Transporter | null,
    readonly from: string,
  ) {}

  static fromSettings(smtpUrl: string | undefined, from: string) {
    return new Mailer(smtpUrl ? nodemailer.createTransport(smtpUrl) : null, from);
  }

  get sends() {
    return this.transport !== null;
  }

  /** Adds the message to the outbox; it is written when the caller flushes. */
  queue(em: EntityManager, message: EmailMessage): OutboundEmail {
    return em.create(OutboundEmail, {
      toAddress: message.to,
      subject: message.subject,
      body: message.body,
      kind: message.kind,
      status: this.sends ? EmailStatus.QUEUED : EmailStatus.KEPT,
    });
  }

  /** Called after a commit that queued mail, so delivery need not wait for the next scheduled run. */
  onQueued(wake: () => void) {
    this.wake = wake;
  }

  nudge() {
    if (this.sends) this.wake();
  }
}

const MAX_ATTEMPTS = 6;

function retryDelaySeconds(attempt: number) {
  return Math.min(60 * 2 ** (attempt - 1), 3600);
}

interface ClaimedEmail {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends every queued message that is due. A message is claimed (status SENDING) in its own
 * statement with SKIP LOCKED, so two servers never take the same one; if a process dies after the
 * claim we cannot know whether the mail went, and we leave it SENDING rather than risk sending twice.
 */
export async function deliverDueEmails(em: EntityManager, mailer: Mailer, logger: Logger): Promise<number> {
  if (!mailer.transport) return 0;
  const connection = em.getConnection();
  let delivered = 0;
  for (;;) {
    const [claimed] = await connection.execute<ClaimedEmail[]>(
      `UPDATE outbound_email SET status = 'SENDING', attempts = attempts + 1
        WHERE id = (SELECT id FROM outbound_email
                     WHERE status = 'QUEUED' AND next_attempt_at <= now()
                     ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, to_address, subject, body, attempts`,
    );
    if (!claimed) return delivered;
    try {
      await mailer.transport.sendMail({
        from: mailer.from,
        to: claimed.to_address,
        subject: claimed.subject,
        text: claimed.body,
        messageId: `<${claimed.id}@pooled-fund.invalid>`,
      });
      await connection.execute(
        `UPDATE outbound_email SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = ?`,
        [claimed.id],
      );
      delivered += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = claimed.attempts >= MAX_ATTEMPTS;
      logger.warn({ emailId: claimed.id, attempt: claimed.attempts, giveUp, err: message }, 'email delivery failed');
      await connection.execute(
        `UPDATE outbound_email
            SET status = ?, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
          WHERE id = ?`,
        [giveUp ? 'FAILED' : 'QUEUED', message.slice(0, 500), retryDelaySeconds(claimed.attempts), claimed.id],
      );
    }
  }
}
