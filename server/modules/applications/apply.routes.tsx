import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type Request, type Response, Router } from 'express';
import type { ReactElement } from 'react';
import { emailAddress, isPageId, journey, nextUnanswered, PAGE_TITLES, type Answers, type ApplyPageId } from '../../../shared/apply/questions.ts';
import { ErrorCode, type FieldError } from '../../../shared/errors.ts';
import { parseCookie, stringifySetCookie } from 'cookie';
import {
  CheckAnswersPage,
  ConfirmationPage,
  EligibilityPage,
  ProblemPage,
  QuestionPage,
  SaveForLaterPage,
  StartPage,
} from '../../../web/src/features/apply/components/apply-pages.tsx';
import { loadViewer, readSessionToken } from '../../auth/session-cookie.ts';
import type { Config } from '../../config.ts';
import { canOnFund } from '../../policies/fund.policy.ts';
import type { Orm } from '../../db/orm.ts';
import { isRefusal } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { checkSentApplication } from '../duplicates/duplicates.service.ts';
import { nextPanel } from '../funds/fund.service.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { ApplicationDraft } from './application-draft.entity.ts';
import { Application } from './application.entity.ts';
import { sendPublicPage } from './public-page.tsx';
import { eligibilityOf, findDraft, findOpenFund, offeredAreas, offeredPriorities, savePage, saveTyping, startDraft, submitDraft } from './apply.service.ts';
import { fundPriorities } from '../taxonomy/taxonomy.service.ts';
import { priorityLabeller } from '../../../shared/taxonomy.ts';
import { cleanFormText } from '../../storable-text.ts';

const DRAFT_COOKIE = 'pf_apply';

/** A posted form as answers: a field sent more than once (ticked checkboxes) becomes one comma-separated answer. */
function formAnswers(body: unknown): Answers {
  const answers: Answers = {};
  for (const [field, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') answers[field] = value;
    else if (Array.isArray(value)) answers[field] = value.filter((item): item is string => typeof item === 'string').join(',');
  }
  return answers;
}
const DRAFT_COOKIE_DAYS = 90;

interface Dependencies {
  orm: Orm;
  config: Config;
  mailer: Mailer;
  logger: Logger;
  stylesheets: string[];
  scripts: string[];
}

/**
 * The public apply journey as server-rendered HTML forms that post and redirect, so it works with
 * JavaScript off. It calls the same service as the GraphQL API.
 */
export function applyRoutes({ orm, config, mailer, logger, stylesheets, scripts }: Dependencies): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 }), cleanFormText);
  const secure = config.publicUrl.startsWith('https://');

  const send = (res: Response, status: number, title: string, fund: { name: string; isDemo: boolean }, body: ReactElement) =>
    sendPublicPage(res, { status, title, fund, stylesheets, scripts, body });

  const tokenOf = (req: Request) => (req.headers.cookie ? parseCookie(req.headers.cookie)[DRAFT_COOKIE] : undefined);
  const setToken = (res: Response, token: string) =>
    res.append('Set-Cookie', stringifySetCookie({ name: DRAFT_COOKIE, value: token, httpOnly: true, sameSite: 'lax', secure, path: '/apply', maxAge: DRAFT_COOKIE_DAYS * 86_400 }));

  // Every handler gets its own unit of work, and refusals become a page a person can act on.
  const handle =
    (action: (em: EntityManager, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      const em = orm.em.fork();
      try {
        await action(em, req, res);
      } catch (error) {
        const slug = typeof req.params.slug === 'string' ? req.params.slug : undefined;
        if (isRefusal(error) && error.extensions.code === ErrorCode.NotFound) {
          send(res, 404, 'Not found', { name: 'this fund', isDemo: false }, <ProblemPage title="We could not find that" message={error.message} slug={slug} />);
          return;
        }
        if (isRefusal(error)) {
          send(res, 400, 'There is a problem', { name: 'this fund', isDemo: false }, <ProblemPage title="There is a problem" message={error.message} slug={slug} />);
          return;
        }
        logger.error({ err: error, url: req.originalUrl }, 'apply page failed');
        send(res, 500, 'Sorry, there is a problem', { name: 'this fund', isDemo: false }, <ProblemPage title="Sorry, there is a problem with the service" message="Your answers so far are saved. Try again in a few minutes." slug={slug} />);
      }
    };

  /** The draft in this browser, if it belongs to this fund. */
  async function draftFor(em: EntityManager, req: Request, slug: string): Promise<ApplicationDraft> {
    const draft = await findDraft(em, tokenOf(req));
    if (draft.fund.slug !== slug) return findDraft(em, undefined);
    return draft;
  }

  const displayValues = (page: ApplyPageId, saved: Answers | undefined): Answers => {
    if (!saved) return {};
    if (page === 'eligibility' && saved.amountPence) {
      const pence = Number(saved.amountPence);
      return { ...saved, amountPence: pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2) };
    }
    return saved;
  };

  const backFrom = (draft: ApplicationDraft, page: ApplyPageId) => {
    const pages = journey(draft.answers, draft.fund);
    const index = pages.indexOf(page);
    return index <= 0 ? `/apply/${draft.fund.slug}` : `/apply/${draft.fund.slug}/${pages[index - 1]}`;
  };

  /** What a page offers to tick: the fund's priorities, or its areas. */
  const choicesFor = async (em: EntityManager, draft: ApplicationDraft, page: ApplyPageId) => ({
    priorities: page === 'priorities' ? await offeredPriorities(em, draft.fund.id) : [],
    areas: page === 'areas' ? (await offeredAreas(em, draft.fund)).map((area) => ({ code: area.code, name: area.name, kind: area.kind })) : [],
  });

  router.get('/resume', handle(async (em, req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    const draft = await findDraft(em, token);
    setToken(res, token!);
    res.redirect(303, `/apply/${draft.fund.slug}/continue`);
  }));

  const staffViewer = (em: EntityManager, req: Request) => loadViewer(em, readSessionToken(req, secure));

  router.get('/:slug', handle(async (em, req, res) => {
    const { fund, phase } = await findOpenFund(em, req.params.slug as string);
    const canAssist = canOnFund(await staffViewer(em, req), 'assistApplication', fund);
    send(res, 200, 'Apply', fund, <StartPage canAssist={canAssist} fund={{ ...fund, phaseName: phase.name, phaseCriteria: phase.criteria, minAwardPence: phase.minAwardPence, maxAwardPence: phase.maxAwardPence, nextPanelAt: nextPanel(fund).meetsAt }} />);
  }));

  router.post('/:slug/start', handle(async (em, req, res) => {
    const assisted = req.body?.assisted === 'yes';
    const { token } = await startDraft(em, req.params.slug as string, assisted ? { assistedBy: await staffViewer(em, req) } : {});
    setToken(res, token);
    res.redirect(303, `/apply/${req.params.slug}/eligibility`);
  }));

  router.get('/:slug/continue', handle(async (em, req, res) => {
    const draft = await draftFor(em, req, req.params.slug as string);
    res.redirect(303, `/apply/${draft.fund.slug}/${draft.application ? 'confirmation' : (nextUnanswered(draft.answers, draft.fund) ?? 'check')}`);
  }));

  router.get('/:slug/eligibility-result', handle(async (em, req, res) => {
    const draft = await draftFor(em, req, req.params.slug as string);
    const eligibility = eligibilityOf(draft);
    if (!eligibility) return void res.redirect(303, `/apply/${draft.fund.slug}/eligibility`);
    send(res, 200, eligibility.eligible ? 'You can apply' : 'This fund cannot help with that', draft.fund, (
      <EligibilityPage slug={draft.fund.slug} eligible={eligibility.eligible} reasons={eligibility.eligible ? [] : eligibility.reasons} />
    ));
  }));

  router.get('/:slug/check', handle(async (em, req, res) => {
    const draft = await draftFor(em, req, req.params.slug as string);
    if (draft.application) return void res.redirect(303, `/apply/${draft.fund.slug}/confirmation`);
    const missing = nextUnanswered(draft.answers, draft.fund);
    if (missing) return void res.redirect(303, `/apply/${draft.fund.slug}/${missing}`);
    const label = priorityLabeller(await fundPriorities(em, draft.fund.id));
    const pages = journey(draft.answers, draft.fund);
    const areas = pages.includes('areas') ? await offeredAreas(em, draft.fund) : [];
    send(res, 200, 'Check your answers', draft.fund, <CheckAnswersPage slug={draft.fund.slug} fundName={draft.fund.name} answers={draft.answers} pages={pages} priorityLabel={label} areas={areas} />);
  }));

  router.post('/:slug/submit', handle(async (em, req, res) => {
    const draft = await draftFor(em, req, req.params.slug as string);
    const application = await submitDraft(em, mailer, tokenOf(req), config.publicUrl);
    await checkSentApplication(em, application.id, logger);
    res.redirect(303, `/apply/${draft.fund.slug}/confirmation`);
  }));

  router.get('/:slug/confirmation', handle(async (em, req, res) => {
    const draft = await draftFor(em, req, req.params.slug as string);
    if (!draft.application) return void res.redirect(303, `/apply/${draft.fund.slug}/check`);
    const application = await em.findOneOrFail(Application, draft.application.id, { populate: ['group'] });
    send(res, 200, 'Application sent', draft.fund, <ConfirmationPage reference={application.reference} email={application.group.contactEmail} />);
  }));

  router.get('/:slug/save-for-later', handle(async (em, req, res) => {
    const draft = await draftFor(em, req, req.params.slug as string);
    send(res, 200, 'Save and come back later', draft.fund, <SaveForLaterPage slug={draft.fund.slug} email={draft.answers.contact?.contactEmail ?? ''} errors={[]} />);
  }));

  router.post('/:slug/save-for-later', handle(async (em, req, res) => {
    const draft = await draftFor(em, req, req.params.slug as string);
    const given = typeof req.body?.email === 'string' ? req.body.email : '';
    const parsed = emailAddress.safeParse(given);
    if (!parsed.success) {
      const errors: FieldError[] = [{ field: 'email', message: parsed.error.issues[0].message }];
      return void send(res, 422, 'Save and come back later', draft.fund, <SaveForLaterPage slug={draft.fund.slug} email={given} errors={errors} />);
    }
    draft.reminderEmail = parsed.data;
    mailer.queue(em, {
      to: parsed.data,
      kind: 'apply-resume-link',
      subject: `Your application to ${draft.fund.name}`,
      body: [
        'Hello,',
        '',
        `Your answers to ${draft.fund.name} are saved. Use this link to carry on, on any device:`,
        `${config.publicUrl}/apply/resume?token=${tokenOf(req)}`,
        '',
        'Keep this link to yourself: anyone with it can see and change your answers.',
        'Drafts nobody has touched for 90 days are deleted.',
      ].join('\n'),
    });
    await em.flush();
    mailer.nudge();
    send(res, 200, 'We have emailed you a link', draft.fund, <SaveForLaterPage slug={draft.fund.slug} email="" errors={[]} sentTo={parsed.data} />);
  }));

  router.post('/:slug/:page/autosave', async (req, res) => {
    const page = req.params.page as string;
    if (!isPageId(page)) return void res.status(404).end();
    try {
      const em = orm.em.fork();
      await draftFor(em, req, req.params.slug as string);
      await saveTyping(em, tokenOf(req), page, formAnswers(req.body));
      res.status(204).end();
    } catch (error) {
      if (!isRefusal(error)) logger.error({ err: error }, 'autosave failed');
      res.status(isRefusal(error) ? 409 : 500).end();
    }
  });

  router.get('/:slug/:page', handle(async (em, req, res) => {
    const page = req.params.page as string;
    if (!isPageId(page)) return void send(res, 404, 'Not found', { name: 'this fund', isDemo: false }, <ProblemPage title="Page not found" message="If you typed the web address, check it is correct." slug={req.params.slug as string} />);
    const draft = await draftFor(em, req, req.params.slug as string);
    if (draft.application) return void res.redirect(303, `/apply/${draft.fund.slug}/confirmation`);
    if (!journey(draft.answers, draft.fund).includes(page)) return void res.redirect(303, `/apply/${draft.fund.slug}/continue`);
    const { priorities, areas } = await choicesFor(em, draft, page);
    send(res, 200, PAGE_TITLES[page], draft.fund, (
      <QuestionPage page={page} slug={draft.fund.slug} fundName={draft.fund.name} values={{ ...displayValues(page, draft.answers[page]), ...draft.typing[page] }} errors={[]} draft={draft.answers} backHref={backFrom(draft, page)} priorities={priorities} areas={areas} />
    ));
  }));

  router.post('/:slug/:page', handle(async (em, req, res) => {
    const page = req.params.page as string;
    if (!isPageId(page)) return void res.redirect(303, `/apply/${req.params.slug}/continue`);
    const draft = await draftFor(em, req, req.params.slug as string);
    const posted = formAnswers(req.body);
    const result = await savePage(em, tokenOf(req), page, posted);
    if (!result.ok) {
      const { priorities, areas } = await choicesFor(em, draft, page);
      return void send(res, 422, `Error: ${PAGE_TITLES[page]}`, draft.fund, (
        <QuestionPage page={page} slug={draft.fund.slug} fundName={draft.fund.name} values={posted} errors={result.errors} draft={draft.answers} backHref={backFrom(draft, page)} priorities={priorities} areas={areas} />
      ));
    }
    const next = page === 'eligibility' ? 'eligibility-result' : result.next;
    res.redirect(303, `/apply/${draft.fund.slug}/${next}`);
  }));

  return router;
}
