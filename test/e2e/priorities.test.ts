import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { formatPence } from '../../shared/money.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { openOrm, type Orm } from '../../server/db/orm.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Funder } from '../../server/modules/funders/funder.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { User } from '../../server/modules/users/user.entity.ts';
import { createAward } from '../factories/award.ts';
import { addMember, createApplication, createContribution, createFund, createFunder, createUser } from '../factories/index.ts';
import { accessibilityViolations, launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

// The demo fund's who-funds-what page tells its story (funders crowding on food and wellbeing, nobody
// on domestic abuse or digital inclusion), read on a phone. Then, in a fund of its own so the demo's
// figures stay as other tests expect, a coordinator edits the taxonomy, an officer marks their
// funder's focus and tags an application, and the page shows it.
let browser: Browser;
let orm: Orm;
let fund: Fund;
let trust: Funder;
let application: Application;
const people = {} as Record<'coordinator' | 'officer', User>;
const consoles: string[][] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  orm = await openOrm(inject('appDatabaseUrl'));
  const em = orm.em.fork();
  fund = await createFund(em, { name: 'Eskdale Flood Fund' });
  trust = await createFunder(em, { name: 'Eskdale Trust' });
  const council = await createFunder(em, { name: 'Eskdale Council' });
  const trustMoney = await createContribution(em, fund, { funder: trust, amountPence: 6_000_00 });
  const councilMoney = await createContribution(em, fund, { funder: council, amountPence: 4_000_00 });
  await createAward(em, fund, { amountPence: 1_250_75, priorityTags: ['food'], draws: [[trustMoney, 1_000_00], [councilMoney, 250_75]], grant: true });
  people.coordinator = await addMember(em, fund, FundRole.COORDINATOR, { user: await createUser(em, { name: 'Esme Coordinator' }) });
  people.officer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { user: await createUser(em, { name: 'Olu Officer' }), funder: trust });
  application = await createApplication(em, fund, { title: 'Drying out the village hall', priorityTags: ['food'] });
});
afterAll(async () => {
  await browser?.close();
  await orm?.close();
});

const sql = <T>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);

async function signedIn(user: User, width: number, home: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 400 ? 720 : 900 } });
  const page = await context.newPage();
  consoles.push(watchConsole(page));
  await page.goto(await issueSignInLink(orm.em.fork(), user, inject('appUrl')));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: `${home}: this week` }).waitFor();
  return page;
}

/** Nothing on the page may stick out sideways (a table scrolls inside its own region instead). */
async function expectNoSidewaysScroll(page: Page) {
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => !element.closest('.app-table-container') && element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`),
  );
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

async function expectAccessible(page: Page, name: string) {
  await expectNoSidewaysScroll(page);
  expect(await accessibilityViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

it("shows the demo fund's funders against its priorities on a phone: overlaps, gaps and exact totals", async () => {
  const coordinator = await orm.em.fork().findOneOrFail(User, { email: 'coordinator@demo.pooled-fund.example' });
  const page = await signedIn(coordinator, 320, 'Riverdale Community Response Fund (demo)');
  await page.getByRole('link', { name: 'Who funds what' }).click();
  await page.getByRole('heading', { name: 'Who funds what', level: 1 }).waitFor();
  expect(await page.title()).toBe('Riverdale Community Response Fund (demo): who funds what – Pooled fund portal');

  const overlaps = page.getByRole('region', { name: /^Where funders overlap/ });
  await overlaps.getByText('Food: Riverdale Community Foundation (demo), Riverdale County Council (demo)').waitFor();
  await overlaps.getByText(/^Mental health: /).waitFor();
  const gaps = page.getByRole('region', { name: /^Gaps: nobody focuses on or funds/ });
  for (const gap of ['Domestic abuse', 'Digital inclusion', 'Disabled people', 'LGBTQ+ people']) await gaps.getByText(gap, { exact: true }).waitFor();

  // A real table: the caption names it, each column and row has its header, and its figures are the grants'.
  const table = page.getByRole('table', { name: 'Priorities against funders: money paid to grants' });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  expect(headers[0]).toBe('Priority');
  expect(headers.at(-1)).toBe('All funders');
  expect(headers).toContain('Northern Waters plc (demo)');
  const [{ total, grants }] = await sql<{ total: string; grants: number }>(
    `SELECT sum(g.amount_pence) AS total, count(*)::int AS grants FROM fund_grant g JOIN application a ON a.id = g.application_id JOIN fund f ON f.id = a.fund_id WHERE f.is_demo`,
  );
  expect((await page.getByTestId('who-funds-what-total').innerText()).split(/\n+/)).toEqual([formatPence(Number(total)), `${grants} grants`]);
  const foodRow = table.getByRole('row', { name: /^Food Overlap/ });
  expect(await foodRow.getByText('Focus').count()).toBe(2);
  await table.getByRole('rowheader', { name: /^Flood recovery/ }).waitFor();

  // The wide table scrolls inside its own region, which takes keyboard focus to do so.
  const region = page.getByRole('region', { name: 'Priorities against funders: money paid to grants' });
  await region.focus();
  expect(await region.evaluate((element) => element === document.activeElement && element.scrollWidth > element.clientWidth)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expectAccessible(page, 'priorities-1-who-funds-what-demo-320');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await table.waitFor();
  await expectAccessible(page, 'priorities-1-who-funds-what-demo-1280');
  await page.context().close();
});

it('lets the coordinator add, rename, reorder, retire and delete priorities, each in the audit log', async () => {
  const page = await signedIn(people.coordinator, 320, 'Eskdale Flood Fund');
  await page.getByRole('link', { name: 'Priorities' }).click();
  await page.getByRole('heading', { name: 'Priorities', level: 1 }).waitFor();
  await expectAccessible(page, 'priorities-2-list-320');

  // An empty kind is caught before sending; a name already used is refused by the server, next to its field.
  await page.getByLabel('Name', { exact: true }).fill('FOOD');
  await page.getByRole('button', { name: 'Add the priority' }).click();
  await page.locator('#kind-error').getByText('Choose theme or community.').waitFor();
  await page.getByRole('group', { name: 'Kind' }).getByLabel('Theme').check();
  await page.getByRole('button', { name: 'Add the priority' }).click();
  await page.locator('#label-error').getByText('There is already a priority called Food.').waitFor();
  expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  await expectAccessible(page, 'priorities-3-add-refused-320');

  await page.getByLabel('Name', { exact: true }).fill('Flood recovery');
  await page.getByLabel('Short description (optional)').fill('Drying out and repairing homes and halls.');
  await page.getByRole('button', { name: 'Add the priority' }).click();
  await page.getByRole('alert').getByText('Flood recovery is added, at the end of its list.').waitFor();
  const themes = page.getByRole('region', { name: /^Themes/ });
  expect((await themes.getByRole('heading', { level: 3 }).allInnerTexts()).at(-1)).toBe('Flood recovery');

  // Moved up with the keyboard: the button keeps its name for screen readers.
  await themes.getByRole('button', { name: 'Move up Flood recovery' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alert').getByText('Moved Flood recovery up.').waitFor();
  expect((await themes.getByRole('heading', { level: 3 }).allInnerTexts()).slice(-2)).toEqual(['Flood recovery', 'Environment']);

  await themes.getByRole('link', { name: 'Change Flood recovery' }).click();
  await page.getByRole('heading', { name: 'Change Flood recovery' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Flood recovery and repair');
  await expectAccessible(page, 'priorities-4-change-320');
  await page.getByRole('button', { name: 'Save the priority' }).click();
  await page.getByRole('heading', { name: 'Priorities', level: 1 }).waitFor();
  await themes.getByRole('heading', { name: 'Flood recovery and repair' }).waitFor();

  // Food is on a grant, so it can only be retired; sport is unused, so it can be deleted.
  expect(await themes.getByRole('button', { name: 'Delete Food' }).count()).toBe(0);
  await themes.getByRole('button', { name: 'Retire Food' }).click();
  await page.getByRole('alert').getByText('Food is retired: it stays where it is used, and is no longer offered.').waitFor();
  await themes.getByRole('heading', { name: 'Food Retired' }).waitFor();
  await themes.getByRole('button', { name: 'Delete Sport and physical activity' }).click();
  await page.getByRole('alert').getByText('Sport and physical activity is deleted.').waitFor();
  await expectAccessible(page, 'priorities-5-edited-320');

  const events = await sql<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_event WHERE fund_id = ? AND (action LIKE 'priorit%') ORDER BY id`, [fund.id]);
  expect(events).toEqual(['priority.added', 'priorities.reordered', 'priority.updated', 'priority.retired', 'priority.deleted'].map((action) => ({ action, actor_id: people.coordinator.id })));
  await page.context().close();
});

it("lets an officer mark their funder's focus and tag an application, then shows both", async () => {
  const page = await signedIn(people.officer, 320, 'Eskdale Flood Fund');
  await page.getByRole('link', { name: 'Who funds what' }).click();
  await page.getByRole('heading', { name: 'Who funds what', level: 1 }).waitFor();
  // Only their own funder's focus is theirs to change.
  expect(await page.getByRole('link', { name: /^Change the focus/ }).allTextContents()).toEqual(['Change the focus of Eskdale Trust']);
  await page.getByRole('link', { name: 'Change the focus of Eskdale Trust' }).click();
  await page.getByRole('heading', { name: 'What Eskdale Trust focuses on' }).waitFor();
  // Retired and deleted priorities are not offered.
  expect(await page.getByLabel('Food', { exact: true }).count()).toBe(0);
  await page.getByLabel('Flood recovery and repair').check();
  await page.getByLabel('Older people').check();
  await expectAccessible(page, 'priorities-6-focus-320');
  await page.getByRole('button', { name: 'Save the focus' }).click();
  await page.getByRole('heading', { name: 'Who funds what', level: 1 }).waitFor();
  await page.getByText('Focuses on Flood recovery and repair, Older people.').waitFor();
  const table = page.getByRole('table', { name: 'Priorities against funders: money paid to grants' });
  // The retired food priority keeps its grant: £250.75 from the council and £1,000 from the trust (columns by name).
  const food = table.getByRole('row', { name: /^Food \(retired\)/ });
  expect((await food.getByRole('cell').allInnerTexts()).map((text) => text.split(/\n+/))).toEqual([['£250.75', '1 grant'], ['£1,000', '1 grant'], ['£1,250.75', '1 grant']]);
  expect(await table.getByRole('row', { name: /^Flood recovery and repair/ }).getByText('Focus').count()).toBe(1);
  await expectAccessible(page, 'priorities-7-who-funds-what-320');

  await page.goto(`${inject('appUrl')}/applications/${application.id}`);
  const section = page.getByRole('region', { name: 'Priorities' });
  await section.getByRole('list', { name: 'Priority tags' }).getByText('Food').waitFor();
  const form = section.getByRole('form', { name: `Priorities of ${application.reference}` });
  // Food is retired, but stays ticked on the application that has it.
  expect(await form.getByLabel('Food (retired)').isChecked()).toBe(true);
  await form.getByLabel('Flood recovery and repair').check();
  await form.getByRole('button', { name: 'Save the priorities' }).click();
  await section.getByRole('alert').getByText('Priorities saved').waitFor();
  await section.getByText(/^Flood recovery and repair, added by Olu Officer on /).waitFor();
  await expectAccessible(page, 'priorities-8-tagged-320');
  const [tags] = await sql<{ priority_tags: string[] }>(`SELECT priority_tags FROM application WHERE id = ?`, [application.id]);
  expect(tags.priority_tags).toEqual(['food', 'flood-recovery']);
  await page.context().close();
});

it('sees no errors in the browser console', () => {
  expect(consoles.flat()).toEqual([]);
});
