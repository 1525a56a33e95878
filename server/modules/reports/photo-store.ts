import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Report photos live in a folder (by default `report-photos` in the data directory), not in the
 * database: the rows say which file. A file is written under a temporary name, flushed to disk and
 * then renamed, so a crash leaves either the whole photo or nothing, never half of one; it is on disk
 * before the row that names it commits.
 */
export class PhotoStore {
  constructor(readonly folder: string) {}

  private file(key: string) {
    if (!/^[0-9a-f-]{36}\.jpg$/.test(key)) throw new Error(`Not a photo key: ${key}`);
    return path.join(this.folder, key);
  }

  async save(jpeg: Buffer): Promise<string> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const key = `${randomUUID()}.jpg`;
    const temporary = path.join(this.folder, `.${key}.part`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(jpeg);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.file(key));
    const folder = await open(this.folder, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
    return key;
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.file(key));
  }

  /** Removes a photo no row names any more; a file already gone is not an error. */
  async remove(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
