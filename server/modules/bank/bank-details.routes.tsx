import express, { type Request, type Response, Router } from 'express';
import { BankDetailsPage } from '../../../web/src/features/apply/components/bank-details-page.tsx';
import type { Orm } from '../../db/orm.ts';
import type { Logger } from '../../logger.ts';
import { linkPageHandler, sendPublicPage } from '../applications/public-page.tsx';
import { checkSentApplication } from '../duplicates/duplicates.service.ts';
import { findBankDetailsRequest, giveBankDetails } from './bank-details.service.ts';
import type { BankVault } from './bank-vault.ts';
import { cleanFormText } from '../../storable-text.ts';

/** Groups give bank details here, from the one-use link we emailed; works without JavaScript. */
export function bankDetailsRoutes({ orm, vault, logger, stylesheets }: { orm: Orm; vault: BankVault; logger: Logger; stylesheets: string[] }): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 }), cleanFormText);

  const handle = (action: (req: Request, res: Response, token: string) => Promise<void>) =>
    linkPageHandler(
      {
        logger,
        stylesheets,
        what: 'bank details',
        notFoundMessage: 'It may have been used already or be more than 30 days old. Contact the fund for a new one.',
        failedMessage: 'Nothing was saved. Try again in a few minutes.',
      },
      action,
    );

  router.get('/:token', handle(async (_req, res, token) => {
    const request = await findBankDetailsRequest(orm.em.fork(), token);
    const { application } = request;
    sendPublicPage(res, { title: 'Bank details', fund: application.fund, stylesheets, body: <BankDetailsPage token={token} groupName={application.group.name} reference={application.reference} values={{}} errors={[]} /> });
  }));

  router.post('/:token', handle(async (req, res, token) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const result = await giveBankDetails(orm.em.fork(), vault, token, body);
    const { application } = result.request;
    // One account given by two groups is evidence the engine weighs.
    if (result.errors.length === 0) await checkSentApplication(orm.em, application.id, logger);
    const values = Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    sendPublicPage(res, {
      status: result.errors.length > 0 ? 422 : 200,
      title: result.errors.length > 0 ? 'Error: Bank details' : 'Bank details received',
      fund: application.fund,
      stylesheets,
      body: <BankDetailsPage token={token} groupName={application.group.name} reference={application.reference} values={values} errors={result.errors} saved={result.masked} />,
    });
  }));

  return router;
}
