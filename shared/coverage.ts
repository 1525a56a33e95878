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
