// Reads a boundary file: GeoJSON (a FeatureCollection, or one Feature) or TopoJSON (every object in
// it), whose features carry ONS codes. Publishers name their properties differently (LSOA11CD, WD13CD,
// LAD13CD, code, id; LSOA11NM, name ...), so the code is found by its shape and the name beside it.
// All or nothing: any problem and nothing is imported, each problem naming its feature and code.
import { feature as topoFeature } from 'topojson-client';
import { areaKindOfCode, CODE_EXAMPLES, GSS_CODE } from '../../../shared/areas.ts';
import { AreaKind } from '../../../shared/domain.ts';
import { type AreaFileProblem, type AreaFileRead, fileProblem, MAX_PROBLEMS, show } from './area-file-problem.ts';
import { prepareBoundary, type PreparedBoundary } from './geometry.ts';

export interface BoundaryArea extends PreparedBoundary {
  /** The feature's position in the file, from 1. */
  feature: number;
  code: string;
  kind: AreaKind;
  /** Null when the file names no areas (the name already known, or a later file's, is kept). */
  name: string | null;
  /** The local authority the area is in, from a property or the TopoJSON object's name; null for a local authority. */
  localAuthorityCode: string | null;
}

export const MAX_NAME_LENGTH = 200;

/** One feature as found, before it is checked. */
interface RawFeature {
  position: number;
  id: unknown;
  properties: Record<string, unknown>;
  geometry: unknown;
  /** Why the feature could not be read as a feature at all. */
  unreadable?: string;
}

/** Features read together, whose properties follow one pattern: a TopoJSON object or a FeatureCollection. */
interface Group {
  /** The TopoJSON object's name or the collection's "name"; often a local authority's code. */
  name: string | null;
  features: RawFeature[];
}

/** The feature's own `id`, told apart from a property of that name. */
const ID_KEY = '\u0000id';
const label = (key: string) => (key === ID_KEY ? 'id' : key);
const valueAt = (feature: RawFeature, key: string) => (key === ID_KEY ? feature.id : feature.properties[key]);
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Finer areas first: a feature that carries two codes is the finer area, inside the coarser one. */
const SPECIFICITY: Record<AreaKind, number> = { [AreaKind.LSOA]: 0, [AreaKind.WARD]: 1, [AreaKind.LOCAL_AUTHORITY]: 2 };

const KINDS_TAKEN = `an LSOA (${CODE_EXAMPLES.LSOA}), ward (${CODE_EXAMPLES.WARD}) or local authority (${CODE_EXAMPLES.LOCAL_AUTHORITY}) code`;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseBoundaryFile(content: string): AreaFileRead<{ areas: BoundaryArea[] }> {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [fileProblem(`The file is not valid JSON (${(error as Error).message}). Boundary files are GeoJSON or TopoJSON.`)] };
  }
  const read = readGroups(data);
  if ('problem' in read) return { ok: false, problems: [fileProblem(read.problem)] };
  if (read.groups.every((group) => group.features.length === 0)) return { ok: false, problems: [fileProblem('The file holds no features, so no areas.')] };

  const areas: BoundaryArea[] = [];
  const problems: AreaFileProblem[] = [];
  const seen = new Map<string, number>();
  for (const group of read.groups) {
    const checked = checkGroup(group, seen);
    problems.push(...checked.problems);
    areas.push(...checked.areas);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, areas };
}

// ---------------------------------------------------------------------------------------------------
// Finding the features

function readGroups(data: unknown): { groups: Group[] } | { problem: string } {
  const neither = 'The file is JSON but neither GeoJSON (a FeatureCollection) nor TopoJSON (a Topology)';
  if (!isObject(data)) return { problem: `${neither}: it is ${Array.isArray(data) ? 'a list' : show(data)}.` };
  let position = 0;
  const next = () => (position += 1);
  switch (data.type) {
    case 'Topology':
      return readTopology(data, next);
    case 'FeatureCollection': {
      if (!Array.isArray(data.features)) return { problem: 'The FeatureCollection has no "features" list.' };
      const features = data.features.map((item: unknown) => geoJsonFeature(item, next()));
      return { groups: [{ name: typeof data.name === 'string' ? data.name : null, features }] };
    }
    case 'Feature':
      return { groups: [{ name: null, features: [geoJsonFeature(data, next())] }] };
    case 'Polygon':
    case 'MultiPolygon':
    case 'GeometryCollection':
      return { problem: `The file holds a bare ${data.type} with no properties, so no ONS code: export the boundaries as a FeatureCollection whose features carry their codes.` };
    default:
      return { problem: `${neither}: its "type" is ${data.type === undefined ? 'missing' : show(data.type)}.` };
  }
}

function geoJsonFeature(item: unknown, position: number): RawFeature {
  if (!isObject(item) || item.type !== 'Feature') return { position, id: undefined, properties: {}, geometry: undefined, unreadable: 'not a GeoJSON Feature' };
  return { position, id: item.id, properties: isObject(item.properties) ? item.properties : {}, geometry: item.geometry };
}

function isPosition(value: unknown): boolean {
  return Array.isArray(value) && value.length >= 2 && value.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n));
}

function readTopology(topology: Record<string, unknown>, next: () => number): { groups: Group[] } | { problem: string } {
  const { objects, arcs, transform } = topology;
  if (!isObject(objects) || Object.keys(objects).length === 0) return { problem: 'The TopoJSON file has no objects, so no areas.' };
  if (!Array.isArray(arcs)) return { problem: 'The TopoJSON file has no "arcs" list.' };
  const badArc = arcs.findIndex((arc) => !Array.isArray(arc) || arc.length < 2 || !arc.every(isPosition));
  if (badArc >= 0) return { problem: `The TopoJSON file's arc ${badArc} is not a list of at least two points.` };
  if (transform !== undefined && !(isObject(transform) && isPosition(transform.scale) && isPosition(transform.translate))) {
    return { problem: 'The TopoJSON file\'s "transform" needs a "scale" and a "translate", each of two numbers.' };
  }
  const groups: Group[] = [];
  for (const [name, object] of Object.entries(objects)) {
    const geometries = isObject(object) && object.type === 'GeometryCollection' ? object.geometries : [object];
    if (!Array.isArray(geometries)) return { problem: `The TopoJSON object '${name}' is a GeometryCollection with no "geometries" list.` };
    groups.push({ name, features: geometries.map((geometry: unknown) => topoJsonFeature(topology, geometry, arcs.length, next())) });
  }
  return { groups };
}

/** The first arc index that is not an arc of the file, or a message when the arcs are not nested lists of indexes. */
function badArcIndex(arcs: unknown, depth: number, count: number): string | null {
  if (!Array.isArray(arcs)) return 'its arcs are not a list';
  for (const item of arcs) {
    if (depth > 0) {
      const problem = badArcIndex(item, depth - 1, count);
      if (problem) return problem;
    } else if (typeof item !== 'number' || !Number.isInteger(item)) {
      return `its arcs hold ${show(item)}, which is not an arc index`;
    } else if ((item < 0 ? ~item : item) >= count) {
      return `its arcs refer to arc ${item < 0 ? ~item : item}, which the file does not have (it has ${count})`;
    }
  }
  return null;
}

function topoJsonFeature(topology: Record<string, unknown>, geometry: unknown, arcCount: number, position: number): RawFeature {
  if (!isObject(geometry)) return { position, id: undefined, properties: {}, geometry: undefined, unreadable: 'not a TopoJSON geometry object' };
  const raw: RawFeature = { position, id: geometry.id, properties: isObject(geometry.properties) ? geometry.properties : {}, geometry: null };
  if (geometry.type === null || geometry.type === undefined) return raw;
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    // Not converted: the boundary check refuses it by its type.
    return { ...raw, geometry: { type: geometry.type } };
  }
  const problem = badArcIndex(geometry.arcs, geometry.type === 'Polygon' ? 1 : 2, arcCount);
  if (problem) return { ...raw, unreadable: problem };
  const converted = topoFeature(topology as never, { type: geometry.type, arcs: geometry.arcs } as never) as { geometry: unknown };
  return { ...raw, geometry: converted.geometry };
}

// ---------------------------------------------------------------------------------------------------
// Which property holds what

/** Each property (and the feature id) that holds codes of the kinds taken, with how many and how fine. */
function codeKey(features: RawFeature[]): string | null {
  const keys = new Set<string>([ID_KEY]);
  for (const feature of features) for (const key of Object.keys(feature.properties)) keys.add(key);
  let best: { key: string; count: number; specificity: number; named: number } | null = null;
  for (const key of keys) {
    const kinds = features.map((feature) => areaKindOfCode(text(valueAt(feature, key)))).filter((kind) => kind !== null);
    if (kinds.length === 0) continue;
    const specificity = Math.min(...kinds.map((kind) => SPECIFICITY[kind]));
    // A property over the bare id, and one called like a code column (LSOA11CD, code) over others.
    const named = key === ID_KEY ? 0 : /(cd|code)$/i.test(key) ? 2 : 1;
    const candidate = { key, count: kinds.length, specificity, named };
    if (!best || candidate.count > best.count || (candidate.count === best.count && (candidate.specificity < best.specificity || (candidate.specificity === best.specificity && candidate.named > best.named)))) {
      best = candidate;
    }
  }
  return best?.key ?? null;
}

/** Another property holding the local authority each area is in (LAD19CD beside LSOA11CD). */
function parentKey(features: RawFeature[], own: string): string | null {
  const keys = new Set(features.flatMap((feature) => Object.keys(feature.properties)));
  keys.add(ID_KEY);
  keys.delete(own);
  let best: { key: string; count: number } | null = null;
  for (const key of keys) {
    const count = features.filter((feature) => {
      const value = text(valueAt(feature, key));
      return areaKindOfCode(value) === AreaKind.LOCAL_AUTHORITY && value !== text(valueAt(feature, own));
    }).length;
    if (count > 0 && (!best || count > best.count)) best = { key, count };
  }
  return best?.key ?? null;
}

/** The property naming the areas: LSOA11NM beside LSOA11CD, else "name", else any …NM or …name (not the Welsh …NMW). */
function nameKey(features: RawFeature[], own: string): string | null {
  const prefix = /^(.*)cd$/i.exec(label(own))?.[1];
  const keys = new Set(features.flatMap((feature) => Object.keys(feature.properties)));
  const score = (key: string) => {
    if (prefix && key.toLowerCase() === `${prefix}nm`.toLowerCase()) return 3;
    if (/^name$/i.test(key)) return 2;
    if (/(nm|name)$/i.test(key)) return 1;
    return 0;
  };
  let best: { key: string; score: number; count: number } | null = null;
  for (const key of keys) {
    const candidate = { key, score: score(key), count: features.filter((feature) => text(feature.properties[key]) !== '').length };
    if (candidate.score === 0 || candidate.count === 0) continue;
    if (!best || candidate.score > best.score || (candidate.score === best.score && candidate.count > best.count)) best = candidate;
  }
  return best?.key ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Checking each feature

function featureProblem(position: number, code: string | null, field: string, message: string): AreaFileProblem {
  return { row: position, field: code ?? field, message, text: `Feature ${position}${code ? ` (${code})` : ''}: ${message}` };
}

function checkGroup(group: Group, seen: Map<string, number>): { areas: BoundaryArea[]; problems: AreaFileProblem[] } {
  const own = codeKey(group.features);
  if (!own) {
    const other = group.features.flatMap((feature) => [feature.id, ...Object.values(feature.properties)]).map(text).find((value) => GSS_CODE.test(value));
    const where = group.name ? `in '${group.name}' ` : '';
    const properties = [...new Set(group.features.flatMap((feature) => Object.keys(feature.properties)))].slice(0, 12);
    const message = other
      ? `The features ${where}carry ONS codes of a kind this portal does not take (${other}): it takes ${KINDS_TAKEN}.`
      : `No feature ${where}carries an ONS code such as E01019078 (LSOA), E05003114 (ward) or E07000028 (local authority); ${properties.length > 0 ? `the properties are ${properties.join(', ')}` : 'the features have no properties'}.`;
    return { areas: [], problems: [fileProblem(message)] };
  }
  const parent = parentKey(group.features, own);
  const names = nameKey(group.features, own);
  const groupAuthority = group.name && areaKindOfCode(group.name.trim()) === AreaKind.LOCAL_AUTHORITY ? group.name.trim() : null;
  const areas: BoundaryArea[] = [];
  const problems: AreaFileProblem[] = [];
  for (const feature of group.features) {
    if (problems.length >= MAX_PROBLEMS) break;
    const { position } = feature;
    const raw = valueAt(feature, own);
    const code = text(raw);
    if (feature.unreadable) {
      problems.push(featureProblem(position, GSS_CODE.test(code) ? code : null, 'feature', feature.unreadable));
      continue;
    }
    if (code === '') {
      problems.push(featureProblem(position, null, label(own), `no ONS code in ${label(own)}`));
      continue;
    }
    if (!GSS_CODE.test(code)) {
      problems.push(featureProblem(position, null, label(own), `${label(own)} ${show(raw)} is not an ONS code (a letter and eight digits, such as E01019078)`));
      continue;
    }
    const kind = areaKindOfCode(code);
    if (!kind) {
      problems.push(featureProblem(position, code, label(own), `${code} is not ${KINDS_TAKEN}`));
      continue;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) problems.push(featureProblem(position, code, label(own), `the same code as feature ${earlier}; each area must appear once`));
    else seen.set(code, position);

    let name: string | null = null;
    if (names) {
      name = text(feature.properties[names]) || null;
      if (!name) problems.push(featureProblem(position, code, names, `no name in ${names}`));
      else if (name.length > MAX_NAME_LENGTH) problems.push(featureProblem(position, code, names, `the name in ${names} is longer than ${MAX_NAME_LENGTH} characters`));
    }
    const boundary = prepareBoundary(feature.geometry);
    if (!boundary.ok) {
      problems.push(featureProblem(position, code, 'geometry', boundary.message));
      continue;
    }
    const parentValue = parent ? text(valueAt(feature, parent)) : '';
    const localAuthorityCode = kind === AreaKind.LOCAL_AUTHORITY ? null : areaKindOfCode(parentValue) === AreaKind.LOCAL_AUTHORITY ? parentValue : groupAuthority;
    areas.push({ feature: position, code, kind, name, localAuthorityCode, geometry: boundary.geometry, areaKm2: boundary.areaKm2, centroid: boundary.centroid });
  }
  return { areas, problems };
}
