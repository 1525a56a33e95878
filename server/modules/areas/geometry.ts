// Boundaries as the browser will draw them: checked, rounded to about a metre, wound the way d3-geo
// wants, and measured. Pure functions, so the importers and their tests share them.
import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_KM } from '../../../shared/areas.ts';

export type AreaGeometry = Polygon | MultiPolygon;

export interface PreparedBoundary {
  geometry: AreaGeometry;
  areaKm2: number;
  /** [longitude, latitude]: the centroid, or a point inside the area where the centroid falls outside it. */
  centroid: [number, number];
}

export type BoundaryCheck = ({ ok: true } & PreparedBoundary) | { ok: false; message: string };

/** 5 decimal places of a degree is about 1.1 m of latitude: finer than any boundary file is true to. */
const PRECISION = 1e5;

const round = (value: number) => Math.round(value * PRECISION) / PRECISION;

/** A ring in d3-geo's sense: the part of the sphere it encloses, in steradians (a whole sphere is 4π). */
const ringArea = (ring: Position[]) => geoArea({ type: 'Polygon', coordinates: [ring] });

class Malformed extends Error {}

function position(value: unknown): Position {
  if (!Array.isArray(value) || value.length < 2 || !value.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new Malformed(`the boundary has a point that is not [longitude, latitude]: ${JSON.stringify(value)?.slice(0, 40)}`);
  }
  const [lon, lat] = value as number[];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    const grid = Math.abs(lon) > 1000 || Math.abs(lat) > 1000;
    throw new Malformed(
      grid
        ? `the coordinates are not longitude and latitude: (${lon}, ${lat}) looks like metres on the British National Grid; export the boundaries in WGS 84 (EPSG:4326)`
        : `the point (${lon}, ${lat}) is not a longitude and latitude`,
    );
  }
  return [round(lon), round(lat)];
}

/** A ring rounded, closed, without repeated points; null when rounding leaves it with no area. */
function ring(value: unknown): Position[] | null {
  if (!Array.isArray(value)) throw new Malformed('a ring of the boundary is not a list of points');
  const points: Position[] = [];
  for (const item of value) {
    const point = position(item);
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  if (points.length > 1) {
    const [first, last] = [points[0], points[points.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1]) points.push([first[0], first[1]]);
  }
  // A closed ring needs three corners and the closing point.
  return points.length >= 4 ? points : null;
}

/** One polygon's rings with the outer ring clockwise and holes anticlockwise, as d3-geo reads them. */
function polygon(value: unknown): Position[][] | null {
  if (!Array.isArray(value) || value.length === 0) throw new Malformed('a polygon of the boundary has no rings');
  const [outer, ...holes] = value.map(ring);
  if (!outer) return null;
  // d3-geo takes a ring to enclose the area on its right; a ring wound the other way (as RFC 7946
  // GeoJSON has it) would enclose the rest of the world, which is what an area over 2π means.
  if (ringArea(outer) > 2 * Math.PI) outer.reverse();
  const kept = holes.filter((hole): hole is Position[] => hole !== null);
  for (const hole of kept) if (ringArea(hole) < 2 * Math.PI) hole.reverse();
  return [outer, ...kept];
}

/**
 * Checks a GeoJSON geometry as an area's boundary and makes it ready to store: a message saying what
 * is wrong, or the geometry rounded and rewound with its area in km² and its centroid.
 */
export function prepareBoundary(geometry: unknown): BoundaryCheck {
  if (geometry === null || geometry === undefined) return { ok: false, message: 'no geometry' };
  if (typeof geometry !== 'object' || Array.isArray(geometry)) return { ok: false, message: 'the geometry is not a GeoJSON object' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    const kind = typeof type === 'string' ? `a ${type}` : 'a geometry of no known type';
    return { ok: false, message: `${kind}, not a polygon; an area's boundary must be a Polygon or MultiPolygon` };
  }
  let prepared: AreaGeometry;
  try {
    if (type === 'Polygon') {
      const rings = polygon(coordinates);
      if (!rings) return { ok: false, message: 'the boundary is less than a metre across once rounded' };
      prepared = { type, coordinates: rings };
    } else {
      if (!Array.isArray(coordinates) || coordinates.length === 0) return { ok: false, message: 'the MultiPolygon has no polygons' };
      const parts = coordinates.map(polygon).filter((part): part is Position[][] => part !== null);
      if (parts.length === 0) return { ok: false, message: 'the boundary is less than a metre across once rounded' };
      prepared = parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type, coordinates: parts };
    }
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, message: error.message };
    throw error;
  }
  const areaKm2 = geoArea(prepared) * EARTH_RADIUS_KM ** 2;
  // Under a square metre: the points lie on one line.
  if (!(areaKm2 >= 1e-6)) return { ok: false, message: 'the boundary encloses no area' };
  const [lon, lat] = insidePoint(prepared);
  return { ok: true, geometry: prepared, areaKm2, centroid: [round(lon), round(lat)] };
}

/** The widest stretch inside the polygons along a line of latitude, as [west, east], or null. */
function widestAt(polygons: Position[][][], lat: number): [number, number] | null {
  let best: [number, number] | null = null;
  for (const rings of polygons) {
    const crossings: number[] = [];
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i += 1) {
        const [[x1, y1], [x2, y2]] = [ring[i - 1], ring[i]];
        if (y1 > lat !== y2 > lat) crossings.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    crossings.sort((a, b) => a - b);
    // Inside and outside alternate along the line, holes included.
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      if (!best || crossings[i + 1] - crossings[i] > best[1] - best[0]) best = [crossings[i], crossings[i + 1]];
    }
  }
  return best;
}

/**
 * The centroid, or where it falls outside the area (a crescent, a bay, a group of islands), the middle
 * of the widest stretch of the area along the centroid's latitude, so the point always lies inside:
 * it places an LSOA in its ward and puts a label on the map.
 */
function insidePoint(geometry: AreaGeometry): [number, number] {
  const centroid = geoCentroid(geometry);
  if (geoContains(geometry, centroid)) return centroid;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // A hair off the centroid's latitude, so the line does not run exactly through a corner.
  for (const lat of [centroid[1] + 1e-7, ...polygons.map((rings) => (Math.min(...rings[0].map((p) => p[1])) + Math.max(...rings[0].map((p) => p[1]))) / 2 + 1e-7)]) {
    const stretch = widestAt(polygons, lat);
    if (stretch) return [(stretch[0] + stretch[1]) / 2, lat];
  }
  return centroid;
}

/** Whether a stored boundary holds a point ([longitude, latitude]). */
export function boundaryContains(geometry: AreaGeometry, point: [number, number]): boolean {
  return geoContains(geometry, point);
}
