// Imports area files into DATABASE_URL, or the embedded PostgreSQL in DATA_DIR as the server uses:
// boundaries (GeoJSON or TopoJSON with ONS codes), deprivation and population per LSOA (the English
// Indices of Deprivation CSV layout), and the ONS postcode lookup. Every file is read first; if any
// has a problem nothing is imported. Everything given in one run is imported in one transaction.
// Run: npm run areas:import -- --boundaries FILE... | --deprivation FILE... | --population FILE... | --postcodes FILE...
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AREA_IMPORT_KIND_LABELS, AreaImportKind } from '../shared/domain.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/orm.ts';
import { logger } from '../server/logger.ts';
import type { AreaFileProblem } from '../server/modules/areas/area-file-problem.ts';
import type { AreaImport } from '../server/modules/areas/area-import.entity.ts';
import { type AreaFile, readAreaFiles, writeAreaFiles } from '../server/modules/areas/area-import.service.ts';

const USAGE = 'Usage: npm run areas:import -- [--boundaries FILE...] [--deprivation FILE...] [--population FILE...] [--postcodes FILE...]';

const OPTIONS: Record<string, AreaImportKind> = {
  '--boundaries': AreaImportKind.BOUNDARIES,
  '--deprivation': AreaImportKind.DEPRIVATION,
  '--population': AreaImportKind.POPULATION,
  '--postcodes': AreaImportKind.POSTCODES,
};

export interface FileToImport {
  kind: AreaImportKind;
  path: string;
}

/** The files to import, in the order given, or what is wrong with the command line. Each option takes every file up to the next option. */
export function readOptions(argv: string[]): FileToImport[] | { error: string } {
  const files: FileToImport[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const kind = OPTIONS[argv[i]];
    if (!kind) return { error: `unknown argument '${argv[i]}'` };
    const start = files.length;
    while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) files.push({ kind, path: argv[++i] });
    if (files.length === start) return { error: `${argv[i]} needs at least one file` };
  }
  if (files.length === 0) return { error: 'give at least one file to import' };
  return files;
}

/** Prints each problem as `file:row: field: message`. */
export function printProblems(outcome: { files: { fileName: string; problems: AreaFileProblem[] }[] }, err: (line: string) => void) {
  for (const file of outcome.files) for (const problem of file.problems) err(`${file.fileName}:${problem.row}: ${problem.field}: ${problem.message}`);
  err('Nothing was imported.');
}

/** One line per file imported. */
export function describeImport(batch: AreaImport): string {
  const counts = batch.kind === AreaImportKind.POSTCODES ? `${batch.postcodes} postcodes stored` : `${batch.areasCreated} areas added, ${batch.areasUpdated} updated`;
  return `${batch.fileName}: ${AREA_IMPORT_KIND_LABELS[batch.kind].toLowerCase()}, ${batch.rowsRead} read, ${counts}`;
}

export async function main(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const options = readOptions(argv);
  if ('error' in options) {
    err(`areas:import: ${options.error}`);
    err(USAGE);
    return 2;
  }
  const files: AreaFile[] = [];
  for (const { kind, path } of options) {
    try {
      // The path as given names the file in the log: the Cumbria LSOA and ward files share their names.
      files.push({ kind, fileName: path.length > 200 ? `…${path.slice(-199)}` : path, content: readFileSync(path, 'utf8') });
    } catch (error) {
      err(`areas:import: cannot read ${path}: ${(error as Error).message}`);
      err(USAGE);
      return 2;
    }
  }
  // Every file is read before the database is opened: a bad file is reported at once.
  const read = readAreaFiles(files);
  if (!read.ok) {
    printProblems(read, err);
    return 1;
  }
  const database = await openDatabase(loadConfig(), logger.child({}, { level: 'warn' }));
  try {
    await migrate(database.orm);
    for (const batch of await writeAreaFiles(database.orm.em.fork(), null, read.files)) out(describeImport(batch));
    return 0;
  } finally {
    await database.close();
  }
}

// Run as a script, not when a test imports it.
if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = await main(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  );
}
