// Importing area files: boundaries, deprivation and population per LSOA, and the postcode lookup. Every
// file of one import is read first; if any has a problem nothing is written and every problem is
// reported. Otherwise all of them are written in one transaction, with one log row per file, and each
// LSOA's ward is worked out again from what the database then holds.
import type { EntityManager } from '@mikro-orm/postgresql';
import { geoBounds } from 'd3-geo';
import { AREA_IMPORT_KIND_LABELS, AreaImportKind, AreaKind } from '../../../shared/domain.ts';
import { MAX_AREA_FILE_MB } from '../../../shared/areas.ts';
import type { Viewer } from '../../context.ts';
import { errors } from '../../errors.ts';
import { canOnAreas } from '../../policies/area.policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { User } from '../users/user.entity.ts';
import type { AreaFileProblem } from './area-file-problem.ts';
import { AreaImport } from './area-import.entity.ts';
import { type BoundaryArea, parseBoundaryFile } from './boundary-file.ts';
import { boundaryContains, type AreaGeometry } from './geometry.ts';
import { type DeprivationRow, parseDeprivationCsv, parsePopulationCsv, type PopulationRow } from './lsoa-figures-csv.ts';
import { parsePostcodeCsv, type PostcodeRow } from './postcode-csv.ts';

export const MAX_AREA_FILE_BYTES = MAX_AREA_FILE_MB * 1024 * 1024;

export interface AreaFile {
  kind: AreaImportKind;
  fileName: string;
  content: string;
}

export interface FileProblems {
  fileName: string;
  problems: AreaFileProblem[];
}

export type ReadFile = { fileName: string; rowsRead: number } & (
  | { kind: AreaImportKind.BOUNDARIES; areas: BoundaryArea[] }
  | { kind: AreaImportKind.DEPRIVATION; rows: DeprivationRow[] }
  | { kind: AreaImportKind.POPULATION; rows: PopulationRow[] }
  | { kind: AreaImportKind.POSTCODES; postcodes: PostcodeRow[]; skipped: number }
);

export type AreaImportOutcome = { ok: true; imports: AreaImport[] } | { ok: false; files: FileProblems[] };

/** The file endings each kind takes, so a CSV sent as boundaries is refused before it is read. */
const ENDINGS: Record<AreaImportKind, RegExp> = {
  [AreaImportKind.BOUNDARIES]: /\.(json|geojson|topojson)$/i,
  [AreaImportKind.DEPRIVATION]: /\.csv$/i,
  [AreaImportKind.POPULATION]: /\.csv$/i,
  [AreaImportKind.POSTCODES]: /\.csv$/i,
};

const ENDING_WORDS: Record<AreaImportKind, string> = {
  [AreaImportKind.BOUNDARIES]: 'a GeoJSON or TopoJSON file ending in .json, .geojson or .topojson',
  [AreaImportKind.DEPRIVATION]: 'a CSV file ending in .csv',
  [AreaImportKind.POPULATION]: 'a CSV file ending in .csv',
  [AreaImportKind.POSTCODES]: 'a CSV file ending in .csv',
};

function readFile(file: AreaFile): ReadFile | AreaFileProblem[] {
  if (!ENDINGS[file.kind].test(file.fileName)) {
    const message = `${AREA_IMPORT_KIND_LABELS[file.kind]} come in ${ENDING_WORDS[file.kind]}.`;
    return [{ row: 0, field: 'file', message, text: message }];
  }
  const { fileName } = file;
  switch (file.kind) {
    case AreaImportKind.BOUNDARIES: {
      const read = parseBoundaryFile(file.content);
      return read.ok ? { kind: file.kind, fileName, rowsRead: read.areas.length, areas: read.areas } : read.problems;
    }
    case AreaImportKind.DEPRIVATION: {
      const read = parseDeprivationCsv(file.content);
      return read.ok ? { kind: file.kind, fileName, rowsRead: read.rows.length, rows: read.rows } : read.problems;
    }
    case AreaImportKind.POPULATION: {
      const read = parsePopulationCsv(file.content);
      return read.ok ? { kind: file.kind, fileName, rowsRead: read.rows.length, rows: read.rows } : read.problems;
    }
    case AreaImportKind.POSTCODES: {
      const read = parsePostcodeCsv(file.content);
      return read.ok ? { kind: file.kind, fileName, rowsRead: read.postcodes.length + read.skipped, postcodes: read.postcodes, skipped: read.skipped } : read.problems;
    }
  }
}

/** Each area (or postcode) a file sets, with where it is in the file, to find one set twice by two files. */
function entries(file: ReadFile): { key: string; row: number; where: string }[] {
  switch (file.kind) {
    case AreaImportKind.BOUNDARIES:
      return file.areas.map((area) => ({ key: area.code, row: area.feature, where: `feature ${area.feature}` }));
    case AreaImportKind.DEPRIVATION:
    case AreaImportKind.POPULATION:
      return file.rows.map((row) => ({ key: row.code, row: row.row, where: `row ${row.row}` }));
    case AreaImportKind.POSTCODES:
      return [];
  }
}

/** Reads every file; all of them, or the problems of each one that has any. */
export function readAreaFiles(files: AreaFile[]): { ok: true; files: ReadFile[] } | { ok: false; files: FileProblems[] } {
  const read: ReadFile[] = [];
  const refused: FileProblems[] = [];
  // Two files of one kind that both set an area would leave it to the order of the files.
  const seen = new Map<string, { fileName: string; where: string }>();
  for (const file of files) {
    const result = readFile(file);
    if (Array.isArray(result)) {
      refused.push({ fileName: file.fileName, problems: result });
      continue;
    }
    const twice: AreaFileProblem[] = [];
    for (const entry of entries(result)) {
      const key = `${result.kind}:${entry.key}`;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, { fileName: file.fileName, where: entry.where });
        continue;
      }
      const message = `${entry.key} is also in ${earlier.fileName} (${earlier.where}); each area must be in one file only`;
      const text = `${entry.where[0].toUpperCase()}${entry.where.slice(1)} (${entry.key}): also in ${earlier.fileName} (${earlier.where}); each area must be in one file only`;
      twice.push({ row: entry.row, field: entry.key, message, text });
    }
    if (twice.length > 0) refused.push({ fileName: file.fileName, problems: twice.slice(0, 50) });
    else read.push(result);
  }
  return refused.length > 0 ? { ok: false, files: refused } : { ok: true, files: read };
}

/** The import as a coordinator makes it on the admin screen: refused unless they may change areas. */
export async function importAreaFilesAs(em: EntityManager, viewer: Viewer | null, files: AreaFile[]): Promise<AreaImport[]> {
  if (!viewer) throw errors.unauthenticated();
  if (!canOnAreas(viewer, 'import')) throw errors.forbidden('import areas: only fund coordinators can');
  for (const file of files) {
    if (Buffer.byteLength(file.content, 'utf8') > MAX_AREA_FILE_BYTES) {
      throw errors.badInput([{ field: 'file', message: `${file.fileName} is larger than ${MAX_AREA_FILE_MB} MB. Import a postcode directory region by region, or use npm run areas:import.` }]);
    }
  }
  const outcome = await importAreaFiles(em, viewer.user, files);
  if (!outcome.ok) {
    const several = outcome.files.length > 1;
    throw errors.badInput(outcome.files.flatMap((file) => file.problems.map((problem) => ({ field: 'file', message: several ? `${file.fileName}: ${problem.text}` : problem.text }))));
  }
  return outcome.imports;
}

/** Reads the files and, when every one is good, writes them all in one transaction. */
export async function importAreaFiles(em: EntityManager, actor: User | null, files: AreaFile[]): Promise<AreaImportOutcome> {
  const read = readAreaFiles(files);
  if (!read.ok) return read;
  return { ok: true, imports: await writeAreaFiles(em, actor, read.files) };
}

/** Writes files already read, all in one transaction, and places each LSOA in its ward again. */
export async function writeAreaFiles(em: EntityManager, actor: User | null, files: ReadFile[]): Promise<AreaImport[]> {
  return em.transactional(async (tx) => {
    const imports: AreaImport[] = [];
    for (const file of files) {
      const batch = tx.create(AreaImport, { kind: file.kind, fileName: file.fileName.slice(0, 200), rowsRead: file.rowsRead, importedBy: actor ?? undefined });
      await tx.flush();
      const counts = await store(tx, batch, file);
      Object.assign(batch, counts);
      recordAudit(tx, {
        actor,
        action: 'areas.imported',
        entityType: 'AreaImport',
        entityId: batch.id,
        changes: { kind: file.kind, fileName: batch.fileName, rowsRead: batch.rowsRead, ...counts },
      });
      imports.push(batch);
    }
    if (files.some((file) => file.kind === AreaImportKind.BOUNDARIES || file.kind === AreaImportKind.POSTCODES)) await assignLsoaWards(tx);
    return imports;
  });
}

type Counts = Pick<AreaImport, 'areasCreated' | 'areasUpdated' | 'postcodes'>;

function store(tx: EntityManager, batch: AreaImport, file: ReadFile): Promise<Counts> {
  switch (file.kind) {
    case AreaImportKind.BOUNDARIES:
      return storeBoundaries(tx, batch, file.areas);
    case AreaImportKind.DEPRIVATION:
      return storeFigures(tx, batch, 'deprivation', file.rows.map((row) => ({ ...lsoa(row), imd_rank: row.imdRank, imd_decile: row.imdDecile })));
    case AreaImportKind.POPULATION:
      return storeFigures(tx, batch, 'population', file.rows.map((row) => ({ ...lsoa(row), population: row.population })));
    case AreaImportKind.POSTCODES:
      return storePostcodes(tx, batch, file.postcodes);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** How many rows an upsert inserted and how many it updated (a row just inserted has xmax 0). */
async function upsert(tx: EntityManager, sql: string, params: unknown[]): Promise<{ created: number; updated: number }> {
  const rows = await tx.execute<{ created: boolean }[]>(sql, params);
  const created = rows.filter((row) => row.created).length;
  return { created, updated: rows.length - created };
}

// A file that names no areas leaves the name it has (an area first met without a name is called by its
// code until a file names it); every file that does name them renames them. The same for the local
// authority. Rows go in as one JSON document per statement, so nulls and geometry need no arrays.
const KEEP_NAME = `name = case when excluded.name = excluded.code then area.name else excluded.name end,
  local_authority_code = coalesce(excluded.local_authority_code, area.local_authority_code)`;

async function storeBoundaries(tx: EntityManager, batch: AreaImport, areas: BoundaryArea[]): Promise<Counts> {
  let areasCreated = 0;
  let areasUpdated = 0;
  for (const chunk of chunks(areas, 200)) {
    const rows = chunk.map((area) => ({
      code: area.code,
      kind: area.kind,
      name: area.name,
      local_authority_code: area.localAuthorityCode,
      geometry: area.geometry,
      area_km2: area.areaKm2,
      centroid_lon: area.centroid[0],
      centroid_lat: area.centroid[1],
    }));
    const { created, updated } = await upsert(
      tx,
      `insert into area (id, created_at, updated_at, code, kind, name, local_authority_code, geometry, area_km2, centroid_lon, centroid_lat, demo, boundary_import_id)
       select gen_random_uuid(), now(), now(), t.code, t.kind::area_kind, coalesce(t.name, t.code), t.local_authority_code, t.geometry, t.area_km2, t.centroid_lon, t.centroid_lat, false, ?
         from jsonb_to_recordset(?::jsonb) as t(code text, kind text, name text, local_authority_code text, geometry jsonb, area_km2 float8, centroid_lon float8, centroid_lat float8)
       on conflict (code) do update set ${KEEP_NAME},
         geometry = excluded.geometry, area_km2 = excluded.area_km2, centroid_lon = excluded.centroid_lon, centroid_lat = excluded.centroid_lat,
         demo = false, boundary_import_id = excluded.boundary_import_id, updated_at = now()
       returning (xmax = 0) as created`,
      [batch.id, JSON.stringify(rows)],
    );
    areasCreated += created;
    areasUpdated += updated;
  }
  return { areasCreated, areasUpdated, postcodes: 0 };
}

function lsoa(row: DeprivationRow | PopulationRow) {
  return { code: row.code, name: row.name, local_authority_code: row.localAuthorityCode };
}

const FIGURES = {
  deprivation: { columns: ['imd_rank', 'imd_decile'], types: 'imd_rank int, imd_decile int', importColumn: 'deprivation_import_id' },
  population: { columns: ['population'], types: 'population int', importColumn: 'population_import_id' },
} as const;

/**
 * Figures per LSOA. An LSOA with no boundary yet is stored all the same, as an area without geometry:
 * deprivation covers all 32,844 English LSOAs, whatever boundaries a deployment has.
 */
async function storeFigures(tx: EntityManager, batch: AreaImport, figures: keyof typeof FIGURES, rows: Record<string, unknown>[]): Promise<Counts> {
  const { columns, types, importColumn } = FIGURES[figures];
  let areasCreated = 0;
  let areasUpdated = 0;
  for (const chunk of chunks(rows, 2000)) {
    const { created, updated } = await upsert(
      tx,
      `insert into area (id, created_at, updated_at, code, kind, name, local_authority_code, ${columns.join(', ')}, demo, ${importColumn})
       select gen_random_uuid(), now(), now(), t.code, 'LSOA', coalesce(t.name, t.code), t.local_authority_code, ${columns.map((column) => `t.${column}`).join(', ')}, false, ?
         from jsonb_to_recordset(?::jsonb) as t(code text, name text, local_authority_code text, ${types})
       on conflict (code) do update set ${KEEP_NAME},
         ${columns.map((column) => `${column} = excluded.${column}`).join(', ')}, demo = false, ${importColumn} = excluded.${importColumn}, updated_at = now()
       returning (xmax = 0) as created`,
      [batch.id, JSON.stringify(chunk)],
    );
    areasCreated += created;
    areasUpdated += updated;
  }
  return { areasCreated, areasUpdated, postcodes: 0 };
}

async function storePostcodes(tx: EntityManager, batch: AreaImport, postcodes: PostcodeRow[]): Promise<Counts> {
  let stored = 0;
  for (const chunk of chunks(postcodes, 5000)) {
    const rows = chunk.map((row) => ({ postcode: row.postcode, lsoa_code: row.lsoaCode, ward_code: row.wardCode, local_authority_code: row.localAuthorityCode }));
    const { created, updated } = await upsert(
      tx,
      `insert into postcode_area (postcode, lsoa_code, ward_code, local_authority_code, imported_from_id, updated_at)
       select t.postcode, t.lsoa_code, t.ward_code, t.local_authority_code, ?, now()
         from jsonb_to_recordset(?::jsonb) as t(postcode text, lsoa_code text, ward_code text, local_authority_code text)
       on conflict (postcode) do update set lsoa_code = excluded.lsoa_code, ward_code = excluded.ward_code,
         local_authority_code = excluded.local_authority_code, imported_from_id = excluded.imported_from_id, updated_at = now()
       returning (xmax = 0) as created`,
      [batch.id, JSON.stringify(rows)],
    );
    stored += created + updated;
  }
  return { areasCreated: 0, areasUpdated: 0, postcodes: stored };
}

interface WardShape {
  code: string;
  localAuthorityCode: string | null;
  geometry: AreaGeometry;
  bounds: [[number, number], [number, number]];
}

/**
 * Gives each LSOA its ward: the ward whose boundary holds the LSOA's centre (its centroid, or a point
 * inside it where the centroid falls outside), or, where boundaries do
 * not tell (no ward boundaries, or none holds it), the ward most of the LSOA's postcodes are in. LSOAs
 * are not built from wards, so an LSOA split by a ward boundary goes to the ward holding its centre.
 * Returns how many LSOAs changed ward.
 */
export async function assignLsoaWards(tx: EntityManager): Promise<number> {
  const wardRows = await tx.execute<{ code: string; local_authority_code: string | null; geometry: AreaGeometry }[]>(
    `select code, local_authority_code, geometry from area where kind = ? and geometry is not null`,
    [AreaKind.WARD],
  );
  const wards: WardShape[] = wardRows.map((row) => ({ code: row.code, localAuthorityCode: row.local_authority_code, geometry: row.geometry, bounds: geoBounds(row.geometry) }));
  const lsoas = await tx.execute<{ code: string; local_authority_code: string | null; ward_code: string | null; centroid_lon: number | null; centroid_lat: number | null }[]>(
    `select code, local_authority_code, ward_code, centroid_lon, centroid_lat from area where kind = ?`,
    [AreaKind.LSOA],
  );
  const byPostcodes = new Map(
    (
      await tx.execute<{ lsoa_code: string; ward_code: string }[]>(
        `select distinct on (lsoa_code) lsoa_code, ward_code
           from (select lsoa_code, ward_code, count(*) as postcodes from postcode_area
                  where lsoa_code is not null and ward_code is not null group by lsoa_code, ward_code) counted
          order by lsoa_code, postcodes desc, ward_code`,
      )
    ).map((row) => [row.lsoa_code, row.ward_code]),
  );
  const changes: { code: string; ward_code: string | null }[] = [];
  for (const lsoa of lsoas) {
    let ward: string | null = null;
    if (lsoa.centroid_lon !== null && lsoa.centroid_lat !== null && wards.length > 0) ward = wardHolding(wards, [lsoa.centroid_lon, lsoa.centroid_lat], lsoa.local_authority_code);
    ward ??= byPostcodes.get(lsoa.code) ?? null;
    if (ward !== lsoa.ward_code) changes.push({ code: lsoa.code, ward_code: ward });
  }
  for (const chunk of chunks(changes, 5000)) {
    await tx.execute(
      `update area set ward_code = t.ward_code, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as t(code text, ward_code text)
        where area.code = t.code`,
      [JSON.stringify(chunk)],
    );
  }
  return changes.length;
}

function wardHolding(wards: WardShape[], point: [number, number], localAuthorityCode: string | null): string | null {
  const [lon, lat] = point;
  const candidates = wards.filter(({ bounds: [[west, south], [east, north]] }) => lon >= west && lon <= east && lat >= south && lat <= north);
  // Wards of the LSOA's own local authority first: where two files overlap, the nearer family wins.
  candidates.sort((a, b) => Number(b.localAuthorityCode === localAuthorityCode) - Number(a.localAuthorityCode === localAuthorityCode));
  return candidates.find((ward) => boundaryContains(ward.geometry, point))?.code ?? null;
}
