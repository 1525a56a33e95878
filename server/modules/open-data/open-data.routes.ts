import express, { type Router } from 'express';
import { ErrorCode } from '../../../shared/errors.ts';
import { loadViewer, readSessionToken } from '../../auth/session-cookie.ts';
import type { Orm } from '../../db/orm.ts';
import { isRefusal } from '../../errors.ts';
import { grantPackageCsv } from './grant-package-csv.ts';
import { exportGrantPackage, openDataFileName, type OpenDataFormat } from './open-data.service.ts';

const STATUS: Record<string, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.BadUserInput]: 422,
};

const CONTENT_TYPES: Record<OpenDataFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * `GET /funds/:fundId/open-data/grants.json` and `grants.csv`: the fund's grants in the 360Giving Data
 * Standard, as a download. Files rather than GraphQL, since they are what gets published. Refusals
 * answer in the GraphQL error shape, as the other file routes do.
 */
export function openDataRoutes({ orm, secure }: { orm: Orm; secure: boolean }): Router {
  const router = express.Router();
  router.get('/:fundId/open-data/grants.:format', async (req, res, next) => {
    const format = req.params.format;
    if (format !== 'json' && format !== 'csv') return next();
    try {
      const em = orm.em.fork();
      const viewer = await loadViewer(em, readSessionToken(req, secure));
      const now = new Date();
      const { fund, pkg } = await exportGrantPackage(em, viewer, req.params.fundId, format, now);
      res.set({
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="${openDataFileName(fund, format, now)}"`,
        // Not published until the fund decides to: no shared cache keeps a copy.
        'Cache-Control': 'private, no-store',
      });
      res.send(format === 'json' ? `${JSON.stringify(pkg, null, 2)}\n` : grantPackageCsv(pkg));
    } catch (error) {
      if (!isRefusal(error)) return next(error);
      res.status(STATUS[String(error.extensions.code)] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    }
  });
  return router;
}
