import express, { type Request, type Response, Router } from 'express';
import { ConfirmPage } from '../../../web/src/features/apply/components/confirm-page.tsx';
import type { Orm } from '../../db/orm.ts';
import type { Logger } from '../../logger.ts';
import { findConfirmation, respondToConfirmation } from './confirmation.service.ts';
import type { GroupConfirmation } from './group-confirmation.entity.ts';
import { linkPageHandler, sendPublicPage } from './public-page.tsx';
import { cleanFormText } from '../../storable-text.ts';

/** Host organisations and referees answer here, from the link we emailed; opening it changes nothing. */
export function confirmRoutes({ orm, logger, stylesheets }: { orm: Orm; logger: Logger; stylesheets: string[] }): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 }), cleanFormText);

  const show = (res: Response, confirmation: GroupConfirmation, token: string, errors: { field: string; message: string }[] = []) => {
    const { application } = confirmation;
    sendPublicPage(res, {
      status: errors.length > 0 ? 422 : 200,
      title: 'Confirm your support',
      fund: application.fund,
      stylesheets,
      body: (
        <ConfirmPage
          token={token}
          kind={confirmation.kind}
          status={confirmation.status}
          personName={confirmation.name}
          organisation={confirmation.organisation}
          groupName={application.group.name}
          fundName={application.fund.name}
          title={application.title}
          amountPence={application.amountRequestedPence}
          reference={application.reference}
          errors={errors}
        />
      ),
    });
  };

  const handle = (action: (req: Request, res: Response, token: string) => Promise<void>) =>
    linkPageHandler({ logger, stylesheets, what: 'confirmation', notFoundMessage: 'Check you copied the whole link from the email.', failedMessage: 'Try again in a few minutes.' }, action);

  router.get('/:token', handle(async (_req, res, token) => {
    show(res, await findConfirmation(orm.em.fork(), token), token);
  }));

  router.post('/:token', handle(async (req, res, token) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const answer = typeof body.answer === 'string' ? body.answer : '';
    const note = typeof body.note === 'string' ? body.note : '';
    const { confirmation, errors } = await respondToConfirmation(orm.em.fork(), token, answer, note);
    if (errors.length > 0) return show(res, confirmation, token, errors);
    res.redirect(303, `/confirm/${token}`);
  }));

  return router;
}
