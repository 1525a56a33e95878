import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { issueSignInLink } from '../../server/auth/sign-in.service.ts';
import { openOrm, type Orm } from '../../server/db/orm.ts';
import { User } from '../../server/modules/users/user.entity.ts';
import { accessibilityViolations, launchBrowser, screenshot, watchConsole } from '../support/browser.ts';

// The demo fund's coverage map (its generated, fictional geography): drawn, filtered, read with the
// keyboard, and checked against its own table, on a laptop and on a phone.
let browser: Browser;
let orm: Orm;
let coordinator: User;
const consoles: string[][] = [];
const FUND = 'Riverdale Community Response Fund (demo)';

beforeAll(async () => {
  browser = await launchBrowser();
  orm = await openOrm(inject('appDatabaseUrl'));
  coordinator = await orm.em.fork().findOneOrFail(User, { email: 'coordinator@demo.pooled-fund.example' });
});
afterAll(async () => {
  await browser?.close();
  await orm?.close();
  // No Content-Security-Policy violation or script error on any page.
  expect(consoles.flat()).toEqual([]);
});

async function openCoverage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 400 ? 720 : 900 } });
  const page = await context.newPage();
  consoles.push(watchConsole(page));
  await page.goto(await issueSignInLink(orm.em.fork(), coordinator, inject('appUrl')));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: `${FUND}: this week` }).waitFor();
  await page.getByRole('link', { name: 'Coverage map' }).click();
  await page.getByRole('heading', { name: 'Coverage map', level: 1 }).waitFor();
  await mapDrawn(page);
  return page;
}

async function mapDrawn(page: Page) {
  await page.locator('.app-map__area').first().waitFor();
  await page.getByTestId('coverage-table').waitFor();
}

/** Waits for the figures to settle after a change (the status says "Showing …" again). */
async function settled(page: Page) {
  await page.getByRole('status').filter({ hasText: /^Showing / }).waitFor();
}

interface Drawn {
  code: string;
  klass: string;
  label: string;
}

const drawnAreas = (page: Page) =>
  page.locator('.app-map__area').evaluateAll((paths) => paths.map((path) => ({ code: path.getAttribute('data-code')!, klass: path.getAttribute('data-class')!, label: path.getAttribute('aria-label')! })));

interface Row {
  code: string;
  klass: string;
  name: string;
  grants: string;
  money: string;
  people: string;
  perHead: string;
  decile: string;
}

const tableRows = (page: Page) =>
  page.getByTestId('coverage-table').locator('tbody tr[data-code]').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim());
      return {
        code: row.getAttribute('data-code')!,
        klass: row.getAttribute('data-class')!,
        name: row.querySelector('th button')!.textContent!.trim(),
        grants: cells[0],
        money: cells[1],
        people: cells[2],
        perHead: cells[3],
        decile: cells[4].replace(/\s*\(from its LSOAs\)$/, ''),
      };
    }),
  );

/** Every area drawn is in the table with the same colour class and the same figures, and the other way round. */
async function expectTableMatchesMap(page: Page) {
  const drawn: Drawn[] = await drawnAreas(page);
  const rows: Row[] = await tableRows(page);
  expect(drawn.length).toBeGreaterThan(0);
  expect(rows.map((row) => row.code).sort()).toEqual(drawn.map((area) => area.code).sort());
  const byCode = new Map(rows.map((row) => [row.code, row]));
  for (const area of drawn) {
    const row = byCode.get(area.code)!;
    expect(row.klass, area.code).toBe(area.klass);
    const grants = Number(row.grants);
    expect(area.label, area.code).toContain(`${row.name}: ${grants.toLocaleString('en-GB')} ${grants === 1 ? 'grant' : 'grants'}, ${row.money}`);
    expect(area.label, area.code).toContain(row.people === 'Not known' ? 'population not known' : `${row.people} people, ${row.perHead} a head`);
    expect(area.label, area.code).toContain(row.decile === 'Not known' ? 'no IMD decile' : `IMD decile ${row.decile}`);
  }
  return { drawn, rows };
}

/** Nothing on the page may stick out sideways (a table scrolls inside its own region instead). */
async function expectNoSidewaysScroll(page: Page) {
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => !element.closest('.app-table-container') && element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`),
  );
  expect(outside).toEqual([]);
}

async function expectAccessible(page: Page, name: string) {
  await expectNoSidewaysScroll(page);
  expect(await accessibilityViolations(page), name).toEqual([]);
  await screenshot(page, name);
}

const sql = <T>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);

it("draws the demo fund's map, matches it to the table, and changes it with a filter", async () => {
  const page = await openCoverage(1280);
  expect(await page.title()).toBe(`${FUND}: coverage map – Pooled fund portal`);

  // Wards by money per head, every ward of the demo district drawn.
  const [{ wards }] = await sql<{ wards: number }>(`SELECT count(*)::int AS wards FROM area WHERE demo AND kind = 'WARD'`);
  const before = await expectTableMatchesMap(page);
  expect(before.drawn.length).toBe(wards);
  await page.getByTestId('coverage-legend').getByText('No grants').waitFor();
  await expectAccessible(page, 'coverage-1-wards-per-head-1280');

  // A filter changes the map: only the recovery phase's grants.
  await page.getByLabel('Phase').selectOption({ label: 'Recovery' });
  await settled(page);
  await page.waitForFunction((labels) => [...document.querySelectorAll('.app-map__area')].some((path, index) => path.getAttribute('aria-label') !== labels[index]), before.drawn.map((area) => area.label));
  const recovery = await expectTableMatchesMap(page);
  expect(recovery.drawn.map((area) => area.label)).not.toEqual(before.drawn.map((area) => area.label));
  expect(page.url()).toContain('phase=');
  await screenshot(page, 'coverage-2-recovery-phase-1280');

  // Back to all phases, by LSOA, coloured by deprivation: the key runs from decile 1 to 10.
  await page.getByLabel('Phase').selectOption({ label: 'All phases' });
  await page.getByLabel('Areas', { exact: true }).selectOption({ label: 'LSOA' });
  await page.getByLabel('Colour the map by').selectOption({ label: 'Deprivation (IMD decile)' });
  await settled(page);
  await page.getByRole('heading', { name: 'LSOAs by IMD decile' }).waitFor();
  await page.getByTestId('coverage-legend').getByText('1 (most deprived)').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.app-map__area[data-class^="decile-"]').length > 0);
  const lsoas = await expectTableMatchesMap(page);
  for (const area of lsoas.drawn) expect(area.klass).toMatch(/^(decile-(10|[1-9])|no-data)$/);
  await expectAccessible(page, 'coverage-3-lsoas-decile-1280');

  // The external grants' layer: circles on the map and its own figures.
  await page.getByLabel('Show other funders’ published grants').click();
  await page.getByTestId('coverage-external-summary').waitFor();
  // The demo's published grants are placed by their postcodes: circles on the map, sized by money.
  expect(await page.locator('.app-map__external circle').count()).toBeGreaterThan(0);
  await screenshot(page, 'coverage-4-external-layer-1280');
  await page.context().close();
});

it('shows figures on hover and on keyboard focus, and lists an area’s grants on Enter', async () => {
  const page = await openCoverage(1280);
  const info = page.getByTestId('coverage-map-info');

  // Hover.
  const first = page.locator('.app-map__area').first();
  await first.hover();
  const hovered = (await first.getAttribute('aria-label'))!;
  expect(await info.innerText()).toBe(`${hovered}.`);
  // Clicking lists its grants beside the map.
  await first.click();
  await page.getByRole('heading', { name: `Grants in ${hovered.slice(0, hovered.indexOf(':'))}` }).waitFor();
  await page.mouse.move(0, 0);

  // The map is one tab stop; the arrow keys move between areas and the box follows.
  const stop = page.locator('.app-map__area[tabindex="0"]');
  expect(await stop.count()).toBe(1);
  await page.getByLabel('Show other funders’ published grants').focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
  const start = await focused();
  expect(start).not.toBeNull();
  expect(await info.innerText()).toBe(`${await page.locator(`.app-map__area[data-code="${start}"]`).getAttribute('aria-label')}.`);
  let moved: string | null = start;
  for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp']) {
    await page.keyboard.press(key);
    moved = await focused();
    if (moved !== start) break;
  }
  expect(moved).not.toBe(start);
  const label = (await page.locator(`.app-map__area[data-code="${moved}"]`).getAttribute('aria-label'))!;
  expect(await info.innerText()).toBe(`${label}.`);
  await screenshot(page, 'coverage-5-keyboard-focus-1280');

  // Enter lists the area's grants and takes focus there.
  await page.keyboard.press('Enter');
  const name = label.slice(0, label.indexOf(':'));
  const heading = page.getByRole('heading', { name: `Grants in ${name}` });
  await heading.waitFor();
  expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
  const panel = page.getByTestId('coverage-area-grants');
  await panel.getByText(/^(No grants counted here\.|.+)$/).first().waitFor();
  const row = (await tableRows(page)).find((candidate) => candidate.code === moved)!;
  const listed = await panel.getByRole('list', { name: `Grants counted in ${name}` }).locator(':scope > li').count();
  expect(listed).toBe(Number(row.grants));
  await page.context().close();
});

it('works on a phone with no accessibility problems', async () => {
  const page = await openCoverage(320);
  await expectAccessible(page, 'coverage-6-wards-320');
  await page.getByRole('button', { name: /^Money per head/ }).click();
  await page.getByTestId('coverage-table').locator('th[aria-sort="descending"]').waitFor();
  const gaps = page.getByTestId('coverage-gaps');
  await gaps.getByRole('heading', { name: /^Most deprived wards with no or little money/ }).waitFor();
  await gaps.getByTestId('coverage-communities-table').waitFor();
  await page.getByLabel('Areas', { exact: true }).selectOption({ label: 'LSOA' });
  await settled(page);
  await page.getByRole('heading', { name: 'LSOAs by money per head' }).waitFor();
  await expectTableMatchesMap(page);
  await expectAccessible(page, 'coverage-7-lsoas-320');
  await page.context().close();
});
