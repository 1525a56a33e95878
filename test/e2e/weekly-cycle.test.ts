import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { openOrm, type Orm } from '../../server/db/orm.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import { runPanelRhythm } from '../../server/modules/panels/agenda.service.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createContribution, createFund, createFunder, createUser } from '../factories/index.ts';
import { launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

// One whole week of the joint panel, in its own fund so the demo stays as other tests expect it:
// an officer checks two applications, the agenda job takes them at the cut-off, panellists score and
// one declares a conflict, the coordinator decides both in meeting mode and closes the meeting.
let browser: Browser;
let orm: Orm;
let meeting: PanelMeeting;
let foodBank: Application;
let choir: Application;
const people: Record<'chair' | 'officer' | 'scorer' | 'conflicted', User> = {} as never;
// One list of console errors per page, filled as the pages run.
const consoles: string[][] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  orm = await openOrm(inject('appDatabaseUrl'));
  const em = orm.em.fork();
  const fund = await createFund(em, { name: 'Eastbrook Flood Recovery Fund' });
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Eastbrook Community Trust' }), amountPence: 5_000_00 });
  const council = await createContribution(em, fund, { funder: await createFunder(em, { name: 'Eastbrook County Council' }), amountPence: 2_000_00, excludesUnconstituted: true });
  council.restrictedToPriorities = ['food'];
  foodBank = await createApplication(em, fund, { title: 'Food parcels after the flood', amountRequestedPence: 1_800_00, group: { name: 'Eastbrook Food Bank' } });
  choir = await createApplication(em, fund, { title: 'A choir for flooded streets', amountRequestedPence: 900_00, group: { name: 'Riverside Singers' } });
  // This week's meeting; its cut-off is a few minutes away, so what the officer checks now is on time.
  const now = Date.now();
  meeting = em.create(PanelMeeting, { fund, meetsAt: new Date(now + 48 * 3_600_000), cutoffAt: new Date(now + 5 * 60_000) });
  people.chair = await addMember(em, fund, FundRole.COORDINATOR, { user: await createUser(em, { name: 'Chris Chair' }) });
  people.officer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { user: await createUser(em, { name: 'Olu Officer' }) });
  people.scorer = await addMember(em, fund, FundRole.PANELLIST, { user: await createUser(em, { name: 'Sam Scorer' }) });
  people.conflicted = await addMember(em, fund, FundRole.COMMUNITY_PANELLIST, { user: await createUser(em, { name: 'Kim Trustee' }) });
  await em.flush();
});
afterAll(async () => {
  await browser?.close();
  await orm?.close();
});

async function signedInPage(person: keyof typeof people): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  consoles.push(watchConsole(page));
  await page.goto(await issueSignInLink(orm.em.fork(), people[person], inject('appUrl')));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Eastbrook Flood Recovery Fund: this week' }).waitFor();
  return page;
}

it('runs a whole weekly cycle: triage, scores, a conflict, meeting mode, decisions, close and minutes', async () => {
  // Triage: the officer confirms both applications and marks them ready for the panel.
  const officer = await signedInPage('officer');
  await officer.getByRole('link', { name: 'Applications to check' }).click();
  await officer.getByRole('heading', { name: 'Applications to check' }).waitFor();
  await screenshot(officer, 'cycle-1-triage-queue');
  for (const application of [foodBank, choir]) {
    await officer.goto(`${inject('appUrl')}/funds/${application.fund.id}/triage`);
    await officer.getByRole('link', { name: application.reference }).click();
    // Tags are saved on their own, at any stage; the council's money is only for food.
    if (application === foodBank) {
      const tags = officer.getByRole('form', { name: `Priorities of ${application.reference}` });
      await tags.getByLabel('Food', { exact: true }).check();
      await tags.getByRole('button', { name: 'Save the priorities' }).click();
      await officer.getByText('Priorities saved').waitFor();
    }
    await officer.getByLabel('The group and its work are eligible for this phase').check();
    await officer.getByLabel('Not needed').check();
    await officer.getByLabel('Yes').check();
    if (application === foodBank) await screenshot(officer, 'cycle-2-triage-checks');
    await officer.getByRole('button', { name: 'Save the checks' }).click();
    await officer.getByText('It will join the next meeting’s agenda at the cut-off.').waitFor();
  }

  // The cut-off passes: the scheduled job builds the agenda from what was ready in time.
  await runPanelRhythm(orm.em.fork(), new Date(meeting.cutoffAt.getTime() + 1000));
  const onAgenda = await orm.em.fork().getConnection().execute<{ reference: string }[]>(`SELECT reference FROM application WHERE meeting_id = ? ORDER BY reference`, [meeting.id]);
  expect(onAgenda.map((row) => row.reference)).toEqual([foodBank.reference, choir.reference]);

  // A panellist scores both in the shared pack.
  const scorer = await signedInPage('scorer');
  await scorer.getByRole('link', { name: 'Read the panel pack' }).click();
  await scorer.getByRole('heading', { name: /^Panel pack:/ }).waitFor();
  const foodForm = scorer.getByRole('form', { name: `Your score for ${foodBank.reference}` });
  await foodForm.getByLabel('4 – fund it', { exact: true }).check();
  await foodForm.getByLabel('Comment (optional)').fill('Clear need after the flood; sensible budget.');
  await foodForm.getByRole('button', { name: 'Save your score' }).click();
  await foodForm.getByText('Score saved.').waitFor();
  const choirForm = scorer.getByRole('form', { name: `Your score for ${choir.reference}` });
  await choirForm.getByLabel('1 – do not fund', { exact: true }).check();
  await choirForm.getByRole('button', { name: 'Save your score' }).click();
  await choirForm.getByText('Score saved.').waitFor();

  // Another panellist declares a conflict on the food bank: from then on its scores are hidden from them.
  const conflicted = await signedInPage('conflicted');
  await conflicted.getByRole('link', { name: 'Read the panel pack' }).click();
  const item = conflicted.getByRole('region', { name: new RegExp(`Eastbrook Food Bank ${foodBank.reference}`) });
  await item.getByText('Declare a conflict of interest').click();
  await item.getByLabel('What is the conflict?').fill('I am a trustee of the food bank.');
  await item.getByRole('button', { name: 'Declare the conflict' }).click();
  await item.getByText('You declared a conflict on this application').waitFor();
  expect(await item.getByRole('table', { name: 'Scores' }).count()).toBe(0);
  await screenshot(conflicted, 'cycle-3-pack-with-conflict');

  // Meeting mode: the chair walks the agenda; the budget bar follows each decision.
  const chair = await signedInPage('chair');
  await chair.getByRole('link', { name: 'Run the meeting' }).click();
  await chair.getByRole('heading', { name: /^Meeting:/ }).waitFor();
  await expect.poll(() => chair.getByTestId('meeting-progress').textContent()).toBe('£7,000 left to award · 0 of 2 decided');
  await chair.getByText('Standing aside for this item: Kim Trustee (I am a trustee of the food bank.)').waitFor();
  await chair.getByLabel('Award', { exact: true }).check();
  await chair.getByLabel('Amount, in pounds').fill('1,400');
  await chair.getByRole('button', { name: 'Record the decision' }).click();
  await expect.poll(() => chair.getByTestId('meeting-progress').textContent()).toBe('£5,600 left to award · 1 of 2 decided');
  await chair.getByText('Paid from: Eastbrook Community Trust £1,000, Eastbrook County Council £400.').waitFor();
  await screenshot(chair, 'cycle-4-meeting-award');

  await chair.getByRole('button', { name: 'Next item' }).click();
  await chair.getByRole('heading', { name: 'Riverside Singers' }).waitFor();
  await chair.getByLabel('Decline', { exact: true }).check();
  await chair.getByRole('button', { name: 'Record the decision' }).click();
  // Feedback is required for a decline: the message sits next to its field.
  await chair.getByRole('alert').getByText('Write the feedback the group will receive.').waitFor();
  await chair.getByLabel('Reason, for the minutes').fill('Not an emergency need.');
  await chair.getByLabel('Feedback for the group').fill('Please apply to the recovery phase when it opens.');
  await chair.getByRole('button', { name: 'Record the decision' }).click();
  await expect.poll(() => chair.getByTestId('meeting-progress').textContent()).toBe('£5,600 left to award · 2 of 2 decided');

  // Close: attendees, then minutes with the decisions and the recusal.
  await chair.getByRole('heading', { name: 'Close the meeting' }).waitFor();
  for (const name of ['Chris Chair', 'Sam Scorer', 'Kim Trustee']) await chair.getByLabel(name).check();
  await screenshot(chair, 'cycle-5-close');
  await chair.getByRole('button', { name: 'Close the meeting' }).click();
  await chair.getByRole('heading', { name: 'Minutes' }).waitFor();
  await chair.getByText('Present: Chris Chair (coordinator), Kim Trustee (community panellist), Sam Scorer (panellist).').waitFor();
  await chair.getByText(`Kim Trustee stood aside from ${foodBank.reference}: I am a trustee of the food bank.`).waitFor();
  await screenshot(chair, 'cycle-6-minutes');

  // The grant exists with its payment due, and both groups have their decision email waiting.
  await chair.goto(`${inject('appUrl')}/funds/${foodBank.fund.id}/grants`);
  await chair.getByText('Waiting for bank details').waitFor();
  const emails = await orm.em.fork().getConnection().execute<{ to_address: string }[]>(
    `SELECT to_address FROM outbound_email WHERE kind = 'panel-decision' AND to_address IN (?, ?) ORDER BY to_address`,
    [foodBank.group.contactEmail, choir.group.contactEmail],
  );
  expect(emails.map((row) => row.to_address)).toEqual([foodBank.group.contactEmail, choir.group.contactEmail].sort());
  const statuses = await orm.em.fork().getConnection().execute<{ status: ApplicationStatus }[]>(`SELECT status FROM application WHERE id IN (?, ?)`, [foodBank.id, choir.id]);
  expect(statuses.map((row) => row.status)).toEqual([ApplicationStatus.DECIDED, ApplicationStatus.DECIDED]);
  expect(consoles.flat()).toEqual([]);
});
