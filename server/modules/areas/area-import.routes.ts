import express, { type ErrorRequestHandler, type Router } from 'express';
import { AreaImportKind } from '../../../shared/domain.ts';
import { MAX_AREA_FILE_MB } from '../../../shared/areas.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { loadViewer, readSessionToken } from '../../auth/session-cookie.ts';
import type { Orm } from '../../db/orm.ts';
import { errors, isRefusal } from '../../errors.ts';
import { importAreaFilesAs, MAX_AREA_FILE_BYTES } from './area-import.service.ts';

const STATUS: Record<string, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 422,
};

const KINDS = new Set<string>(Object.values(AreaImportKind));

/**
 * `POST /imports/areas?kind=BOUNDARIES|DEPRIVATION|POPULATION|POSTCODES` with the file as the body and
 * its name in `X-File-Name` (URI-encoded). Area files run to megabytes, far past what a GraphQL request
 * may hold. The custom header means a cross-site form cannot post here (browsers preflight it, and no
 * CORS is offered). Answers in the GraphQL error shape, one problem per message.
 */
export function areaImportRoutes({ orm, secure }: { orm: Orm; secure: boolean }): Router {
  const router = express.Router();
  router.post('/areas', express.text({ type: () => true, limit: MAX_AREA_FILE_BYTES + 64 * 1024 }), async (req, res, next) => {
    try {
      const fileName = req.get('x-file-name');
      if (!fileName) throw errors.badInput([{ field: 'file', message: 'Choose a file to import.' }]);
      const kind = String(req.query.kind ?? '').toUpperCase();
      if (!KINDS.has(kind)) throw errors.badInput([{ field: 'kind', message: 'Choose what the file holds: boundaries, deprivation, population or postcodes.' }]);
      const em = orm.em.fork();
      const viewer = await loadViewer(em, readSessionToken(req, secure));
      const imports = await importAreaFilesAs(em, viewer, [
        { kind: kind as AreaImportKind, fileName: decodeURIComponent(fileName).trim(), content: typeof req.body === 'string' ? req.body : '' },
      ]);
      res.json({
        data: {
          imports: imports.map((batch) => ({
            id: batch.id,
            kind: batch.kind,
            fileName: batch.fileName,
            rowsRead: batch.rowsRead,
            areasCreated: batch.areasCreated,
            areasUpdated: batch.areasUpdated,
            postcodes: batch.postcodes,
          })),
        },
      });
    } catch (error) {
      if (!isRefusal(error)) return next(error);
      res.status(STATUS[String(error.extensions.code)] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    }
  });
  const tooBig: ErrorRequestHandler = (error, _req, res, next) => {
    if (error?.type !== 'entity.too.large') return next(error);
    const refusal = errors.badInput([{ field: 'file', message: `The file is larger than ${MAX_AREA_FILE_MB} MB. Import a postcode directory region by region, or use npm run areas:import.` }]);
    res.status(413).json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
  };
  router.use(tooBig);
  return router;
}
