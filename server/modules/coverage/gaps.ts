// The gaps in a coverage map, worked out from its areas' figures: deprived areas with no or little
// money, and rural areas against urban ones. Pure, so the rules are tested on their own.
import { DEPRIVED_DECILES, LITTLE_SHARE_OF_MEDIAN } from '../../../shared/coverage.ts';
import type { AreaGroupFigures, CoverageArea } from './coverage.types.ts';

/** By code, as text: codes are ASCII, and a locale comparison costs ten times as much over 32,844 areas. */
export const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The median of the money per head among areas that have any money and people; null when none has. */
export function medianPencePerHead(areas: readonly CoverageArea[]): number | null {
  const values = areas
    .filter((area) => area.pence > 0 && area.pencePerHead !== null)
    .map((area) => area.pencePerHead!)
    .sort((a, b) => a - b);
  if (values.length === 0) return null;
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

const byNeed = (a: CoverageArea, b: CoverageArea) =>
  (a.pencePerHead ?? 0) - (b.pencePerHead ?? 0) || (a.imdDecile ?? 11) - (b.imdDecile ?? 11) || (b.population ?? 0) - (a.population ?? 0) || byCode(a, b);

const hasLittle = (area: CoverageArea, little: number | null) => area.pence > 0 && little !== null && area.pencePerHead !== null && area.pencePerHead < little;

/** Areas in deciles 1 and 2 with no money, or less per head than `little`; least per head first. */
export function deprivedGaps(areas: readonly CoverageArea[], little: number | null): CoverageArea[] {
  return areas
    .filter((area) => area.imdDecile !== null && (DEPRIVED_DECILES as readonly number[]).includes(area.imdDecile))
    .filter((area) => area.pence === 0 || hasLittle(area, little))
    .sort(byNeed);
}

function group(areas: readonly CoverageArea[]): AreaGroupFigures {
  const population = areas.reduce((sum, area) => sum + (area.population ?? 0), 0);
  const pence = areas.reduce((sum, area) => sum + area.pence, 0);
  return { areaCount: areas.length, unfundedCount: areas.filter((area) => area.pence === 0).length, population, pence, pencePerHead: population > 0 ? pence / population : null };
}

/** Rural areas against urban ones (money per head of each), and the rural areas with none or little. */
export function ruralGap(areas: readonly CoverageArea[], little: number | null) {
  const rural = areas.filter((area) => area.rural === true);
  return {
    rural: group(rural),
    urban: group(areas.filter((area) => area.rural === false)),
    unknownCount: areas.filter((area) => area.rural === null).length,
    unfunded: rural.filter((area) => area.pence === 0).sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || byCode(a, b)),
    little: rural.filter((area) => hasLittle(area, little)).sort(byNeed),
  };
}

/** The threshold of "little" money per head: a quarter of the median among funded areas. */
export function littlePencePerHead(median: number | null): number | null {
  return median === null ? null : median * LITTLE_SHARE_OF_MEDIAN;
}
