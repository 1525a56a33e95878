import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const START = () => `${inject('appUrl')}/apply/riverdale-demo`;

async function storedApplication(reference: string) {
  const client = new pg.Client({ connectionString: inject('appDatabaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT a.title, a.amount_requested_pence, a.priority_tags, a.area_codes, g.name, g.legal_form, g.postcode, g.member_names, g.referee_email
         FROM application a JOIN applicant_group g ON g.id = a.group_id WHERE a.reference = $1`,
      [reference],
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** One journey through the public pages; `check` runs on every page (screenshots, axe). */
async function applyAsMutualAid(page: Page, check: (name: string) => Promise<void>) {
  await page.goto(START());
  await check('start');
  await page.getByRole('button', { name: 'Start now' }).click();

  await page.getByRole('heading', { name: 'Check you can apply' }).waitFor();
  await check('eligibility');
  // Send it empty first: the errors must show at the top and next to each field.
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText('There is a problem').waitFor();
  expect(await page.locator('.app-error-summary a, [role=alert] a').allTextContents()).toEqual([
    'Select yes if your group works in the area this fund covers.',
    'Select what kind of group you are.',
    'Enter how much you need, in pounds.',
    'Say in a few words what the money is for.',
  ]);
  await check('eligibility-errors');
  await page.getByRole('group', { name: 'Does your group work in the area this fund covers?' }).getByLabel('Yes').check();
  await page.getByLabel('Unconstituted group').check();
  await page.getByLabel('How much do you need?').fill('1,800');
  await page.getByLabel('What is the money for?').fill('Shopping and prescriptions for neighbours');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByRole('heading', { name: 'You can apply' }).waitFor();
  await check('eligibility-result');
  await page.getByRole('link', { name: 'Continue' }).click();

  await page.getByLabel('What is your group called?').fill('Kirkholm Street Mutual Aid');
  await check('group');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByLabel('Two of our members and a referee').check();
  await check('unconstituted-route');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByLabel('Full name of the first member').fill('Ann Lee');
  await page.getByLabel('Full name of the second member').fill('Bo Chen');
  await page.getByLabel('Full name of your referee').fill('Raj Patel');
  await page.getByLabel('Organisation your referee works or volunteers for').fill('Kirkholm Primary School');
  await page.getByLabel("Your referee's email address").fill('raj@school.example');
  await check('members');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByLabel('Your full name').fill('Ann Lee');
  await page.getByLabel('Your email address').fill('ann@kirkholm.example');
  await check('contact');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByLabel('Postcode where most of your work happens').fill('rd4 2ab');
  await check('where');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // The work reaches beyond the postcode's ward: the group says where, from the fund's wards.
  await page.getByRole('heading', { name: 'Where your work happens' }).waitFor();
  const wards = page.getByRole('group', { name: 'Which wards does your work happen in?' });
  expect(await wards.getByRole('checkbox').count()).toBe(8);
  await wards.getByLabel('Kirkholm and Thornby (fictional)').check();
  await wards.getByLabel('Lowther Bridge and Millbeck (fictional)').check();
  await check('areas');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByLabel('Give your project a short name').fill('Shopping for neighbours');
  await page.getByLabel('What will you do?').fill('Volunteers collect shopping and prescriptions for people who cannot get out.');
  await page.getByLabel('Who will benefit, and how many people roughly?').fill('About 40 older and disabled neighbours.');
  await check('work');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByRole('heading', { name: 'What your work is about' }).waitFor();
  await page.getByRole('group', { name: 'What is your work about?' }).getByLabel('Isolation and loneliness').check();
  await page.getByRole('group', { name: 'Who is it for?' }).getByLabel('Older people').check();
  await page.getByRole('group', { name: 'Who is it for?' }).getByLabel('Disabled people').check();
  await check('priorities');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByLabel('Roughly how will you spend the money?').fill('£1,200 shopping float, £600 fuel.');
  await check('budget');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await page.getByRole('heading', { name: 'Check your answers before sending your application' }).waitFor();
  expect(await page.getByText('RD4 2AB').count()).toBe(1);
  await page.getByText('Lowther Bridge and Millbeck (fictional), Kirkholm and Thornby (fictional)', { exact: true }).waitFor();
  await check('check-answers');
  await page.getByRole('button', { name: 'Send application' }).click();

  await page.getByRole('heading', { name: 'Application sent' }).waitFor();
  await check('confirmation');
  return (await page.getByTestId('reference').textContent())!;
}

describe('the apply journey', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('can be completed with JavaScript turned off, on a 320 px screen', async () => {
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const reference = await applyAsMutualAid(page, (name) => screenshot(page, `apply-nojs-${name}`).then(() => {}));
    expect(reference).toMatch(/^RD-\d{5}$/);
    expect(await storedApplication(reference)).toEqual([
      {
        title: 'Shopping for neighbours',
        amount_requested_pence: 180000,
        priority_tags: ['isolation', 'older-people', 'disabled-people'],
        // The group's choice wins over its postcode's small area.
        area_codes: ['RD-W03', 'RD-W04'],
        name: 'Kirkholm Street Mutual Aid',
        legal_form: 'UNCONSTITUTED_GROUP',
        postcode: 'RD4 2AB',
        member_names: ['Ann Lee', 'Bo Chen'],
        referee_email: 'raj@school.example',
      },
    ]);
    // A page re-shown with errors answers 422, which Chromium reports; anything else is a real problem.
    expect(problems.filter((problem) => !problem.includes('status of 422'))).toEqual([]);
  });

  it('has no accessibility violations on any page, with JavaScript on', async () => {
    // axe-core is injected as a script, which the strict CSP would rightly block.
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 800 } });
    const page = await axeContext.newPage();
    const found: Record<string, string[]> = {};
    const reference = await applyAsMutualAid(page, async (name) => {
      const violations = await accessibilityViolations(page);
      if (violations.length > 0) found[name] = violations;
      await screenshot(page, `apply-js-${name}`);
    });
    expect(reference).toMatch(/^RD-\d{5}$/);
    expect(found).toEqual({});
    await axeContext.close();
  });
});

describe('with JavaScript on', () => {
  it('counts words as people type and saves what they type before they continue', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(START());
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.getByRole('heading', { name: 'Check you can apply' }).waitFor();

    const purpose = page.getByLabel('What is the money for?');
    await purpose.pressSequentially('Hot meals for older people');
    await page.getByText('You have 15 words remaining').waitFor();

    // Not yet continued: the typing is saved in the background, and survives a reload.
    await page.getByText('Your answers on this page are saved as you type.').waitFor();
    await page.reload();
    expect(await page.getByLabel('What is the money for?').inputValue()).toBe('Hot meals for older people');
    expect(problems).toEqual([]);
    await context.close();
  });
});
