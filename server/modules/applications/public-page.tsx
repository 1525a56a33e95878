import type { Response } from 'express';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ApplyDocument } from '../../../web/src/features/apply/components/apply-document.tsx';

/** Sends a whole server-rendered page of the public (no account, no JavaScript needed) journeys. */
export function sendPublicPage(
  res: Response,
  page: { status?: number; title: string; fund: { name: string; isDemo: boolean }; stylesheets: string[]; scripts?: string[]; body: ReactElement },
) {
  const html = renderToStaticMarkup(
    <ApplyDocument title={page.title} fundName={page.fund.name} isDemo={page.fund.isDemo} stylesheets={page.stylesheets} scripts={page.scripts ?? []}>
      {page.body}
    </ApplyDocument>,
  );
  res.status(page.status ?? 200).type('html').set('Cache-Control', 'no-store').send(`<!doctype html>${html}`);
}
