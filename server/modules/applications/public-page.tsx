import type { Request, Response } from 'express';
import { ErrorCode } from '../../../shared/errors.ts';
import { ProblemPage } from '../../../web/src/features/apply/components/apply-pages.tsx';
import { isRefusal } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ApplyDocument } from '../../../web/src/features/apply/components/apply-document.tsx';

/** Sends a whole server-rendered page of the public (no account, no JavaScript needed) journeys. */
export function sendPublicPage(
  res: Response,
  page: { status?: number; title: string; fund: { name: string; isDemo: boolean }; stylesheets: string[]; scripts?: string[]; serviceName?: string; body: ReactElement },
) {
  const html = renderToStaticMarkup(
    <ApplyDocument title={page.title} fundName={page.fund.name} isDemo={page.fund.isDemo} stylesheets={page.stylesheets} scripts={page.scripts ?? []} serviceName={page.serviceName}>
      {page.body}
    </ApplyDocument>,
  );
  res.status(page.status ?? 200).type('html').set('Cache-Control', 'no-store').send(`<!doctype html>${html}`);
}

/**
 * Wraps a handler of a page reached by an emailed link (`/:token`): a link that names nothing gets a
 * 404 page saying what to do, and anything unexpected is logged and answered with a plain 500 page.
 */
export function linkPageHandler(
  options: { logger: Logger; stylesheets: string[]; what: string; notFoundMessage: string; failedMessage: string },
  action: (req: Request, res: Response, token: string) => Promise<void>,
) {
  return async (req: Request, res: Response) => {
    try {
      await action(req, res, String(req.params.token));
    } catch (error) {
      const notFound = isRefusal(error) && error.extensions.code === ErrorCode.NotFound;
      if (!notFound) options.logger.error({ err: error }, `${options.what} page failed`);
      sendPublicPage(res, {
        status: notFound ? 404 : 500,
        title: 'There is a problem',
        fund: { name: 'the fund', isDemo: false },
        stylesheets: options.stylesheets,
        body: (
          <ProblemPage
            title={notFound ? 'This link does not work' : 'Sorry, there is a problem'}
            message={notFound ? options.notFoundMessage : options.failedMessage}
          />
        ),
      });
    }
  };
}
