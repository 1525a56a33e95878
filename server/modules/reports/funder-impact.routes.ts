import express, { type Router } from 'express';
import { ErrorCode } from '../../../shared/errors.ts';
import { londonToday } from '../../../shared/london-time.ts';
import { loadViewer, readSessionToken } from '../../auth/session-cookie.ts';
import type { Orm } from '../../db/orm.ts';
import { isRefusal } from '../../errors.ts';
import { funderImpactCsv, funderImpactFileName } from './funder-impact-csv.ts';
import { funderImpact } from './impact.service.ts';

const STATUS: Record<string, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
};

/**
 * `GET /funds/:fundId/funders/:funderId/impact.csv`: one funder's own view as a spreadsheet, for the
 * same people as the page (`canOnFunderImpact`), checked on this object at every download. Refusals
 * answer in the GraphQL error shape, as the other file routes do.
 */
export function funderImpactRoutes({ orm, secure, publicUrl }: { orm: Orm; secure: boolean; publicUrl: string }): Router {
  const router = express.Router();
  router.get('/:fundId/funders/:funderId/impact.csv', async (req, res, next) => {
    try {
      const em = orm.em.fork();
      const viewer = await loadViewer(em, readSessionToken(req, secure));
      const today = londonToday();
      const impact = await funderImpact(em, viewer, req.params.fundId, req.params.funderId, today);
      res.set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${funderImpactFileName(impact, today)}"`,
        // Stories and grants for a board: no shared cache keeps a copy.
        'Cache-Control': 'private, no-store',
      });
      res.send(funderImpactCsv(impact, publicUrl));
    } catch (error) {
      if (!isRefusal(error)) return next(error);
      res.status(STATUS[String(error.extensions.code)] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    }
  });
  return router;
}
