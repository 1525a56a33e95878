// What the map shows and in which colours: the measures, their classes and legend, and the words for
// each area's figures. Pure, so the map, the legend and the table say the same thing.
import { formatPence } from '../../../../shared/money.ts';

export type Measure = 'perHead' | 'grants' | 'decile';

export const MEASURES: { value: Measure; label: string }[] = [
  { value: 'perHead', label: 'Money per head' },
  { value: 'grants', label: 'Number of grants' },
  { value: 'decile', label: 'Deprivation (IMD decile)' },
];

export interface MappedArea {
  code: string;
  name: string;
  grantCount: number;
  pence: number;
  population: number | null;
  pencePerHead: number | null;
  imdDecile: number | null;
  imdDecileDerived: boolean;
  peoplePerKm2: number | null;
  rural: boolean | null;
  ruralPopulationShare: number | null;
  externalGrantCount: number;
  externalPence: number;
}

// Viridis (Smith and van der Walt): light to dark, even in lightness, readable with every common
// colour-vision deficiency and in greyscale.
const VIRIDIS: Record<number, string[]> = {
  1: ['#31688e'],
  2: ['#6ece58', '#3e4989'],
  3: ['#fde725', '#21918c', '#440154'],
  4: ['#fde725', '#35b779', '#31688e', '#440154'],
};
const VIRIDIS_10 = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];
/** Areas with nothing: a pale grey, lighter than any class. */
export const NONE_COLOUR = '#f3f2f1';
/** Areas whose figure is not known (no population, no decile): hatched. */
export const NO_DATA_FILL = 'url(#coverage-no-data)';

export interface LegendEntry {
  key: string;
  label: string;
  fill: string;
}

export interface Scale {
  legend: LegendEntry[];
  fillOf: (area: MappedArea) => string;
  /** The class an area is in, by its legend key. */
  classOf: (area: MappedArea) => string;
}

/** Money per head in words: "£1.15 a head", "under 1p a head". */
export function perHead(pencePerHead: number | null): string {
  if (pencePerHead === null) return 'no population figure';
  if (pencePerHead === 0) return '£0 a head';
  if (pencePerHead < 1) return 'under 1p a head';
  return `${formatPence(Math.round(pencePerHead))} a head`;
}

const perHeadBound = (pence: number) => (pence < 1 ? 'under 1p' : formatPence(Math.round(pence)));

/** Breaks between up to four classes of the positive values: each class holds about as many areas. */
export function quantileBreaks(values: readonly number[], classes = 4): number[] {
  const sorted = values.filter((value) => value > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i += 1) {
    const value = sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * i) / classes))];
    if (value > (breaks[breaks.length - 1] ?? 0) && value < sorted[sorted.length - 1]) breaks.push(value);
  }
  return [...breaks, sorted[sorted.length - 1]];
}

function classed(values: (area: MappedArea) => number | null, breaks: number[], label: (from: number | null, to: number) => string, noneLabel: string, noDataLabel: string): Scale {
  const colours = VIRIDIS[breaks.length] ?? [];
  const legend: LegendEntry[] = [
    { key: 'none', label: noneLabel, fill: NONE_COLOUR },
    ...breaks.map((to, index) => ({ key: `class-${index}`, label: label(index === 0 ? null : breaks[index - 1], to), fill: colours[index] })),
    { key: 'no-data', label: noDataLabel, fill: NO_DATA_FILL },
  ];
  const classOf = (area: MappedArea) => {
    const value = values(area);
    if (value === null) return 'no-data';
    if (value <= 0) return 'none';
    const index = breaks.findIndex((to) => value <= to);
    return `class-${index === -1 ? breaks.length - 1 : index}`;
  };
  return { legend, classOf, fillOf: (area) => legend.find((entry) => entry.key === classOf(area))!.fill };
}

/** The classes and colours of a measure over these areas. */
export function scaleFor(measure: Measure, areas: readonly MappedArea[]): Scale {
  switch (measure) {
    case 'perHead':
      return classed(
        (area) => area.pencePerHead,
        quantileBreaks(areas.map((area) => area.pencePerHead ?? 0)),
        (from, to) => (from === null ? `up to ${perHeadBound(to)} a head` : `${perHeadBound(from)} to ${perHeadBound(to)} a head`),
        'No grants',
        'No population figure',
      );
    case 'grants':
      return classed(
        (area) => area.grantCount,
        quantileBreaks(areas.map((area) => area.grantCount)),
        (from, to) => (from === null ? (to === 1 ? '1 grant' : `1 to ${to} grants`) : from + 1 === to ? `${to} grants` : `${from + 1} to ${to} grants`),
        'No grants',
        'No figure',
      );
    case 'decile': {
      const legend: LegendEntry[] = [
        ...VIRIDIS_10.map((fill, index) => ({ key: `decile-${index + 1}`, label: index === 0 ? '1 (most deprived)' : index === 9 ? '10 (least deprived)' : String(index + 1), fill })),
        { key: 'no-data', label: 'No deprivation figure', fill: NO_DATA_FILL },
      ];
      const classOf = (area: MappedArea) => (area.imdDecile === null ? 'no-data' : `decile-${area.imdDecile}`);
      return { legend, classOf, fillOf: (area) => legend.find((entry) => entry.key === classOf(area))?.fill ?? NO_DATA_FILL };
    }
  }
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** Rural or urban in words, with what it is read from: an LSOA's density, or the share of a larger area's people in rural LSOAs. */
export function rurality(area: Pick<MappedArea, 'rural' | 'peoplePerKm2' | 'ruralPopulationShare'>): string {
  if (area.rural === null) return 'rural or urban not known';
  const kind = area.rural ? 'rural' : 'urban';
  if (area.ruralPopulationShare !== null) return `${kind} (${Math.round(area.ruralPopulationShare * 100)}% of people in rural LSOAs)`;
  return area.peoplePerKm2 === null ? kind : `${kind} (${Math.round(area.peoplePerKm2).toLocaleString('en-GB')} people per km²)`;
}

/** An area's figures in one sentence, for its label on the map and the box beside it. */
export function describeArea(area: MappedArea, options: { external: boolean }): string {
  const parts = [
    `${plural(area.grantCount, 'grant')}, ${formatPence(area.pence)}`,
    area.population === null ? 'population not known' : `${plural(area.population, 'person', 'people')}, ${perHead(area.pencePerHead)}`,
    area.imdDecile === null ? 'no IMD decile' : `IMD decile ${area.imdDecile}${area.imdDecileDerived ? ' (from its LSOAs)' : ''}`,
    rurality(area),
  ];
  if (options.external) parts.push(`other funders: ${plural(area.externalGrantCount, 'grant')}, ${formatPence(area.externalPence)}`);
  return `${area.name}: ${parts.join('; ')}`;
}
