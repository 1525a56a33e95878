import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Presses Tab until the focused element matches, as a keyboard user moves through a page. */
async function tabTo(page: Page, selector: string) {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function typeInto(page: Page, name: string, text: string) {
  await tabTo(page, `[name="${name}"]`);
  await page.keyboard.type(text);
}

/** Tab into a radio group, then arrow keys to the wanted choice, as in any browser. */
async function choose(page: Page, name: string, value: string) {
  await tabTo(page, `input[name="${name}"]`);
  await page.keyboard.press('Space');
  for (let presses = 0; presses < 10; presses += 1) {
    if (await page.isChecked(`input[name="${name}"][value="${value}"]`)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Could not choose ${value} for ${name}`);
}

async function submit(page: Page, label: string) {
  await tabTo(page, 'button[type="submit"], a.app-button');
  expect((await page.evaluate(() => document.activeElement?.textContent ?? '')).trim()).toBe(label);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

it('can be completed with the keyboard alone', async () => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  await page.goto(`${inject('appUrl')}/apply/riverdale-demo`);
  await submit(page, 'Start now');

  await choose(page, 'worksInArea', 'yes');
  await choose(page, 'legalForm', 'CONSTITUTED_COMMUNITY_GROUP');
  await typeInto(page, 'amountPence', '3000');
  await typeInto(page, 'purpose', 'Reopening the village hall kitchen');
  await submit(page, 'Save and continue');
  await submit(page, 'Continue');

  await typeInto(page, 'groupName', 'Greyrigg Village Hall Committee');
  await submit(page, 'Save and continue');
  await typeInto(page, 'contactName', 'Lou Irving');
  await typeInto(page, 'contactEmail', 'lou@greyrigg.example');
  await submit(page, 'Save and continue');
  await typeInto(page, 'postcode', 'RD7 1QP');
  await submit(page, 'Save and continue');
  // Where the work happens is optional: nothing ticked, the postcode places it.
  await page.getByRole('heading', { name: 'Where your work happens' }).waitFor();
  await submit(page, 'Save and continue');
  await typeInto(page, 'title', 'Village hall kitchen');
  await typeInto(page, 'description', 'Replace the flooded kitchen so the lunch club can start again.');
  await typeInto(page, 'beneficiaries', 'Around 60 older people who come to the lunch club.');
  await submit(page, 'Save and continue');
  // Tick boxes take Space, as in any browser.
  await tabTo(page, 'input[value="older-people"]');
  await page.keyboard.press('Space');
  expect(await page.isChecked('input[value="older-people"]')).toBe(true);
  await submit(page, 'Save and continue');
  await typeInto(page, 'budget', 'Cooker and fridge £2,200, fitting £800.');
  await submit(page, 'Save and continue');

  await page.getByRole('heading', { name: 'Check your answers before sending your application' }).waitFor();
  await page.getByText('Older people', { exact: true }).waitFor();
  await page.getByText('None chosen: we will use your postcode', { exact: true }).waitFor();
  await submit(page, 'Send application');
  await page.getByRole('heading', { name: 'Application sent' }).waitFor();
  expect(await page.getByTestId('reference').textContent()).toMatch(/^RD-\d{5}$/);
  await screenshot(page, 'apply-keyboard-confirmation');
  await page.close();
});
