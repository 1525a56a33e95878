import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { openOrm, type Orm } from '../../server/db/orm.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createContribution, createFund, createFunder, createUser } from '../factories/index.ts';
import { accessibilityViolations, launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

// An officer works through possible duplicates in a fund of their own: one food bank that applied
// twice under two names, then a published grant another funder already made to it. The review shows
// on the checks page and in the panel pack, which a panellist reads (and prints).
let browser: Browser;
let orm: Orm;
let fund: Fund;
let foodbank: Application;
let again: Application;
let meeting: PanelMeeting;
const people: Record<'officer' | 'panellist', User> = {} as never;
const consoles: string[][] = [];
const NOTE = 'Same food bank: the second form was sent by another volunteer.';
const GRANT_IN_WORDS = 'Carlisle Food Bank, funded by Fellside Trust (£2,500 on 1 October 2026)';
const leadIn = (kind: string) => (kind === 'SAME_GROUP' ? 'Possible duplicate — same group as' : 'Same work, same place as');

const CSV_HEADER =
  'Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Recipient Org:Charity Number,Recipient Org:Postal Code,Funding Org:Identifier,Funding Org:Name';
const GOOD_CSV = [
  CSV_HEADER,
  '360G-fellside-001,Flood response,Food parcels in Carlisle,GBP,2500,2026-10-01,GB-CHC-1180001,Carlisle Food Bank,1180001,CA1 2AB,GB-CHC-999,Fellside Trust',
  '360G-fellside-002,Garden,Community garden,GBP,900,2026-09-14,GB-CHC-1180002,Penrith Allotment Society,1180002,CA11 7QQ,GB-CHC-999,Fellside Trust',
].join('\n');
const BAD_CSV = GOOD_CSV.replace('2500,2026-10-01', '2500,2026-13-01').replace('900,2026-09-14', 'nine hundred,2026-09-14');

beforeAll(async () => {
  browser = await launchBrowser();
  orm = await openOrm(inject('appDatabaseUrl'));
  const em = orm.em.fork();
  fund = await createFund(em, { name: 'Eden Valley Flood Fund' });
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Eden Valley Trust' }), amountPence: 8_000_00 });
  people.officer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { user: await createUser(em, { name: 'Dana Officer' }) });
  people.panellist = await addMember(em, fund, FundRole.PANELLIST, { user: await createUser(em, { name: 'Pat Panellist' }) });
  foodbank = await createApplication(em, fund, {
    group: { name: 'Carlisle Foodbank', postcode: 'CA1 2AB', contactEmail: 'hello@carlislefoodbank.example', contactPhone: '01228 500100' },
    title: 'Emergency food parcels',
    summary: 'Food parcels delivered to flooded homes in Botcherby.',
  });
  again = await createApplication(em, fund, {
    group: { name: 'The Carlisle Food Bank CIO', postcode: 'CA1 2AB', contactEmail: 'volunteers@carlislefoodbank.example', contactPhone: '01228 500199' },
    title: 'Food parcels after the floods',
    summary: 'Emergency food parcels for families in Botcherby.',
  });
  // The second form is already on next week's agenda, so the panel pack shows its flags.
  const now = Date.now();
  meeting = em.create(PanelMeeting, { fund, meetsAt: new Date(now + 72 * 3_600_000), cutoffAt: new Date(now + 48 * 3_600_000) });
  again.meeting = meeting;
  again.status = ApplicationStatus.ON_AGENDA;
  again.readyForPanelAt = new Date(now);
  await em.flush();
});
afterAll(async () => {
  await browser?.close();
  await orm?.close();
});

const sql = <T>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);

interface FlagRow {
  id: string;
  kind: 'SAME_GROUP' | 'SAME_WORK';
  current: boolean;
  score: number;
  reasons: string[];
  verdict: string | null;
  note: string | null;
  version: number;
  grant: string | null;
  /** For a flag against a grant, its one application. */
  application: string;
}

/** The fund's flags as stored, with the published grant's id where one side is a grant. */
const storedFlags = () =>
  sql<FlagRow>(
    `SELECT f.id, f.kind, f.current, f.score, f.reasons, f.verdict, f.note, f.version, g.grant_identifier AS grant, coalesce(a.application_id, b.application_id) AS application
       FROM duplicate_flag f
       JOIN match_record a ON a.id = f.record_a_id JOIN match_record b ON b.id = f.record_b_id
       LEFT JOIN external_grant g ON g.id = coalesce(a.external_grant_id, b.external_grant_id)
      WHERE f.fund_id = ? ORDER BY f.score DESC, f.id`,
    [fund.id],
  );

async function signedInPage(person: keyof typeof people, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 400 ? 720 : 900 } });
  const page = await context.newPage();
  consoles.push(watchConsole(page));
  await page.goto(await issueSignInLink(orm.em.fork(), people[person], inject('appUrl')));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Eden Valley Flood Fund: this week' }).waitFor();
  return page;
}

/** Nothing on the page may stick out sideways: at 320 px that means a horizontal scroll bar. */
async function expectNoSidewaysScroll(page: Page) {
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => !element.closest('.app-table-container') && element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`),
  );
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

let officer: Page;
let pairFlag: FlagRow;

it('checks the fund on request and shows the flag with its evidence in words', async () => {
  officer = await signedInPage('officer');
  await officer.getByRole('link', { name: 'Possible duplicates (0 to review)' }).click();
  await officer.getByRole('heading', { name: 'Possible duplicates', level: 1 }).waitFor();
  await officer.getByRole('heading', { name: 'To review (0)' }).waitFor();
  expect(await officer.title()).toBe('Possible duplicates – Pooled fund portal');

  await officer.getByRole('button', { name: 'Check the fund now' }).click();
  await officer.getByRole('status').getByText('Checked 2 applications. 1 possible duplicate is waiting for review.').waitFor();
  await officer.getByRole('heading', { name: 'To review (1)' }).waitFor();

  [pairFlag] = await storedFlags();
  expect(pairFlag).toMatchObject({ verdict: null, version: 1, grant: null });
  expect(pairFlag.reasons).toContain('same postcode (in CA1 2)');
  const flag = officer.getByRole('article', { name: /^Same group: (Carlisle Foodbank and The Carlisle Food Bank CIO|The Carlisle Food Bank CIO and Carlisle Foodbank)$/ });
  await flag.getByText(`${Math.floor(pairFlag.score * 100 + 1e-9)}% sure`).waitFor();
  // Every reason the engine gave, in its order, strongest first.
  expect(await flag.locator('ul.app-list--bullet > li').allInnerTexts()).toEqual(pairFlag.reasons);
  // Both sides, each linking to its checks page.
  for (const application of [foodbank, again]) {
    expect(await flag.getByRole('link', { name: application.reference }).getAttribute('href')).toBe(`/applications/${application.id}`);
  }
  await flag.getByText('Emergency food parcels').waitFor();
  await flag.getByText('Food parcels after the floods').waitFor();
  expect(await accessibilityViolations(officer)).toEqual([]);
  await screenshot(officer, 'duplicates-1-flagged');
});

it('refuses a verdict of duplicate without a note, next to the note, then saves it with one', async () => {
  const form = officer.getByRole('form', { name: /^Review: Same group/ });
  await form.getByLabel('Duplicate', { exact: true }).check();
  await form.getByRole('button', { name: 'Save the review' }).click();
  const message = 'Say in a few words what you found, so the panel can read it.';
  await officer.locator(`#note-${pairFlag.id}-error`).getByText(message).waitFor();
  expect(await form.getByRole('alert').getByRole('link').allTextContents()).toEqual([message]);
  expect(await form.getByLabel('Note for the panel').getAttribute('aria-invalid')).toBe('true');
  // The choice made is kept for the second try.
  expect(await form.getByLabel('Duplicate', { exact: true }).isChecked()).toBe(true);
  expect(await accessibilityViolations(officer)).toEqual([]);
  await screenshot(officer, 'duplicates-2-note-missing');

  await form.getByLabel('Note for the panel').fill(NOTE);
  await form.getByRole('button', { name: 'Save the review' }).click();
  await officer.getByRole('heading', { name: 'Reviewed (1)' }).waitFor();
  await officer.getByRole('heading', { name: 'To review (0)' }).waitFor();
  const saved = officer.getByRole('alert').filter({ hasText: 'Review saved' });
  await saved.getByText(`The panel will read: Duplicate, reviewed by Dana Officer: ‘${NOTE}’`).waitFor();
  // The flag moved down the page; focus went with it, to the news that it was saved.
  expect(await officer.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Review saved');
  const reviewed = officer.getByRole('region', { name: 'Reviewed (1)' }).getByRole('article');
  await reviewed.getByText(/^Duplicate Reviewed by Dana Officer on \w+day \d+ \w+ \d{4} at \d+:\d{2}[ap]m$/).waitFor();
  await reviewed.locator('blockquote').getByText(NOTE).waitFor();
  expect(await sql(`SELECT verdict, note, version, reviewed_by_id FROM duplicate_flag WHERE id = ?`, [pairFlag.id])).toEqual([
    { verdict: 'DUPLICATE', note: NOTE, version: 2, reviewed_by_id: people.officer.id },
  ]);
  expect(await accessibilityViolations(officer)).toEqual([]);
  await screenshot(officer, 'duplicates-3-reviewed');
});

it('says so when someone else reviewed the flag meanwhile, and shows their review', async () => {
  const card = officer.getByRole('region', { name: 'Reviewed (1)' }).getByRole('article');
  await card.getByText('Change the review').click();
  // Another officer changes the review while this page still shows version 2.
  const theirs = 'Two branches of one food bank, each with its own stock.';
  await sql(`UPDATE duplicate_flag SET verdict = 'COMPLEMENTARY', note = ?, version = version + 1, reviewed_at = now() WHERE id = ?`, [theirs, pairFlag.id]);
  await card.getByLabel('Not a duplicate').check();
  await card.getByRole('button', { name: 'Save the review' }).click();
  await card.getByRole('region', { name: 'Someone else reviewed this meanwhile' }).waitFor();
  await card.getByText(/^Complementary work Reviewed by Dana Officer on /).waitFor();
  await card.locator('blockquote').getByText(theirs).waitFor();
  expect((await sql<{ verdict: string }>(`SELECT verdict FROM duplicate_flag WHERE id = ?`, [pairFlag.id]))[0].verdict).toBe('COMPLEMENTARY');
  await screenshot(officer, 'duplicates-4-reviewed-meanwhile');

  // The form starts again from the saved review; deciding again saves over it.
  expect(await card.getByLabel('Complementary work').isChecked()).toBe(true);
  await card.getByLabel('Duplicate', { exact: true }).check();
  await card.getByLabel('Note for the panel').fill(NOTE);
  await card.getByRole('button', { name: 'Save the review' }).click();
  await card.getByText('Review saved').waitFor();
  expect(await sql(`SELECT verdict, note, version FROM duplicate_flag WHERE id = ?`, [pairFlag.id])).toEqual([{ verdict: 'DUPLICATE', note: NOTE, version: 4 }]);
});

it('imports nothing from a 360Giving file with bad rows and lists each problem; a good file flags the grant', async () => {
  const file = officer.getByLabel('360Giving file');
  await file.setInputFiles({ name: 'fellside.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
  await officer.getByRole('button', { name: 'Import the file' }).click();
  const problems = officer.locator('#file-error li');
  await problems.first().waitFor();
  expect(await problems.allInnerTexts()).toEqual([
    "Row 2, Award Date: Award Date must be a real date written 2024-03-31 or 31/03/2024; it is '2026-13-01'.",
    "Row 3, Amount Awarded: Amount Awarded must be a number, e.g. 1500; it is 'nine hundred'.",
  ]);
  expect(await officer.getByRole('alert').getByRole('link').allTextContents()).toEqual(['The file has 2 problems, listed under the file box. Nothing was imported.']);
  expect(await file.getAttribute('aria-invalid')).toBe('true');
  expect(await sql(`SELECT count(*)::int AS count FROM external_grant WHERE fund_id = ?`, [fund.id])).toEqual([{ count: 0 }]);
  expect(await accessibilityViolations(officer)).toEqual([]);
  await screenshot(officer, 'duplicates-5-import-problems');

  await file.setInputFiles({ name: 'fellside.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
  await officer.getByRole('button', { name: 'Import the file' }).click();
  await officer.getByRole('alert').getByText('Imported 2 grants from Fellside Trust; 0 grants to individuals left out.').waitFor();
  expect(await officer.locator('#file-error').count()).toBe(0);
  const imports = officer.getByRole('table', { name: 'Files imported' });
  expect(await imports.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual(['fellside.csv', 'Fellside Trust', '2', '0', expect.stringMatching(/ at \d+:\d{2}[ap]m$/)]);

  // The import checked the fund at once: the food bank's grant from Fellside Trust is flagged against both forms.
  const flags = await storedFlags();
  const grantFlags = flags.filter((flag) => flag.grant === '360G-fellside-001');
  expect(grantFlags.map((flag) => flag.application).sort()).toEqual([foodbank.id, again.id].sort());
  expect(flags.filter((flag) => flag.grant === '360G-fellside-002')).toEqual([]);
  const toReview = officer.getByRole('region', { name: `To review (${grantFlags.length})` });
  await toReview.waitFor();
  const grantCard = toReview.getByRole('article').first();
  await grantCard.getByRole('heading', { name: 'Grant published by Fellside Trust' }).waitFor();
  expect(await grantCard.locator('.app-duplicate__side').last().locator('dd').allInnerTexts()).toEqual([
    'Carlisle Food Bank',
    'Flood response',
    '£2,500',
    '1 October 2026',
    '360G-fellside-001',
  ]);
  expect(await accessibilityViolations(officer)).toEqual([]);
  await screenshot(officer, 'duplicates-6-imported');
});

it('shows the review on the application’s checks page and the count on the fund’s home page', async () => {
  const grantFlags = (await storedFlags()).filter((flag) => flag.grant && flag.current && !flag.verdict);
  await officer.getByRole('link', { name: 'Home' }).click();
  await officer.getByRole('link', { name: `Possible duplicates (${grantFlags.length} to review)` }).waitFor();

  await officer.goto(`${inject('appUrl')}/applications/${foodbank.id}`);
  const section = officer.getByRole('region', { name: 'Possible duplicates' });
  await section.getByText(`Possible duplicate — same group as ${again.reference} The Carlisle Food Bank CIO`).waitFor();
  await section.getByText(`Review: Duplicate, reviewed by Dana Officer: ‘${NOTE}’`).waitFor();
  const grantFlag = grantFlags.find((flag) => flag.application === foodbank.id)!;
  await section.getByText(`${leadIn(grantFlag.kind)} ${GRANT_IN_WORDS}`).waitFor();
  await section.getByText('Review: not reviewed yet').waitFor();
  expect(await section.getByRole('listitem').allInnerTexts()).toEqual(expect.arrayContaining(pairFlag.reasons));
  expect(await section.getByRole('link', { name: 'Review the fund’s possible duplicates' }).getAttribute('href')).toBe(`/funds/${fund.id}/duplicates`);
  expect(await accessibilityViolations(officer)).toEqual([]);
  await screenshot(officer, 'duplicates-7-checks-page');
});

it('works on a phone, by keyboard: an officer reviews the grant flag at 320 px', async () => {
  const phone = await signedInPage('officer', 320);
  await phone.getByRole('link', { name: /^Possible duplicates \(\d+ to review\)$/ }).click();
  await phone.getByRole('heading', { name: 'Possible duplicates', level: 1 }).waitFor();
  await expectNoSidewaysScroll(phone);
  expect(await accessibilityViolations(phone)).toEqual([]);
  await screenshot(phone, 'duplicates-8-page-320');

  const form = phone.getByRole('region', { name: /^To review/ }).getByRole('form').first();
  // Tab order runs choice, note, button; the focused button turns yellow, so focus is visible.
  await phone.mouse.move(0, 0);
  await form.getByLabel('Not a duplicate').focus();
  await phone.keyboard.press('Space');
  expect(await form.getByLabel('Not a duplicate').isChecked()).toBe(true);
  await phone.keyboard.press('Tab');
  expect(await phone.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await phone.keyboard.type('Fellside paid for parcels in October; this asks for December.');
  await phone.keyboard.press('Tab');
  const button = form.getByRole('button', { name: 'Save the review' });
  expect(await button.evaluate((element) => element === document.activeElement && getComputedStyle(element).backgroundColor)).toBe('rgb(255, 221, 0)');
  await expectNoSidewaysScroll(phone);
  await screenshot(phone, 'duplicates-9-keyboard-320');
  await phone.keyboard.press('Enter');
  await phone.getByRole('alert').getByText(/^The panel will read: Not a duplicate, reviewed by Dana Officer/).waitFor();
  await expectNoSidewaysScroll(phone);
  expect(await accessibilityViolations(phone)).toEqual([]);
  await screenshot(phone, 'duplicates-10-reviewed-320');
  expect(await sql(`SELECT count(*)::int AS count FROM duplicate_flag WHERE fund_id = ? AND verdict = 'NOT_DUPLICATE'`, [fund.id])).toEqual([{ count: 1 }]);
});

it('shows each agenda item’s flags in the panel pack, on screen and in print', async () => {
  const panellist = await signedInPage('panellist');
  // Panellists review nothing: the page tells them so, and the pack carries the officers' findings.
  await panellist.goto(`${inject('appUrl')}/funds/${fund.id}/duplicates`);
  await panellist.getByText('Only the fund’s coordinators and funder officers review possible duplicates.').waitFor();

  await panellist.goto(`${inject('appUrl')}/meetings/${meeting.id}`);
  const notes = panellist.getByRole('list', { name: `Possible duplicates of ${again.reference}` });
  await notes.waitFor();
  const pair = notes.getByRole('listitem').filter({ hasText: foodbank.reference });
  expect(await pair.locator('p').first().innerText()).toBe(`Possible duplicate — same group as ${foodbank.reference} Carlisle Foodbank (Duplicate, reviewed by Dana Officer: ‘${NOTE}’)`);
  expect(await pair.locator('p').last().innerText()).toBe(`${Math.floor(pairFlag.score * 100 + 1e-9)}% sure: ${pairFlag.reasons.join('; ')}.`);
  const grantFlag = (await storedFlags()).find((flag) => flag.grant && flag.application === again.id)!;
  await notes.getByText(`${leadIn(grantFlag.kind)} ${GRANT_IN_WORDS}`).waitFor();
  expect(await accessibilityViolations(panellist)).toEqual([]);
  await screenshot(panellist, 'duplicates-11-pack');

  await panellist.emulateMedia({ media: 'print' });
  expect(await notes.isVisible()).toBe(true);
  expect(await panellist.getByRole('button').filter({ visible: true }).count()).toBe(0);
  await screenshot(panellist, 'duplicates-12-pack-print');

  // The bad file's refusal (422) is the only thing the browser logged as an error.
  expect(consoles.flat()).toEqual([expect.stringMatching(/status of 422/)]);
});
