import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { openOrm, type Orm } from '../../server/db/orm.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createContribution, createFund, createFunder, createUser } from '../factories/index.ts';
import { accessibilityViolations, launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

// A coordinator sets up their fund on screen and brings in a new funder, whose officer records the
// funder's money from a phone. It runs in its own fund so the demo's figures stay as other tests expect.
let browser: Browser;
let orm: Orm;
let fund: Fund;
let coordinator: User;
const consoles: string[][] = [];
const NEW_OFFICER = 'nia.okafor@northmoor-bs.example';

beforeAll(async () => {
  browser = await launchBrowser();
  orm = await openOrm(inject('appDatabaseUrl'));
  const em = orm.em.fork();
  fund = await createFund(em, { name: 'Northmoor Storm Fund', purpose: 'Helping Northmoor groups through the winter storms.' });
  await createContribution(em, fund, { funder: await createFunder(em, { name: 'Northmoor Community Trust' }), amountPence: 3_000_00 });
  coordinator = await addMember(em, fund, FundRole.COORDINATOR, { user: await createUser(em, { name: 'Cara Coordinator' }) });
});
afterAll(async () => {
  await browser?.close();
  await orm?.close();
});

const sql = <T>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);

async function newPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 400 ? 720 : 900 } });
  const page = await context.newPage();
  // watchConsole fills its list as errors come, so keep the list itself, not a copy of it now.
  consoles.push(watchConsole(page));
  return page;
}

/** Nothing on the page may stick out sideways: at 320 px that means a horizontal scroll bar. */
async function expectNoSidewaysScroll(page: Page) {
  // Names what sticks out (outside scrolling table containers), so a failure says where to look.
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => !element.closest('.app-table-container') && element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`),
  );
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

it('sets up the fund, invites a funder officer who accepts, and records their contribution on a phone', async () => {
  // The coordinator changes the settings; one bad value first, refused by the server next to its field.
  const chair = await newPage(1280);
  await chair.goto(await issueSignInLink(orm.em.fork(), coordinator, inject('appUrl')));
  await chair.getByRole('button', { name: 'Continue' }).click();
  await chair.getByRole('heading', { name: 'Northmoor Storm Fund: this week' }).waitFor();
  await chair.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await chair.getByRole('heading', { name: 'Fund settings' }).waitFor();
  await screenshot(chair, 'setup-1-settings');

  await chair.getByLabel('Shared purpose').fill('Helping Northmoor groups through the storms and the clean-up after them.');
  await chair.getByLabel('Tuesday').check();
  await chair.getByLabel('Time the panel meets').fill('10:30');
  await chair.getByLabel('Cut-off, in hours before the panel').fill('200');
  await chair.getByLabel('Largest award to an unconstituted group, in pounds').fill('750');
  await chair.getByRole('button', { name: 'Save settings' }).click();
  const cutoffMessage = 'Set the cut-off no more than 168 hours (a week) before the panel.';
  await chair.locator('#cutoffHoursBefore-error').getByText(cutoffMessage).waitFor();
  expect(await chair.getByRole('alert').getByRole('link').allTextContents()).toEqual([cutoffMessage]);
  expect(await chair.getByLabel('Cut-off, in hours before the panel').getAttribute('aria-invalid')).toBe('true');
  expect(await accessibilityViolations(chair)).toEqual([]);
  await screenshot(chair, 'setup-2-settings-error');

  await chair.getByLabel('Cut-off, in hours before the panel').fill('24');
  await chair.getByRole('button', { name: 'Save settings' }).click();
  await chair.getByText('Settings saved').waitFor();
  expect(await sql(`SELECT purpose, panel_weekday, panel_time, cutoff_hours_before, unconstituted_cap_pence FROM fund WHERE id = ?`, [fund.id])).toEqual([
    { purpose: 'Helping Northmoor groups through the storms and the clean-up after them.', panel_weekday: 2, panel_time: '10:30', cutoff_hours_before: 24, unconstituted_cap_pence: 750_00 },
  ]);
  // The form starts again from what the server holds.
  expect(await chair.getByLabel('Cut-off, in hours before the panel').inputValue()).toBe('24');
  expect(await chair.getByLabel('Tuesday').isChecked()).toBe(true);

  // A third phase, after the two the fund has. Adding it must not lose settings typed but not saved.
  await chair.getByLabel('Areas the fund covers').fill('Northmoor and the Dale villages');
  await chair.getByRole('button', { name: 'Add a phase' }).click();
  const phaseForm = chair.getByRole('form', { name: 'Add a phase' });
  await phaseForm.getByLabel('Name of the phase').fill('Rebuilding');
  await phaseForm.getByLabel('Other').check();
  await phaseForm.getByLabel('What this phase funds').fill('Repairing and restocking community buildings.');
  await phaseForm.getByLabel('Smallest award, in pounds').fill('1,000');
  await phaseForm.getByLabel('Largest award, in pounds').fill('20,000');
  await phaseForm.getByRole('button', { name: 'Add phase' }).click();
  const rebuilding = chair.getByRole('article', { name: 'Rebuilding Planned' });
  await rebuilding.getByText('Other phase · awards from £1,000 to £20,000').waitFor();
  expect(await chair.getByRole('form', { name: 'Add a phase' }).count()).toBe(0);
  expect(await chair.getByLabel('Areas the fund covers').inputValue()).toBe('Northmoor and the Dale villages');
  // Saved after the phase: the phase moved the fund's version on, which is no conflict with oneself.
  await chair.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(async () => (await sql<{ area_description: string }>(`SELECT area_description FROM fund WHERE id = ?`, [fund.id]))[0].area_description).toBe('Northmoor and the Dale villages');
  await chair.getByText('Settings saved').waitFor();
  expect(await chair.getByText('There is a problem').count()).toBe(0);
  expect(await sql(`SELECT name, kind, position, status, min_award_pence, max_award_pence FROM phase WHERE fund_id = ? ORDER BY position`, [fund.id])).toEqual([
    expect.objectContaining({ name: 'Emergency', position: 0, status: 'OPEN' }),
    expect.objectContaining({ name: 'Recovery', position: 1, status: 'PLANNED' }),
    { name: 'Rebuilding', kind: 'OTHER', position: 2, status: 'PLANNED', min_award_pence: 1_000_00, max_award_pence: 20_000_00 },
  ]);
  await screenshot(chair, 'setup-3-settings-saved');

  // An invite to an officer of a funder new to the fund.
  await chair.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await chair.getByRole('heading', { name: 'People', exact: true }).waitFor();
  await chair.getByLabel('Their name').fill('Nia Okafor');
  await chair.getByLabel('Their email address').fill(NEW_OFFICER);
  await chair.getByLabel('Funder officer').check();
  await chair.getByLabel('A funder new to this fund').check();
  await chair.getByLabel('Name of the funder').fill('Northmoor Building Society');
  await chair.getByLabel('Company', { exact: true }).check();
  await screenshot(chair, 'setup-4-invite-form');
  await chair.getByRole('button', { name: 'Send invite' }).click();
  await chair.getByText(`We emailed ${NEW_OFFICER} a link to join.`).waitFor();
  const invites = chair.getByRole('region', { name: 'Invites' });
  await invites.getByRole('cell', { name: 'Funder officer for Northmoor Building Society' }).waitFor();
  await invites.getByText('Waiting').waitFor();
  expect(await accessibilityViolations(chair)).toEqual([]);
  await screenshot(chair, 'setup-5-invite-sent');

  const [email] = await sql<{ body: string }>(`SELECT body FROM outbound_email WHERE kind = 'fund-invite' AND to_address = ?`, [NEW_OFFICER]);
  const link = /https?:\/\/\S+\/invite\?token=\S+/.exec(email.body)?.[0];
  expect(link).toBeDefined();

  // The officer, on a phone, with nobody signed in: reading the invite spends nothing; Continue accepts.
  const officer = await newPage(320);
  await officer.goto(link!);
  await officer.getByRole('heading', { name: 'Accept your invite' }).waitFor();
  await officer.getByText('Cara Coordinator has invited Nia Okafor').waitFor();
  await officer.getByText('as funder officer for Northmoor Building Society.').waitFor();
  expect(await accessibilityViolations(officer)).toEqual([]);
  await expectNoSidewaysScroll(officer);
  await screenshot(officer, 'setup-6-accept-invite-320');
  await officer.getByRole('button', { name: 'Continue' }).click();
  await officer.getByRole('heading', { name: 'Northmoor Storm Fund: this week' }).waitFor();
  await officer.getByText('Helping Northmoor groups through the storms and the clean-up after them.').waitFor();
  expect(new URL(officer.url()).pathname).toBe(`/funds/${fund.id}`);
  await screenshot(officer, 'setup-7-officer-home-320');

  // Their money page, then the form, each checked by axe-core at 320 px.
  await officer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Money' }).click();
  await officer.getByRole('heading', { name: 'Money', exact: true }).waitFor();
  expect(await accessibilityViolations(officer)).toEqual([]);
  await expectNoSidewaysScroll(officer);
  await screenshot(officer, 'setup-8-money-320');
  await officer.getByRole('link', { name: 'Record a contribution' }).click();
  await officer.getByRole('heading', { name: 'Record a contribution' }).waitFor();
  // Their own funder is the only one they may record for, so it is chosen already.
  expect(await officer.getByRole('group', { name: 'Which funder is it from?' }).getByRole('radio').count()).toBe(1);
  expect(await officer.getByLabel('Northmoor Building Society').isChecked()).toBe(true);
  expect(await accessibilityViolations(officer)).toEqual([]);
  await expectNoSidewaysScroll(officer);
  await officer.getByLabel('Amount, in pounds').fill('2,500');
  await officer.getByLabel('Date received or pledged').fill('2026-11-20');
  await officer.getByLabel('Food', { exact: true }).check();
  await officer.getByLabel('This money may not go to unconstituted groups').check();
  await officer.getByLabel('Must be spent by (optional)').fill('2027-03-31');
  await screenshot(officer, 'setup-9-record-contribution-320');
  await officer.getByRole('button', { name: 'Record contribution' }).click();

  // Back on the money page: the new contribution has its own ledger bar and its restrictions in words.
  await officer.getByRole('heading', { name: 'Money', exact: true }).waitFor();
  const theirs = officer.getByRole('article', { name: 'Northmoor Building Society: £2,500' });
  await theirs.waitFor();
  expect(await theirs.locator('.app-budget__figure').allInnerTexts()).toEqual(['Paid\n£0', 'Committed\n£0', 'Available\n£2,500', 'Contributed\n£2,500']);
  expect(await theirs.getByRole('listitem').allInnerTexts()).toEqual(['Only for Food.', 'Not for unconstituted groups.', 'To be spent by 31 March 2027.']);
  await theirs.getByRole('link', { name: /^Change/ }).waitFor();
  // The other funder's money is not theirs to change.
  expect(await officer.getByRole('article', { name: 'Northmoor Community Trust: £3,000' }).getByRole('link').count()).toBe(0);
  expect(await officer.locator('.app-budget').first().locator('.app-budget__figure--total').innerText()).toBe('Contributed\n£5,500');
  expect(await accessibilityViolations(officer)).toEqual([]);
  await expectNoSidewaysScroll(officer);
  await screenshot(officer, 'setup-10-money-after-320');

  expect(
    await sql(
      `SELECT f.name, c.amount_pence, c.received_on, c.restricted_to_priorities, c.excludes_unconstituted, c.spend_by
         FROM contribution c JOIN funder f ON f.id = c.funder_id WHERE c.fund_id = ? ORDER BY c.amount_pence`,
      [fund.id],
    ),
  ).toEqual([
    expect.objectContaining({ name: 'Northmoor Building Society', amount_pence: 2_500_00, restricted_to_priorities: ['food'], excludes_unconstituted: true }),
    expect.objectContaining({ name: 'Northmoor Community Trust', amount_pence: 3_000_00 }),
  ]);

  // The coordinator sees the new member and the accepted invite, and the money at desktop width.
  await chair.reload();
  await chair.getByRole('table', { name: 'People in this fund' }).getByRole('cell', { name: 'Northmoor Building Society' }).waitFor();
  await chair.getByRole('region', { name: 'Invites' }).getByText('Accepted').waitFor();
  await chair.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Money' }).click();
  await chair.getByRole('article', { name: 'Northmoor Building Society: £2,500' }).waitFor();
  expect(await accessibilityViolations(chair)).toEqual([]);
  await screenshot(chair, 'setup-11-money-desktop');

  // The coordinator's own screens on a phone.
  await chair.setViewportSize({ width: 320, height: 720 });
  for (const [link, heading, name] of [['People', 'People', 'setup-12-people-320'], ['Settings', 'Fund settings', 'setup-13-settings-320']] as const) {
    await chair.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await chair.getByRole('heading', { name: heading, exact: true }).waitFor();
    await expectNoSidewaysScroll(chair);
    await screenshot(chair, name);
  }

  expect(consoles.flat()).toEqual([]);
});
