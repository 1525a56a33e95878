import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { FundRole } from '../../shared/domain.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { openOrm, type Orm } from '../../server/db/orm.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createFund, createUser } from '../factories/index.ts';
import { accessibilityViolations, launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

// In a fund of its own (the demo's figures stay as other tests expect), on a phone: the coordinator
// makes the demo's generated district the fund's area, and an officer places an application that its
// postcode could not place, choosing from the fund's wards and small areas.
let browser: Browser;
let orm: Orm;
let fund: Fund;
let application: Application;
const people = {} as Record<'coordinator' | 'officer', User>;
const consoles: string[][] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  orm = await openOrm(inject('appDatabaseUrl'));
  const em = orm.em.fork();
  fund = await createFund(em, { name: 'Dalehead Flood Fund' });
  people.coordinator = await addMember(em, fund, FundRole.COORDINATOR, { user: await createUser(em, { name: 'Cleo Coordinator' }) });
  people.officer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { user: await createUser(em, { name: 'Omar Officer' }) });
  application = await createApplication(em, fund, { title: 'Dehumidifiers for the chapel', group: { name: 'Millbeck Chapel Friends', postcode: 'CA1 1AA' } });
});
afterAll(async () => {
  await browser?.close();
  await orm?.close();
});

async function signedIn(user: User): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 320, height: 720 } })).newPage();
  consoles.push(watchConsole(page));
  await page.goto(await issueSignInLink(orm.em.fork(), user, inject('appUrl')));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: `${fund.name}: this week` }).waitFor();
  return page;
}

it("lets the coordinator set the fund's areas and an officer place an application in them, on a phone", async () => {
  const chair = await signedIn(people.coordinator);
  await chair.goto(`${inject('appUrl')}/funds/${fund.id}/settings`);
  await chair.getByRole('heading', { name: 'Official areas' }).waitFor();
  await chair.getByText('No areas yet.').waitFor();
  await chair.getByLabel('Add a local authority').selectOption({ label: 'Riverdale District (fictional) (RD-D01)' });
  await chair.getByRole('button', { name: 'Add the local authority' }).click();
  // A code that is no area is refused by the server, next to the field.
  await chair.getByLabel('Or add a ward or LSOA by its code').fill('E05000000');
  await chair.getByRole('button', { name: 'Add the area' }).click();
  await chair.getByRole('button', { name: 'Save the areas' }).click();
  await chair.getByText('E05000000 is not an area the portal holds.', { exact: false }).first().waitFor();
  expect(await accessibilityViolations(chair)).toEqual([]);
  await chair.getByRole('button', { name: 'Remove E05000000' }).click();
  await chair.getByRole('button', { name: 'Save the areas' }).click();
  await chair.getByRole('heading', { name: 'Areas saved' }).waitFor();
  await chair.getByRole('list', { name: 'Areas the fund covers' }).getByText('Riverdale District (fictional), local authority (RD-D01)').waitFor();
  expect(await accessibilityViolations(chair)).toEqual([]);
  await screenshot(chair, 'areas-1-fund-settings');
  expect((await orm.em.fork().getConnection().execute(`SELECT area_codes FROM fund WHERE id = ?`, [fund.id]))[0].area_codes).toEqual(['RD-D01']);

  const officer = await signedIn(people.officer);
  await officer.goto(`${inject('appUrl')}/applications/${application.id}`);
  await officer.getByRole('heading', { name: 'Areas served' }).waitFor();
  await officer.getByText('Not placed yet: the group’s postcode is not in the postcode lookup.', { exact: false }).waitFor();
  const choose = officer.getByLabel('Add an area the work serves');
  await choose.selectOption({ label: 'All of Lowther Bridge and Millbeck (fictional)' });
  await officer.getByRole('button', { name: 'Add the area' }).click();
  await choose.selectOption({ label: 'Riverdale 004A (fictional), in Kirkholm and Thornby (fictional)' });
  await officer.getByRole('button', { name: 'Add the area' }).click();
  await officer.getByRole('button', { name: 'Save the areas' }).click();
  await officer.getByRole('heading', { name: 'Areas saved' }).waitFor();
  const served = officer.getByRole('list', { name: 'Areas served' });
  await served.getByText('Riverdale 004A (fictional) (LSOA, RD-L0401)').waitFor();
  await served.getByText('Lowther Bridge and Millbeck (fictional) (Ward, RD-W03)').waitFor();
  expect(await accessibilityViolations(officer)).toEqual([]);
  await screenshot(officer, 'areas-2-application-placed');
  expect((await orm.em.fork().getConnection().execute(`SELECT area_codes FROM application WHERE id = ?`, [application.id]))[0].area_codes).toEqual(['RD-L0401', 'RD-W03']);
  expect(consoles.flat()).toEqual([]);
});
