// Boundaries light enough for a browser to download and draw: each ring simplified with the
// Douglas-Peucker algorithm to a tolerance that is a fraction of a pixel at the size the map is drawn,
// and rounded to match. Pure functions.
import { geoArea } from 'd3-geo';
import type { Position } from 'geojson';
import type { AreaGeometry } from '../areas/geometry.ts';

/** The map is drawn at most about this many pixels across; a tolerance of half a pixel is invisible. */
const MAP_PIXELS = 1_500;

/** Degrees of tolerance for a map of this extent (the larger of its width and height in degrees). */
export function toleranceFor(extentDegrees: number): number {
  return extentDegrees / MAP_PIXELS / 2;
}

/** Decimal places that keep rounding well within the tolerance: 4 (about 11 m) for a county. */
function decimalsFor(tolerance: number): number {
  return Math.min(5, Math.max(2, Math.ceil(-Math.log10(tolerance))));
}

/** Squared distance from p to the segment a–b, in degrees, longitude shrunk by `kx` (the cosine of the latitude). */
function segmentDistance2(p: Position, a: Position, b: Position, kx: number): number {
  const ax = a[0] * kx;
  const bx = b[0] * kx;
  const px = p[0] * kx;
  let dx = bx - ax;
  let dy = b[1] - a[1];
  let x = ax;
  let y = a[1];
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Douglas-Peucker on an open run of points: the indexes to keep, first and last always. */
function keep(points: Position[], tolerance2: number, kx: number): boolean[] {
  const kept = new Array<boolean>(points.length).fill(false);
  kept[0] = true;
  kept[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance2;
    for (let i = first + 1; i < last; i += 1) {
      const d = segmentDistance2(points[i], points[first], points[last], kx);
      if (d > distance) {
        farthest = i;
        distance = d;
      }
    }
    if (farthest >= 0) {
      kept[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return kept;
}

const wound = (ring: Position[]) => geoArea({ type: 'Polygon', coordinates: [ring] }) > 2 * Math.PI;

/**
 * A closed ring simplified. The ring is split at its point farthest from its start, so the two halves
 * are simplified as open lines. A ring that would fall below a triangle, or turn inside out (which
 * d3-geo would fill as the rest of the world), is kept as it was.
 */
export function simplifyRing(ring: Position[], tolerance: number): Position[] {
  if (ring.length <= 4) return ring;
  const kx = Math.cos((ring[0][1] * Math.PI) / 180);
  let split = 1;
  let farthest = -1;
  for (let i = 1; i < ring.length - 1; i += 1) {
    const dx = (ring[i][0] - ring[0][0]) * kx;
    const dy = ring[i][1] - ring[0][1];
    if (dx * dx + dy * dy > farthest) {
      farthest = dx * dx + dy * dy;
      split = i;
    }
  }
  const tolerance2 = tolerance * tolerance;
  const firstHalf = keep(ring.slice(0, split + 1), tolerance2, kx);
  const secondHalf = keep(ring.slice(split), tolerance2, kx);
  const simplified = [...ring.slice(0, split + 1).filter((_, i) => firstHalf[i]), ...ring.slice(split + 1).filter((_, i) => secondHalf[i + 1])];
  if (simplified.length < 4 || wound(simplified) !== wound(ring)) return ring;
  return simplified;
}

function roundRing(ring: Position[], decimals: number): Position[] {
  const factor = 10 ** decimals;
  const out: Position[] = [];
  for (const [lon, lat] of ring) {
    const point = [Math.round(lon * factor) / factor, Math.round(lat * factor) / factor];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : ring;
}

/** A boundary simplified to the tolerance (degrees) and rounded to match. */
export function simplifyBoundary(geometry: AreaGeometry, tolerance: number): AreaGeometry {
  const decimals = decimalsFor(tolerance);
  const rings = (polygon: Position[][]) => polygon.map((ring) => roundRing(simplifyRing(ring, tolerance), decimals));
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: rings(geometry.coordinates) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rings) };
}
