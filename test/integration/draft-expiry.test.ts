import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDraft } from '../../server/modules/applications/apply.service.ts';
import { expireDrafts } from '../../server/modules/applications/draft-expiry.ts';
import { Fund } from '../../server/modules/funds/fund.entity.ts';
import { createFund } from '../factories/index.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let fund: Fund;
beforeAll(async () => {
  app = await startTestApp();
  fund = await createFund(app.em());
});
afterAll(() => app.close());

const NOW = new Date('2027-03-01T03:15:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

/** A draft last touched `days` ago, with or without an address to warn. */
async function draftTouched(days: number, email: string | null, remindersSent = 0) {
  const { draft } = await startDraft(app.em(), fund.slug);
  await app.em().getConnection().execute(
    'UPDATE application_draft SET updated_at = ?, reminder_email = ?, reminders_sent = ? WHERE id = ?',
    [daysAgo(days), email, remindersSent, draft.id],
  );
  return draft.id;
}

async function remaining() {
  return app.em().getConnection().execute<{ id: string; reminders_sent: number }[]>('SELECT id, reminders_sent FROM application_draft ORDER BY updated_at DESC');
}

async function warnings() {
  return app.em().getConnection().execute<{ to_address: string; subject: string }[]>(
    `SELECT to_address, subject FROM outbound_email WHERE kind = 'draft-expiry-warning' ORDER BY to_address`,
  );
}

it('warns 30, 7 and 1 days before deleting untouched drafts, and deletes them at 90 days', async () => {
  const fresh = await draftTouched(10, 'fresh@group.example');
  const thirtyLeft = await draftTouched(61, 'thirty@group.example');
  const sevenLeft = await draftTouched(84, 'seven@group.example', 1);
  const missedWarnings = await draftTouched(89.5, 'missed@group.example');
  const noAddress = await draftTouched(75, null);
  await draftTouched(91, 'gone@group.example', 3);

  const result = await expireDrafts(app.em(), app.mailer, 'https://fund.example', NOW);
  expect(result).toEqual({ deleted: 1, reminded: 3 });

  const subject = (days: string) => `Your unfinished application to ${fund.name} will be deleted in ${days}`;
  expect(await warnings()).toEqual([
    { to_address: 'missed@group.example', subject: subject('1 day') },
    { to_address: 'seven@group.example', subject: subject('7 days') },
    { to_address: 'thirty@group.example', subject: subject('30 days') },
  ]);
  expect(await remaining()).toEqual([
    { id: fresh, reminders_sent: 0 },
    { id: thirtyLeft, reminders_sent: 1 },
    { id: noAddress, reminders_sent: 0 },
    { id: sevenLeft, reminders_sent: 2 },
    { id: missedWarnings, reminders_sent: 3 },
  ]);

  // Run again the same day: nothing more is sent or deleted.
  expect(await expireDrafts(app.em(), app.mailer, 'https://fund.example', NOW)).toEqual({ deleted: 0, reminded: 0 });
  expect(await warnings()).toHaveLength(3);
});
