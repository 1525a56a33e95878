import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AreaImportKind } from '../../../../../shared/domain.ts';
import { postFile } from '../../../app/post-file.ts';

export interface AreaFileImport {
  id: string;
  kind: AreaImportKind;
  fileName: string;
  rowsRead: number;
  areasCreated: number;
  areasUpdated: number;
  postcodes: number;
}

/** One area file, to `POST /imports/areas`: all or nothing, its problems naming rows and features. */
export async function importAreaFile(kind: AreaImportKind, file: File): Promise<AreaFileImport[]> {
  const data = await postFile<{ imports: AreaFileImport[] }>(`/imports/areas?kind=${encodeURIComponent(kind)}`, file);
  return data.imports;
}

/** A file the server refused, after the files before it were imported. */
export class AreaFileRefused extends Error {
  constructor(
    readonly fileName: string,
    readonly imported: AreaFileImport[],
    readonly reason: unknown,
  ) {
    super(reason instanceof Error ? reason.message : 'The file was refused.');
  }
}

/**
 * Several files (a region's boundaries come one file per district) are sent one after another, each
 * imported or refused whole; the first refused stops the rest, so its problems can be fixed first.
 */
export const useImportAreaFiles = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, files }: { kind: AreaImportKind; files: File[] }) => {
      const imported: AreaFileImport[] = [];
      for (const file of files) {
        try {
          imported.push(...(await importAreaFile(kind, file)));
        } catch (error) {
          throw new AreaFileRefused(file.name, imported, error);
        }
      }
      return imported;
    },
    // Refused after some files went in: those are imported, so the counts and the log change either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['areas'] }),
  });
};
