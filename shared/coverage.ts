// The coverage map's rules, shared by the server (which applies them) and the web page (which states
// them next to the figures), so the words and the sums can never disagree.

/**
 * Below this many residents per km² an area counts as rural. The shared data has no rural-urban
 * classification, so rurality is read from population density: 300 per km² is the density Eurostat's
 * degree of urbanisation takes for an urban cluster's grid cells. In Cumbria it makes 109 of 321 LSOAs
 * rural (the fells, the Eden valley, the west coast villages) and every town centre urban.
 */
export const RURAL_PEOPLE_PER_KM2 = 300;

/** The most deprived tenths of England's LSOAs, whose areas the deprivation gaps list. */
export const DEPRIVED_DECILES = [1, 2] as const;

/** "Little" funding: money per head below this share of the median among the areas that have any. */
export const LITTLE_SHARE_OF_MEDIAN = 0.25;

/** LSOAs ranked in the English Indices of Deprivation 2019: rank 1 the most deprived, 32,844 the least. */
export const IMD_2019_LSOAS = 32_844;

/** The decile of an IMD rank: 1 for ranks 1 to 3,284, ... 10 for the least deprived tenth. */
export function decileOfRank(rank: number): number {
  return Math.min(10, Math.max(1, Math.ceil((rank * 10) / IMD_2019_LSOAS)));
}

/**
 * A ward or local authority is rural when at least this share of its people live in rural LSOAs, as
 * ONS classes local authorities "predominantly rural"; its own density would call a market town with
 * its fells around it rural, or a city ward with a park urban, by the accident of where its edge runs.
 */
export const RURAL_MAJORITY = 0.5;

/** Whether an area is rural by density, or null when its population or size is not known. */
export function isRural(population: number | null | undefined, areaKm2: number | null | undefined): boolean | null {
  if (population === null || population === undefined || !areaKm2) return null;
  return population / areaKm2 < RURAL_PEOPLE_PER_KM2;
}

/** One area's figures on a coverage map, as the server computes them and the page shows them. */
export interface CoverageAreaFigures {
  code: string;
  name: string;
  kind: 'LSOA' | 'WARD' | 'LOCAL_AUTHORITY';
  grantCount: number;
  pence: number;
  population: number | null;
  pencePerHead: number | null;
  imdDecile: number | null;
  imdDecileDerived: boolean;
  areaKm2: number | null;
  peoplePerKm2: number | null;
  rural: boolean | null;
  ruralPopulationShare: number | null;
  externalGrantCount: number;
  externalPence: number;
}

/**
 * The order of an area's values in a coverage map's area table (`Coverage.areaTable`): one array per
 * area instead of one object, which a map of 33,000 areas sends in a third of the bytes and GraphQL
 * answers without resolving half a million fields.
 */
export const AREA_TABLE_COLUMNS = [
  'code',
  'name',
  'kind',
  'grantCount',
  'pence',
  'population',
  'pencePerHead',
  'imdDecile',
  'imdDecileDerived',
  'areaKm2',
  'peoplePerKm2',
  'rural',
  'ruralPopulationShare',
  'externalGrantCount',
  'externalPence',
] as const satisfies readonly (keyof CoverageAreaFigures)[];

export interface AreaTable {
  columns: readonly string[];
  rows: unknown[][];
}

export function toAreaTable(areas: readonly CoverageAreaFigures[]): AreaTable {
  return { columns: AREA_TABLE_COLUMNS, rows: areas.map((area) => AREA_TABLE_COLUMNS.map((column) => area[column])) };
}

/** The areas of an area table, by the columns it names (so an older page reads a newer table). */
export function fromAreaTable(table: Record<string, unknown>): CoverageAreaFigures[] {
  const { columns, rows } = table;
  if (!Array.isArray(columns) || !Array.isArray(rows)) throw new Error('The coverage map came without its table of areas.');
  return rows.map((row: unknown[]) => Object.fromEntries(columns.map((column: string, index) => [column, row[index]])) as unknown as CoverageAreaFigures);
}
