// The demo fund's geography, generated: a fictional district (Riverdale, a valley that flooded) with its
// wards and LSOA-like small areas, their boundaries, population and deprivation, and a postcode lookup
// for the demo's "RD" postcodes. Seeded, so every machine makes exactly the same areas. Codes start
// "RD-" (no ONS code has a hyphen) and names say "(fictional)": nothing here is a real place. The
// district sits in the North Sea, far from any real boundary, so it can never be taken for one.
//
// Boundaries are Voronoi cells of chosen points, worked out in kilometres on a flat map (fine at this
// size): wards are cells of the ward points clipped to the district outline, small areas are cells of
// their own points clipped to their ward, so every small area lies wholly in one ward and they tile it.
import { AreaKind } from '../../shared/domain.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { demoPlaces } from './demo-data.ts';

type Point = [x: number, y: number];
type Ring = Point[];

export const DEMO_DISTRICT_CODE = 'RD-D01';

/** Where the district's centre is drawn: open sea, well away from land. */
const ORIGIN = { lon: 2.6, lat: 54.6 };
const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((ORIGIN.lat * Math.PI) / 180);

/** IMD 2019 ranks 32,844 LSOAs; decile d holds ranks from (d-1)/10 to d/10 of them. */
const LSOAS_IN_ENGLAND = 32_844;

type Character = 'town' | 'suburb' | 'valley' | 'upland' | 'fell';

interface WardPlan {
  code: string;
  name: string;
  /** The ward's Voronoi point, km east and north of the district's centre. */
  site: Point;
  /** Settlements in the ward and where they are: the demo's villages (postcode districts), or hamlets. */
  settlements: { name: string; at: Point }[];
  lsoas: number;
  character: Character;
}

/**
 * The river runs west to east along the valley floor through Riverdale, the only town; Lowther Bridge
 * and Millbeck upstream and Kirkholm and Thornby downstream are the flooded valley wards (the water
 * company's money is for them). The fells to the north and south are sparse, and Upper Fells, in the
 * far west, has no group in the demo at all: an under-served rural area for the coverage map.
 */
export const demoWards: WardPlan[] = [
  { code: 'RD-W01', name: 'Riverdale Central', site: [2, 0], settlements: [{ name: 'Riverdale', at: [2, 0] }], lsoas: 10, character: 'town' },
  { code: 'RD-W02', name: 'Eastbrook and Riverdale North', site: [6.5, 3], settlements: [{ name: 'Eastbrook', at: [6, 2.5] }], lsoas: 7, character: 'suburb' },
  {
    code: 'RD-W03',
    name: 'Lowther Bridge and Millbeck',
    site: [-8, -1],
    settlements: [
      { name: 'Lowther Bridge', at: [-6, -0.5] },
      { name: 'Millbeck', at: [-10, 0.5] },
      { name: 'Caldbeck Row', at: [-8, -3] },
    ],
    lsoas: 5,
    character: 'valley',
  },
  {
    code: 'RD-W04',
    name: 'Kirkholm and Thornby',
    site: [13, -1.5],
    settlements: [
      { name: 'Kirkholm', at: [12, -1.5] },
      { name: 'Thornby', at: [15, -0.5] },
      { name: 'Dunmere', at: [13.5, -4] },
    ],
    lsoas: 5,
    character: 'valley',
  },
  {
    code: 'RD-W05',
    name: 'Highmoor and Ashby Fell',
    site: [-5, 9],
    settlements: [
      { name: 'Highmoor', at: [-4, 8] },
      { name: 'Ashby Fell', at: [-8, 11] },
    ],
    lsoas: 3,
    character: 'upland',
  },
  {
    code: 'RD-W06',
    name: 'Scarsdale and Wetherlam',
    site: [9, 10],
    settlements: [
      { name: 'Scarsdale', at: [7, 9] },
      { name: 'Wetherlam', at: [10.5, 10.5] },
      { name: 'Hollins', at: [9, 7.5] },
    ],
    lsoas: 3,
    character: 'upland',
  },
  {
    code: 'RD-W07',
    name: 'Brackenside and Greyrigg',
    site: [3, -10],
    settlements: [
      { name: 'Brackenside', at: [1, -9] },
      { name: 'Greyrigg', at: [5, -11] },
      { name: 'Ormside', at: [3, -7] },
    ],
    lsoas: 3,
    character: 'upland',
  },
  {
    code: 'RD-W08',
    name: 'Upper Fells',
    site: [-18, 5],
    settlements: [
      { name: 'Fellhead', at: [-17, 6] },
      { name: 'Crag End', at: [-16, 2] },
    ],
    lsoas: 2,
    character: 'fell',
  },
];

/** People per small area, as [fewest, most]: LSOAs are drawn for about 1,500 people. */
const POPULATION: Record<Character, [number, number]> = {
  town: [1_450, 1_950],
  suburb: [1_400, 1_800],
  valley: [1_250, 1_700],
  upland: [1_100, 1_500],
  fell: [1_000, 1_300],
};

/** IMD deciles outside the town centre, as [most deprived, least]; the town centre's are set by distance. */
const DECILES: Record<Exclude<Character, 'town'>, [number, number]> = {
  suburb: [4, 8],
  valley: [3, 7],
  upland: [4, 9],
  fell: [3, 6],
};

export interface DemoArea {
  code: string;
  kind: AreaKind;
  name: string;
  localAuthorityCode?: string;
  wardCode?: string;
  /** A GeoJSON Polygon in longitude and latitude, before rounding and winding (prepareBoundary does those). */
  geometry: { type: 'Polygon'; coordinates: number[][][] };
  population?: number;
  imdRank?: number;
  imdDecile?: number;
}

export interface DemoPostcode {
  postcode: string;
  lsoaCode: string;
  wardCode: string;
  localAuthorityCode: string;
}

const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** The part of a polygon on a's side of the line halfway between a and b (Sutherland–Hodgman, one edge). */
function nearerTo(polygon: Ring, a: Point, b: Point): Ring {
  const normal: Point = [b[0] - a[0], b[1] - a[1]];
  const middle: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const side = (p: Point) => (p[0] - middle[0]) * normal[0] + (p[1] - middle[1]) * normal[1];
  const out: Ring = [];
  for (let i = 0; i < polygon.length; i += 1) {
    const current = polygon[i];
    const next = polygon[(i + 1) % polygon.length];
    const [sc, sn] = [side(current), side(next)];
    if (sc <= 0) out.push(current);
    if (sc <= 0 !== sn <= 0) {
      const t = sc / (sc - sn);
      out.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  }
  return out;
}

/** The Voronoi cell of sites[index] within `within`. */
const cell = (within: Ring, sites: Point[], index: number) => sites.reduce((polygon, site, other) => (other === index ? polygon : nearerTo(polygon, sites[index], site)), within);

/** Index of the nearest site: the Voronoi cell a point lies in. */
const nearest = (sites: Point[], point: Point) => sites.reduce((best, site, index) => (distance(site, point) < distance(sites[best], point) ? index : best), 0);

function insideRing(ring: Ring, [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [[xi, yi], [xj, yj]] = [ring[i], ring[j]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const toLonLat = ([x, y]: Point): number[] => [ORIGIN.lon + x / KM_PER_DEGREE_LON, ORIGIN.lat + y / KM_PER_DEGREE_LAT];

const polygonOf = (ring: Ring): DemoArea['geometry'] => {
  const points = ring.map(toLonLat);
  return { type: 'Polygon', coordinates: [[...points, points[0]]] };
};

/** An IMD rank inside a decile, so rank and decile always agree. */
const rankIn = (decile: number, random: () => number) => {
  const low = Math.floor(((decile - 1) * LSOAS_IN_ENGLAND) / 10) + 1;
  const high = Math.floor((decile * LSOAS_IN_ENGLAND) / 10);
  return low + Math.floor(random() * (high - low + 1));
};

const between = (random: () => number, [low, high]: [number, number]) => low + Math.floor(random() * (high - low + 1));

export interface DemoGeography {
  areas: DemoArea[];
  /** Where each small area's point is, and each ward's, for placing postcodes. */
  lsoaSites: Map<string, Point>;
  /** The town-centre small area no demo postcode falls in: a deprived area with no grants. */
  unreachedCode: string;
  outline: Ring;
}

/** The district, its wards and its small areas. Always the same for the same seed. */
export function generateDemoGeography(seed = 20261123): DemoGeography {
  const random = seededRandom(seed);
  // A wobbly ellipse, 48 km along the valley and 32 km across.
  const phases = [random(), random(), random()].map((value) => value * 2 * Math.PI);
  const outline: Ring = Array.from({ length: 96 }, (_, i) => {
    const angle = (i / 96) * 2 * Math.PI;
    const r = 1 + 0.06 * Math.sin(3 * angle + phases[0]) + 0.04 * Math.sin(5 * angle + phases[1]) + 0.02 * Math.sin(7 * angle + phases[2]);
    return [24 * r * Math.cos(angle), 16 * r * Math.sin(angle)];
  });

  const wardSites = demoWards.map((ward) => ward.site);
  const inWard = (index: number, point: Point) => insideRing(outline, point) && nearest(wardSites, point) === index;
  for (const [index, ward] of demoWards.entries()) {
    for (const settlement of ward.settlements) {
      if (!inWard(index, settlement.at)) throw new Error(`demo geography: ${settlement.name} is not inside ${ward.name}`);
    }
  }

  const areas: DemoArea[] = [];
  const lsoaSites = new Map<string, Point>();
  let unreachedCode = '';
  const wardAreas: DemoArea[] = [];
  for (const [wardIndex, ward] of demoWards.entries()) {
    const wardRing = cell(outline, wardSites, wardIndex);
    wardAreas.push({ code: ward.code, kind: AreaKind.WARD, name: `${ward.name} (fictional)`, localAuthorityCode: DEMO_DISTRICT_CODE, geometry: polygonOf(wardRing) });

    // Small areas' points: one at each settlement, then more, packed round the town and spread out elsewhere.
    const sites: Point[] = ward.settlements.slice(0, ward.lsoas).map((settlement) => settlement.at);
    const centre = ward.settlements[0].at;
    while (sites.length < ward.lsoas) {
      let candidate: Point;
      if (ward.character === 'town' || ward.character === 'suburb') {
        // Dense round the centre: a normal spread (Box–Muller), 0.6 km in town, 1.2 km in the suburbs.
        const spread = ward.character === 'town' ? 0.6 : 1.2;
        const [u, v] = [random() || 1e-9, random()];
        const r = spread * Math.sqrt(-2 * Math.log(u));
        candidate = [centre[0] + r * Math.cos(2 * Math.PI * v), centre[1] + r * Math.sin(2 * Math.PI * v)];
      } else {
        // Spread out: the best of a few random points, the one farthest from the others.
        const [minX, maxX] = [Math.min(...wardRing.map((p) => p[0])), Math.max(...wardRing.map((p) => p[0]))];
        const [minY, maxY] = [Math.min(...wardRing.map((p) => p[1])), Math.max(...wardRing.map((p) => p[1]))];
        const tries = Array.from({ length: 8 }, (): Point => [minX + random() * (maxX - minX), minY + random() * (maxY - minY)]).filter((point) => inWard(wardIndex, point));
        if (tries.length === 0) continue;
        candidate = tries.reduce((best, point) => (Math.min(...sites.map((site) => distance(site, point))) > Math.min(...sites.map((site) => distance(site, best))) ? point : best));
      }
      if (inWard(wardIndex, candidate) && sites.every((site) => distance(site, candidate) > 0.35)) sites.push(candidate);
    }

    // Town-centre deprivation: the nearer the centre, the more deprived.
    const byDistance = sites.map((site, index) => ({ index, d: distance(site, centre) })).sort((a, b) => a.d - b.d);
    const townDecile = new Map(byDistance.map(({ index }, order) => [index, order < 3 ? 1 : order < 6 ? 2 : between(random, [3, 4])]));
    for (const [index, site] of sites.entries()) {
      const code = `${ward.code.replace('W', 'L')}${String(index + 1).padStart(2, '0')}`;
      const imdDecile = ward.character === 'town' ? townDecile.get(index)! : between(random, DECILES[ward.character]);
      const population = between(random, POPULATION[ward.character]);
      areas.push({
        code,
        kind: AreaKind.LSOA,
        name: `Riverdale ${String(wardIndex + 1).padStart(3, '0')}${String.fromCharCode(65 + index)} (fictional)`,
        localAuthorityCode: DEMO_DISTRICT_CODE,
        wardCode: ward.code,
        geometry: polygonOf(cell(wardRing, sites, index)),
        population,
        imdRank: rankIn(imdDecile, random),
        imdDecile,
      });
      lsoaSites.set(code, site);
    }
    // The second most central town area: deprived, and no demo group lives there.
    if (ward.character === 'town') unreachedCode = `${ward.code.replace('W', 'L')}${String(byDistance[1].index + 1).padStart(2, '0')}`;
  }

  return {
    areas: [{ code: DEMO_DISTRICT_CODE, kind: AreaKind.LOCAL_AUTHORITY, name: 'Riverdale District (fictional)', geometry: polygonOf(outline) }, ...wardAreas, ...areas],
    lsoaSites,
    unreachedCode,
    outline,
  };
}

/** A 32-bit number from a string (FNV-1a), so each postcode gets its own seeded place. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Where the lookup puts a demo postcode. "RD<n> <sector><unit>" is in the n-th demo village (as
 * `demoPostcode` makes them); each sector lies in its own direction from the village and each unit a
 * little way along it, in the village's ward. Null for a postcode that is not a demo village's.
 */
export function placeDemoPostcode(geography: DemoGeography, postcode: string): DemoPostcode | null {
  const match = /^RD(\d{1,2}) (\d)[A-Z]{2}$/.exec(postcode);
  const village = match ? demoPlaces[Number(match[1]) - 1] : undefined;
  if (!match || !village) return null;
  const wardIndex = demoWards.findIndex((ward) => ward.settlements.some((settlement) => settlement.name === village));
  const ward = demoWards[wardIndex];
  const at = ward.settlements.find((settlement) => settlement.name === village)!.at;
  const lsoas = [...geography.lsoaSites].filter(([code]) => code.startsWith(ward.code.replace('W', 'L')));
  const sites = lsoas.map(([, site]) => site);
  const wardSites = demoWards.map((candidate) => candidate.site);
  const random = seededRandom(hashOf(postcode));
  const reach = ward.character === 'town' || ward.character === 'suburb' ? 1.4 : 1.0;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const angle = ((Number(match[2]) + random() * 0.8) / 10) * 2 * Math.PI;
    const along = (0.15 + random()) * reach * (1 - attempt / 60);
    const point: Point = [at[0] + along * Math.cos(angle), at[1] + along * Math.sin(angle)];
    if (!insideRing(geography.outline, point) || nearest(wardSites, point) !== wardIndex) continue;
    const lsoaCode = lsoas[nearest(sites, point)][0];
    if (lsoaCode === geography.unreachedCode) continue;
    return { postcode, lsoaCode, wardCode: ward.code, localAuthorityCode: DEMO_DISTRICT_CODE };
  }
  // Right at the village: its own small area.
  return { postcode, lsoaCode: lsoas[nearest(sites, at)][0], wardCode: ward.code, localAuthorityCode: DEMO_DISTRICT_CODE };
}

/** The postcodes the demo lookup holds beyond its groups' own: a dozen units in every sector of every village. */
export function demoLookupPostcodes(seed = 20261124): string[] {
  const random = seededRandom(seed);
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const postcodes = new Set<string>();
  for (let place = 1; place <= demoPlaces.length; place += 1) {
    for (let sector = 0; sector <= 9; sector += 1) {
      while (postcodes.size < ((place - 1) * 10 + sector + 1) * 12) {
        postcodes.add(`RD${place} ${sector}${letters[Math.floor(random() * 20)]}${letters[Math.floor(random() * 20)]}`);
      }
    }
  }
  return [...postcodes];
}
