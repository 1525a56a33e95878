import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The real public data the tests and benchmarks read in place (never copied into the repository):
// `../shared/data` beside the checkout, or SHARED_DATA, or the machine's copy at /work/shared/data when
// the checkout lives elsewhere (CI clones into a folder of its own).
const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const candidates = [process.env.SHARED_DATA, path.resolve(repository, '../shared/data'), '/work/shared/data'].filter((folder): folder is string => Boolean(folder));

export const SHARED_DATA = candidates.find((folder) => existsSync(folder)) ?? candidates[0];

/** A path inside the shared data folder; reading it fails loudly when the data is missing. */
export const sharedDataPath = (...parts: string[]) => path.join(SHARED_DATA, ...parts);
