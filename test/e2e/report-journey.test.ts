import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApplicationStatus, FundRole } from '../../shared/domain.ts';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { viewerOf } from '../../server/demo/seed-panel-history.ts';
import { openOrm, type Orm } from '../../server/db/orm.ts';
import type { Application } from '../../server/modules/applications/application.entity.ts';
import type { Funder } from '../../server/modules/funders/funder.entity.ts';
import type { Fund } from '../../server/modules/funds/fund.entity.ts';
import { FundMembership } from '../../server/modules/funds/fund-membership.entity.ts';
import { Mailer } from '../../server/modules/notifications/mailer.ts';
import { closeMeeting } from '../../server/modules/panels/close-meeting.ts';
import { DecisionKind } from '../../server/modules/panels/decision.entity.ts';
import { recordDecision } from '../../server/modules/panels/decision.service.ts';
import { PanelMeeting } from '../../server/modules/panels/panel-meeting.entity.ts';
import type { User } from '../../server/modules/users/user.entity.ts';
import { addMember, createApplication, createContribution, createFund, createFunder, createUser } from '../factories/index.ts';
import { accessibilityViolations, launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

// A group reports on its grant from a phone, by the link it was emailed, and an officer reads the report
// and replies. In its own fund, so the demo stays as other tests expect it.
let browser: Browser;
let orm: Orm;
let fund: Fund;
let application: Application;
let officer: User;
let trust: Funder;
let link: string;
const consoles: string[][] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  orm = await openOrm(inject('appDatabaseUrl'));
  const em = orm.em.fork();
  fund = await createFund(em, { name: 'Westfell Winter Fund' });
  trust = await createFunder(em, { name: 'Westfell Trust' });
  await createContribution(em, fund, { funder: trust, amountPence: 5_000_00 });
  const meeting = em.create(PanelMeeting, { fund, meetsAt: new Date('2026-11-19T14:00:00Z'), cutoffAt: new Date('2026-11-17T14:00:00Z') });
  application = await createApplication(em, fund, { status: ApplicationStatus.ON_AGENDA, title: 'Warm space in the chapel', group: { name: 'Westfell Chapel Friends', contactEmail: 'friends@westfell.example' } });
  application.meeting = meeting;
  await em.flush();
  const chair = await addMember(em, fund, FundRole.COORDINATOR, { user: await createUser(em, { name: 'Chris Chair' }) });
  officer = await addMember(em, fund, FundRole.FUNDER_OFFICER, { user: await createUser(em, { name: 'Olu Officer' }), funder: trust });
  const coordinator = viewerOf(await em.find(FundMembership, { user: chair }, { populate: ['user', 'fund'] }));
  await recordDecision(em, coordinator, { applicationId: application.id, expectedVersion: 0, kind: DecisionKind.AWARD, amountPence: 600_00 });
  await closeMeeting(em, new Mailer(null, 'test@localhost'), coordinator, { meetingId: meeting.id, attendeeIds: [chair.id] }, inject('appUrl'));
  const [mail] = await em.getConnection().execute<{ body: string }[]>(`SELECT body FROM outbound_email WHERE kind = 'report-link' AND to_address = 'friends@westfell.example'`);
  link = /http\S+\/report\/[\w-]+/.exec(mail.body)![0];
});
afterAll(async () => {
  await browser?.close();
  await orm?.close();
});

async function checked(page: Page, name: string) {
  expect(await accessibilityViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

it('lets a group send its report from a narrow screen, photo included, with no accessibility violations', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  consoles.push(watchConsole(page));
  await page.goto(link);
  await page.getByRole('heading', { name: 'Tell us how your grant went' }).waitFor();
  await checked(page, 'report-1-start');
  await page.getByRole('link', { name: 'Start your report' }).click();

  await page.getByRole('heading', { name: 'What did the grant do?' }).waitFor();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText('There is a problem').waitFor();
  expect(await page.locator('.app-error-summary a').allTextContents()).toEqual(['Tell us in a few sentences what the grant paid for and what difference it made.']);
  await checked(page, 'report-2-errors');
  await page.getByLabel('In a few sentences, what did the grant pay for, and what difference did it make?').fill('We opened the chapel as a warm space three afternoons a week. Forty people came, and a lunch club has started.');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByRole('heading', { name: 'A photo (optional)' }).waitFor();
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#b58840' } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '54/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '3/1 0/1 0/1' } })
    .toBuffer();
  await page.getByLabel('Choose a photo').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByLabel('What does the photo show? (optional)').fill('Soup on the chapel stove');
  await checked(page, 'report-3-photo');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('heading', { name: 'Sharing your story' }).waitFor();
  await page.getByLabel('Share it with the funders only').check();
  await checked(page, 'report-4-sharing');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByRole('heading', { name: 'Check your report before sending it' }).waitFor();
  await checked(page, 'report-5-check');
  await page.getByRole('button', { name: 'Send report' }).click();
  await page.getByText('Report sent').waitFor();
  expect(await page.getByRole('img', { name: 'Soup on the chapel stove' }).evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(800);
  await checked(page, 'report-6-sent');
  await context.close();
});

it('shows the report to an officer, who replies; the group reads the reply on its link', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  consoles.push(watchConsole(page));
  await page.goto(await issueSignInLink(orm.em.fork(), officer, inject('appUrl')));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Westfell Winter Fund: this week' }).waitFor();
  await page.goto(`${inject('appUrl')}/funds/${fund.id}/grants`);
  await page.getByRole('link', { name: `A few sentences for ${application.reference}` }).click();
  await page.getByRole('heading', { name: 'Report on Warm space in the chapel' }).waitFor();
  await page.getByText('We opened the chapel as a warm space').waitFor();
  // The photo's width once it has loaded (0 if it could not be fetched).
  const loadedWidth = (image: HTMLImageElement) =>
    image.complete
      ? image.naturalWidth
      : new Promise<number>((resolve) => {
          image.addEventListener('load', () => resolve(image.naturalWidth), { once: true });
          image.addEventListener('error', () => resolve(0), { once: true });
        });
  expect(await page.getByRole('img', { name: 'Soup on the chapel stove' }).evaluate(loadedWidth)).toBe(800);
  await checked(page, 'report-7-officer');
  await page.getByLabel('Reply to the group').fill('Thank you: the trustees would love to visit the lunch club.');
  await page.getByRole('button', { name: 'Send the reply' }).click();
  await page.getByText('Olu Officer').waitFor();
  await context.close();

  const group = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const groupPage = await group.newPage();
  consoles.push(watchConsole(groupPage));
  await groupPage.goto(link);
  await groupPage.getByText('Thank you: the trustees would love to visit the lunch club.').waitFor();
  await checked(groupPage, 'report-8-reply');
  await group.close();
});

it("lets the funder officer read the sent story in the stories feed and in its funder's own view, wide and on a phone", async () => {
  const story = 'We opened the chapel as a warm space three afternoons a week.';
  for (const width of [1280, 320]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    consoles.push(watchConsole(page));
    const fitsTheScreen = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
    await page.goto(await issueSignInLink(orm.em.fork(), officer, inject('appUrl')));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Westfell Winter Fund: this week' }).waitFor();

    await page.getByRole('link', { name: 'Stories from reports' }).click();
    await page.getByRole('heading', { name: 'Stories from reports' }).waitFor();
    await page.getByText('1 story.').waitFor();
    const card = page.getByRole('article', { name: 'Westfell Chapel Friends' });
    await card.getByText(story).waitFor();
    await card.getByText('Funders only', { exact: true }).waitFor();
    expect(await card.getByRole('img', { name: 'Soup on the chapel stove' }).evaluate((image: HTMLImageElement) => image.decode().then(() => image.naturalWidth, () => 0))).toBe(800);
    // Filtered to another phase, the story is not there; back to every phase, it is.
    await page.getByLabel('Phase').selectOption({ label: 'Recovery' });
    await page.getByText('0 stories match these filters.').waitFor();
    await page.getByLabel('Phase').selectOption({ label: 'All phases' });
    await card.waitFor();
    await fitsTheScreen();
    await checked(page, `report-9-stories-${width}`);

    await page.goto(`${inject('appUrl')}/funds/${fund.id}`);
    await page.getByRole('link', { name: 'What Westfell Trust’s money paid for' }).click();
    await page.getByRole('heading', { name: 'What Westfell Trust’s money paid for' }).waitFor();
    await page.getByRole('article', { name: 'Westfell Chapel Friends' }).getByText(story).waitFor();
    expect(await page.getByTestId('impact-money').textContent()).toBe('£600from Westfell Trust');
    await fitsTheScreen();
    await checked(page, `report-10-funder-view-${width}`);

    // Printed: no navigation or buttons, the photo kept small.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(false);
    expect(await page.getByRole('img', { name: 'Soup on the chapel stove' }).evaluate((image) => image.getBoundingClientRect().height)).toBeLessThanOrEqual(341);
    await screenshot(page, `report-11-funder-view-print-${width}`);
    await page.emulateMedia({ media: 'screen' });

    const csv = await context.request.get(`${inject('appUrl')}/funds/${fund.id}/funders/${trust.id}/impact.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`Westfell Chapel Friends,Warm space in the chapel,`);
    await context.close();
  }
  // No Content-Security-Policy violation or script error on any page. A page re-shown with errors
  // answers 422, which Chromium reports; anything else is a real problem.
  expect(consoles.flat().filter((problem) => !problem.includes('status of 422'))).toEqual([]);
});
