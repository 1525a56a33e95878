import type { EntityManager } from '@mikro-orm/postgresql';
import busboy from 'busboy';
import express, { type Request, type Response, Router } from 'express';
import type { ReactElement } from 'react';
import { ErrorCode } from '../../../shared/errors.ts';
import { penceToPoundsText } from '../../../shared/money.ts';
import { isReportPage, nextUnansweredPage, REPORT_PAGE_TITLES, reportPages, ReportStatus, type ReportAnswers, type ReportForm, type ReportPageId } from '../../../shared/reporting.ts';
import { ProblemPage } from '../../../web/src/features/apply/components/apply-pages.tsx';
import { ReportCheckPage, ReportOverviewPage, ReportPhotoPage, ReportQuestionPage, type ReportGrantFacts, type ReportPhotoFacts } from '../../../web/src/features/reports/components/report-pages.tsx';
import { loadViewer, readSessionToken } from '../../auth/session-cookie.ts';
import type { Orm } from '../../db/orm.ts';
import { findById } from '../../db/find-by-id.ts';
import { isRefusal } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { canOnReport } from '../../policies/report.policy.ts';
import { sendPublicPage } from '../applications/public-page.tsx';
import type { PhotoStore } from './photo-store.ts';
import { Report, ReportPhoto, ReportReply } from './report.entity.ts';
import { PHOTO_MAX_BYTES } from './report-photo.ts';
import { findReportByToken, isOverdue, removeReportPhoto, saveReportPage, saveReportPhoto, saveReportTyping, submitReport } from './report.service.ts';
import { cleanFormText, storable } from '../../storable-text.ts';

interface Dependencies {
  orm: Orm;
  photos: PhotoStore;
  logger: Logger;
  stylesheets: string[];
  scripts: string[];
}

/** A posted form's text fields; anything else (a repeated field, a file) is left out. */
function formOf(body: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** What a page shows in its fields: the saved answers as they would be typed, then anything typed since. */
function pageValues(page: ReportPageId, report: Report): Record<string, string> {
  const saved: Record<string, string> = {};
  const text = (field: string, value: string | number | null | undefined) => {
    if (value != null) saved[field] = String(value);
  };
  switch (page) {
    case 'sentences':
      text('sentences', report.sentences);
      break;
    case 'what-happened':
      text('whatHappened', report.whatHappened);
      break;
    case 'people':
      text('peopleCount', report.peopleCount);
      break;
    case 'story':
      text('story', report.story);
      break;
    case 'what-changed':
      text('whatChanged', report.whatChanged);
      break;
    case 'money-left':
      if (report.moneyLeftPence != null) {
        saved.anyLeft = report.moneyLeftPence > 0 ? 'yes' : 'no';
        if (report.moneyLeftPence > 0) saved.moneyLeft = penceToPoundsText(report.moneyLeftPence);
      }
      break;
    case 'sharing':
      text('storyConsent', report.storyConsent);
      break;
    case 'photo':
      break;
  }
  return { ...saved, ...report.typing[page] };
}

function grantFacts(report: Report): ReportGrantFacts {
  const { grant } = report;
  const { application } = grant;
  return {
    groupName: application.group.name,
    fundName: application.fund.name,
    title: application.title,
    reference: application.reference,
    amountPence: grant.amountPence,
    requirement: grant.reporting,
    dueOn: grant.reportDueOn ?? null,
  };
}

const answersOf = (report: Report): ReportAnswers => report;

/** Reads a photo form (multipart): its text fields, and the file, stopping at the size limit. */
function readPhotoForm(req: Request): Promise<{ fields: ReportForm; bytes: Buffer | null; tooBig: boolean }> {
  // A form sent without its file part (urlencoded) has been read already, by the router's parser.
  if (!req.is('multipart/form-data')) return Promise.resolve({ fields: formOf(req.body), bytes: null, tooBig: false });
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 5, fieldSize: 4096, fileSize: PHOTO_MAX_BYTES, parts: 8 } });
    } catch (error) {
      reject(error);
      return;
    }
    const fields: ReportForm = {};
    let bytes: Buffer | null = null;
    let tooBig = false;
    parser.on('field', (name, value) => {
      fields[name] = storable(value);
    });
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (name === 'photo') chunks.push(chunk);
      });
      stream.on('limit', () => {
        tooBig = true;
      });
      stream.on('end', () => {
        if (name === 'photo' && !tooBig) bytes = Buffer.concat(chunks);
      });
    });
    parser.on('error', reject);
    parser.on('close', () => resolve({ fields, bytes, tooBig }));
    req.pipe(parser);
  });
}

/**
 * The group's report by the link we emailed: server-rendered pages that post and redirect, so they
 * work with JavaScript off; each page is saved to PostgreSQL when sent (and as typed, with the apply
 * journey's script). The group needs no account: the link is its key.
 */
export function reportRoutes({ orm, photos, logger, stylesheets, scripts }: Dependencies): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 10 }), cleanFormText);

  const send = (res: Response, status: number, title: string, fund: { name: string; isDemo: boolean }, body: ReactElement) =>
    sendPublicPage(res, { status, title, fund, stylesheets, scripts, serviceName: `Report to ${fund.name}`, body });
  const unknownFund = { name: 'the fund', isDemo: false };

  // Every handler has its own unit of work; refusals become a page a person can act on.
  const handle =
    (action: (em: EntityManager, req: Request, res: Response, token: string) => Promise<void>) => async (req: Request, res: Response) => {
      const token = String(req.params.token);
      try {
        await action(orm.em.fork(), req, res, token);
      } catch (error) {
        if (isRefusal(error) && error.extensions.code === ErrorCode.NotFound) {
          send(res, 404, 'This link does not work', unknownFund, <ProblemPage title="This link does not work" message="Check you copied the whole link from the email. If it still does not work, contact the fund for a new one." />);
        } else if (isRefusal(error) && error.extensions.code === ErrorCode.Conflict) {
          // Already sent: the report's own page says so, with the answers and any replies.
          res.redirect(303, `/report/${token}`);
        } else if (isRefusal(error)) {
          send(res, 400, 'There is a problem', unknownFund, <ProblemPage title="There is a problem" message={error.message} />);
        } else {
          logger.error({ err: error, url: req.originalUrl.replace(token, ':token') }, 'report page failed');
          send(res, 500, 'Sorry, there is a problem', unknownFund, <ProblemPage title="Sorry, there is a problem with the service" message="Your answers so far are saved. Try again in a few minutes." />);
        }
      }
    };

  const photoOf = async (em: EntityManager, report: Report): Promise<ReportPhotoFacts | null> => {
    const photo = await em.findOne(ReportPhoto, { report });
    return photo ? { url: `/report-photos/${photo.id}`, description: photo.description ?? null } : null;
  };

  const backFrom = (report: Report, token: string, page: ReportPageId) => {
    const pages = reportPages(report.grant.reporting);
    const index = pages.indexOf(page);
    return index <= 0 ? `/report/${token}` : `/report/${token}/${pages[index - 1]}`;
  };

  const nextHref = (report: Report, token: string) => `/report/${token}/${nextUnansweredPage(report.grant.reporting, report) ?? 'check'}`;

  router.get('/:token', handle(async (em, _req, res, token) => {
    const report = await findReportByToken(em, token);
    const replies = report.status === ReportStatus.SUBMITTED ? await em.find(ReportReply, { report }, { populate: ['author'], orderBy: { createdAt: 'asc', id: 'asc' } }) : [];
    send(res, 200, report.status === ReportStatus.SUBMITTED ? 'Report sent' : 'Tell us how your grant went', report.grant.application.fund, (
      <ReportOverviewPage
        token={token}
        grant={grantFacts(report)}
        answers={answersOf(report)}
        photo={await photoOf(em, report)}
        submittedAt={report.status === ReportStatus.SUBMITTED ? (report.submittedAt ?? null) : null}
        replies={replies.map((reply) => ({ id: reply.id, authorName: reply.author.name, message: reply.message, createdAt: reply.createdAt }))}
        nextHref={nextHref(report, token)}
        overdue={isOverdue(report, report.grant)}
      />
    ));
  }));

  router.get('/:token/check', handle(async (em, _req, res, token) => {
    const report = await findReportByToken(em, token);
    if (report.status === ReportStatus.SUBMITTED) return void res.redirect(303, `/report/${token}`);
    const missing = nextUnansweredPage(report.grant.reporting, report);
    if (missing) return void res.redirect(303, `/report/${token}/${missing}`);
    send(res, 200, 'Check your report', report.grant.application.fund, <ReportCheckPage token={token} grant={grantFacts(report)} answers={answersOf(report)} photo={await photoOf(em, report)} />);
  }));

  router.post('/:token/submit', handle(async (em, _req, res, token) => {
    const { missing } = await submitReport(em, token);
    res.redirect(303, missing ? `/report/${token}/${missing}` : `/report/${token}`);
  }));

  // The group sees its own photo by its link, draft or sent.
  router.get('/:token/photo/image', handle(async (em, _req, res, token) => {
    const report = await findReportByToken(em, token);
    const photo = await em.findOne(ReportPhoto, { report });
    if (!photo) return void res.status(404).type('text').send('No photo');
    res.set({ 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, no-store' }).send(await photos.read(photo.storageKey));
  }));

  const showPhotoPage = async (em: EntityManager, res: Response, report: Report, token: string, status: number, description: string | null, errors: { field: string; message: string }[]) => {
    const photo = await photoOf(em, report);
    send(res, status, `${status === 422 ? 'Error: ' : ''}${REPORT_PAGE_TITLES.photo}`, report.grant.application.fund, (
      <ReportPhotoPage token={token} grant={grantFacts(report)} photo={photo} description={description ?? photo?.description ?? ''} errors={errors} backHref={backFrom(report, token, 'photo')} />
    ));
  };

  router.post('/:token/photo', handle(async (em, req, res, token) => {
    let form: Awaited<ReturnType<typeof readPhotoForm>>;
    try {
      form = await readPhotoForm(req);
    } catch {
      // Not a multipart form, or a broken one: say so rather than fail.
      const report = await findReportByToken(em, token);
      return void (await showPhotoPage(em, res, report, token, 422, null, [{ field: 'photo', message: 'The photo did not arrive whole. Choose it again and send it.' }]));
    }
    const description = form.fields.photoDescription ?? '';
    const { report, errors } = await saveReportPhoto(em, photos, token, { bytes: form.bytes, tooBig: form.tooBig }, description);
    if (report.status === ReportStatus.SUBMITTED) return void res.redirect(303, `/report/${token}`);
    if (errors.length > 0) return void (await showPhotoPage(em, res, report, token, 422, description, errors));
    const pages = reportPages(report.grant.reporting);
    res.redirect(303, `/report/${token}/${pages[pages.indexOf('photo') + 1] ?? 'check'}`);
  }));

  router.post('/:token/photo/remove', handle(async (em, _req, res, token) => {
    await removeReportPhoto(em, photos, token);
    res.redirect(303, `/report/${token}/photo`);
  }));

  router.post('/:token/:page/autosave', async (req, res) => {
    try {
      const em = orm.em.fork();
      const report = await findReportByToken(em, String(req.params.token));
      const page = String(req.params.page);
      if (!isReportPage(report.grant.reporting, page) || page === 'photo') return void res.status(404).end();
      await saveReportTyping(em, String(req.params.token), page, formOf(req.body));
      res.status(204).end();
    } catch (error) {
      if (!isRefusal(error)) logger.error({ err: error }, 'report autosave failed');
      res.status(isRefusal(error) ? (error.extensions.code === ErrorCode.NotFound ? 404 : 409) : 500).end();
    }
  });

  router.get('/:token/:page', handle(async (em, req, res, token) => {
    const report = await findReportByToken(em, token);
    const page = String(req.params.page);
    if (report.status === ReportStatus.SUBMITTED) return void res.redirect(303, `/report/${token}`);
    if (!isReportPage(report.grant.reporting, page)) return void res.redirect(303, `/report/${token}`);
    if (page === 'photo') return void (await showPhotoPage(em, res, report, token, 200, null, []));
    send(res, 200, REPORT_PAGE_TITLES[page], report.grant.application.fund, (
      <ReportQuestionPage token={token} page={page} grant={grantFacts(report)} values={pageValues(page, report)} errors={[]} backHref={backFrom(report, token, page)} />
    ));
  }));

  router.post('/:token/:page', handle(async (em, req, res, token) => {
    const report = await findReportByToken(em, token);
    const page = String(req.params.page);
    if (!isReportPage(report.grant.reporting, page) || page === 'photo') return void res.redirect(303, `/report/${token}`);
    const posted = formOf(req.body);
    const result = await saveReportPage(em, token, page, posted);
    if (!result.ok) {
      return void send(res, 422, `Error: ${REPORT_PAGE_TITLES[page]}`, report.grant.application.fund, (
        <ReportQuestionPage token={token} page={page} grant={grantFacts(report)} values={posted} errors={result.errors} backHref={backFrom(report, token, page)} />
      ));
    }
    res.redirect(303, `/report/${token}/${result.next}`);
  }));

  return router;
}

/**
 * `GET /report-photos/:id`: a report's photo for people signed in to the portal, as far as the group
 * allowed (`canOnReport(…, 'readStory')`): the fund's staff always; others in the fund when the group
 * said funders or the public; anyone when it said the public. Everyone else is told there is no such
 * photo, exactly as for one that does not exist.
 */
export function reportPhotoRoutes({ orm, photos, secure, logger }: { orm: Orm; photos: PhotoStore; secure: boolean; logger: Logger }): Router {
  const router = Router();
  router.get('/:photoId', async (req, res) => {
    try {
      const em = orm.em.fork();
      const photo = await findById(em, ReportPhoto, req.params.photoId, { populate: ['report', 'report.grant', 'report.grant.application'] });
      const viewer = await loadViewer(em, readSessionToken(req, secure));
      const report = photo?.report;
      if (!photo || !report || !canOnReport(viewer, 'readStory', { fund: report.grant.application.fund, status: report.status, storyConsent: report.storyConsent })) {
        return void res.status(404).type('text').send('Not found');
      }
      res.set({ 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, no-store' }).send(await photos.read(photo.storageKey));
    } catch (error) {
      logger.error({ err: error }, 'report photo failed');
      res.status(500).type('text').send('Something went wrong on our side.');
    }
  });
  return router;
}
