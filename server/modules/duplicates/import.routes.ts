import express, { type ErrorRequestHandler, type Router } from 'express';
import { ErrorCode } from '../../../shared/errors.ts';
import { loadViewer, readSessionToken } from '../../auth/session-cookie.ts';
import type { Orm } from '../../db/orm.ts';
import { errors, isRefusal } from '../../errors.ts';
import { importExternalGrants, MAX_IMPORT_BYTES } from './external-grant.service.ts';

const STATUS: Record<string, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.BadUserInput]: 422,
};

/**
 * `POST /imports/360giving?fundId=…` with the file as the body and its name in `X-File-Name`. A file
 * is too big for a GraphQL request (held to 200 KB), so it has this route of its own. The custom header
 * makes a cross-site form post impossible (browsers preflight it, and no CORS is offered). Answers in
 * the GraphQL error shape, so the page shows problems the same way.
 */
export function importRoutes({ orm, secure }: { orm: Orm; secure: boolean }): Router {
  const router = express.Router();
  router.post('/360giving', express.text({ type: () => true, limit: MAX_IMPORT_BYTES + 64 * 1024 }), async (req, res, next) => {
    try {
      const fileName = req.get('x-file-name');
      if (!fileName) throw errors.badInput([{ field: 'file', message: 'Choose a file to import.' }]);
      const em = orm.em.fork();
      const viewer = await loadViewer(em, readSessionToken(req, secure));
      if (!viewer) throw errors.unauthenticated();
      const batch = await importExternalGrants(em, viewer, {
        fundId: String(req.query.fundId ?? ''),
        fileName: decodeURIComponent(fileName),
        content: typeof req.body === 'string' ? req.body : '',
      });
      res.json({ data: { id: batch.id, fileName: batch.fileName, grantCount: batch.grantCount, skippedIndividuals: batch.skippedIndividuals, funderNames: batch.funderNames } });
    } catch (error) {
      if (!isRefusal(error)) return next(error);
      res.status(STATUS[String(error.extensions.code)] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    }
  });
  const tooBig: ErrorRequestHandler = (error, _req, res, next) => {
    if (error?.type !== 'entity.too.large') return next(error);
    const refusal = errors.badInput([{ field: 'file', message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it by year and import each part.` }]);
    res.status(413).json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
  };
  router.use(tooBig);
  return router;
}
