import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

const COORDINATOR = 'coordinator@demo.pooled-fund.example';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject('appDatabaseUrl') });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function latestSignInEmail(address: string): Promise<string> {
  const rows = await query<{ body: string }>(
    `SELECT body FROM outbound_email WHERE to_address = $1 AND kind = 'sign-in-link' ORDER BY created_at DESC LIMIT 1`,
    [address],
  );
  return rows[0]?.body ?? '';
}

it('signs the demo coordinator in through the emailed link and shows the week', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchConsole(page);
  const appUrl = inject('appUrl');

  await page.goto(`${appUrl}/`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email address').fill(COORDINATOR);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText('If that address has an account, a sign-in link is on its way.').waitFor();

  const link = /https?:\/\/\S+\/sign-in\/continue\?token=[\w-]+/.exec(await latestSignInEmail(COORDINATOR))?.[0];
  expect(link).toBeDefined();
  await page.goto(link!);
  await page.getByRole('heading', { name: 'Continue signing in' }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('heading', { name: 'Riverdale Community Response Fund (demo): this week' }).waitFor();
  // The demo has 70 sent applications; other browser tests may have sent more, and the agenda job
  // moves checked ones onto the agenda once the week's cut-off has passed.
  const [{ waiting, sent }] = await query<{ waiting: string; sent: string }>(
    `SELECT count(*) FILTER (WHERE status IN ('SUBMITTED', 'CHECKED')) AS waiting, count(*) FILTER (WHERE status <> 'DRAFT') AS sent
       FROM application WHERE fund_id = (SELECT id FROM fund WHERE is_demo)`,
  );
  expect(Number(sent)).toBeGreaterThanOrEqual(70);
  await expect.poll(() => page.getByTestId('applications-waiting').textContent()).toBe(waiting);
  // £800,000 contributed, less £150,000 reserved and £75,450 awarded in the demo's six past meetings.
  expect(await page.getByTestId('money-available').textContent()).toBe('£574,550');
  expect(await page.getByTestId('next-panel').textContent()).toMatch(/^Thursday \d{1,2} \w+ \d{4} at 2:00pm$/);
  expect(await page.getByText('Demo data').count()).toBeGreaterThan(0);
  await screenshot(page, 'coordinator-home');

  await page.getByRole('link', { name: 'Outbox' }).click();
  await page.getByRole('heading', { name: 'Your sign-in link' }).first().waitFor();
  await screenshot(page, 'outbox');

  expect(problems).toEqual([]);
  await page.close();
});

it('shows a phone-sized sign-in page with the field error next to the field', async () => {
  const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
  const problems = watchConsole(page);
  await page.goto(`${inject('appUrl')}/sign-in`);
  await page.getByLabel('Email address').fill('not an address');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const summary = page.getByRole('alert');
  await summary.getByText('Enter an email address in the correct format, like name@example.org.').waitFor();
  expect(await page.getByLabel('Email address').getAttribute('aria-invalid')).toBe('true');
  await screenshot(page, 'sign-in-error-phone');
  // The server answers bad input with a refusal, not a failed request, so the console stays clean.
  expect(problems).toEqual([]);
  await page.close();
});
