import type { ReactNode } from 'react';
import type { FieldError } from '../../../../../shared/errors.ts';
import { formatCalendarDate, formatLondonDate } from '../../../../../shared/london-time.ts';
import { formatPence } from '../../../../../shared/money.ts';
import {
  pageAnswered,
  PHOTO_DESCRIPTION_MAX_CHARS,
  REPORT_PAGE_TITLES,
  REPORT_WORD_LIMITS,
  reportPages,
  ReportingRequirement,
  STORY_CONSENT_LABELS,
  StoryConsent,
  type ReportAnswers,
  type ReportPageId,
} from '../../../../../shared/reporting.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { InsetText, Panel } from '../../../components/panel.tsx';
import { Radios } from '../../../components/radios.tsx';
import { SummaryList } from '../../../components/summary-list.tsx';
import { TextArea } from '../../../components/text-area.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';

// The group's report, as pages the server renders: plain forms that post and redirect, so they work
// with JavaScript off. The apply journey's small script, when it loads, adds word counts and saves
// what is typed as it is typed (forms marked data-autosave).

/** What a report page knows of its grant. */
export interface ReportGrantFacts {
  groupName: string;
  fundName: string;
  title: string;
  reference: string;
  amountPence: number;
  requirement: ReportingRequirement;
  dueOn: string | null;
}

export interface ReportPhotoFacts {
  url: string;
  description: string | null;
}

export interface ReportReplyFacts {
  id: string;
  authorName: string;
  message: string;
  createdAt: Date;
}

function Column({ children }: { children: ReactNode }) {
  return (
    <div className="app-grid-row">
      <div className="app-grid-column-two-thirds">{children}</div>
    </div>
  );
}

const errorFor = (errors: FieldError[], field: string) => errors.find((error) => error.field === field)?.message;

/** The answers as rows to read back, in the order they were asked. */
export function reportRows(requirement: ReportingRequirement, answers: ReportAnswers, photo: ReportPhotoFacts | null): { page: ReportPageId; key: string; value: string }[] {
  const rows: { page: ReportPageId; key: string; value: string }[] = [];
  for (const page of reportPages(requirement)) {
    switch (page) {
      case 'sentences':
        rows.push({ page, key: 'What the grant did', value: answers.sentences ?? '' });
        break;
      case 'what-happened':
        rows.push({ page, key: 'What happened', value: answers.whatHappened ?? '' });
        break;
      case 'people':
        rows.push({ page, key: 'People who took part', value: answers.peopleCount == null ? '' : `About ${answers.peopleCount.toLocaleString('en-GB')}` });
        break;
      case 'story':
        rows.push({ page, key: 'One story', value: answers.story ?? '' });
        break;
      case 'what-changed':
        rows.push({ page, key: 'What changed', value: answers.whatChanged ?? '' });
        break;
      case 'money-left':
        rows.push({ page, key: 'Money left over', value: answers.moneyLeftPence == null ? '' : answers.moneyLeftPence === 0 ? 'None' : formatPence(answers.moneyLeftPence) });
        break;
      case 'photo':
        rows.push({ page, key: 'Photo', value: photo ? (photo.description ?? 'A photo, not described') : 'No photo' });
        break;
      case 'sharing':
        rows.push({ page, key: 'Sharing your story', value: answers.storyConsent ? STORY_CONSENT_LABELS[answers.storyConsent] : '' });
        break;
    }
  }
  return rows;
}

function Replies({ replies }: { replies: readonly ReportReplyFacts[] }) {
  if (replies.length === 0) return <p className="app-body">No one at the fund has replied yet. We will email you when they do.</p>;
  return (
    <>
      {replies.map((reply) => (
        <InsetText key={reply.id}>
          <p className="app-body">
            <strong>{reply.authorName}</strong>, {formatLondonDate(reply.createdAt)}
          </p>
          {reply.message.split(/\n+/).map((paragraph, index) => (
            <p className="app-body" key={index}>
              {paragraph}
            </p>
          ))}
        </InsetText>
      ))}
    </>
  );
}

export interface ReportOverviewProps {
  token: string;
  grant: ReportGrantFacts;
  answers: ReportAnswers;
  photo: ReportPhotoFacts | null;
  submittedAt: Date | null;
  replies: readonly ReportReplyFacts[];
  /** Where "continue" goes: the first page still unanswered, or the check page. */
  nextHref: string;
  /** Not sent, and its due day is over. */
  overdue: boolean;
}

/** The report's first page: what is asked and by when, then (once sent) the answers and the fund's replies. */
export function ReportOverviewPage({ token, grant, answers, photo, submittedAt, replies, nextHref, overdue }: ReportOverviewProps) {
  if (submittedAt) {
    return (
      <Column>
        <Panel title="Report sent">Reference {grant.reference}</Panel>
        <p className="app-body">
          Thank you. {grant.groupName} sent its report on {formatLondonDate(submittedAt)}. The funders of {grant.fundName} read every report.
        </p>
        <h2 className="app-heading-m">Replies from the fund</h2>
        <Replies replies={replies} />
        <h2 className="app-heading-m">Your report</h2>
        <SummaryList rows={reportRows(grant.requirement, answers, photo).map((row) => ({ key: row.key, value: row.value }))} />
        {photo ? <img className="app-report-photo" src={`/report/${token}/photo/image`} alt={photo.description ?? `A photo from ${grant.groupName}`} /> : null}
      </Column>
    );
  }
  const pages = reportPages(grant.requirement);
  const started = pages.some((page) => page !== 'photo' && pageAnswered(page, answers));
  return (
    <Column>
      <span className="app-caption">{grant.reference}</span>
      <h1 className="app-heading-l">Tell us how your grant went</h1>
      <p className="app-body">
        {grant.fundName} gave {grant.groupName} {formatPence(grant.amountPence)} for “{grant.title}”. The funders would like to hear what it did: not figures
        for their own sake, but what happened and what it meant to people.
      </p>
      {grant.dueOn ? (
        <p className="app-body">
          {overdue ? `It was due on ${formatCalendarDate(grant.dueOn)}. Please send it when you can: a short report late is better than none.` : `Please send it by ${formatCalendarDate(grant.dueOn)}.`}
        </p>
      ) : null}
      <h2 className="app-heading-m">What we ask</h2>
      <ul className="app-list app-list--bullet">
        {pages.map((page) => (
          <li key={page}>
            {REPORT_PAGE_TITLES[page]}
            {page !== 'photo' && pageAnswered(page, answers) ? ' (done)' : ''}
          </li>
        ))}
      </ul>
      <p className="app-body">It takes about {grant.requirement === ReportingRequirement.SHORT_FORM ? 'fifteen' : 'five'} minutes. Your answers are saved as you go, so you can stop and come back with the link we emailed.</p>
      <a className="app-button" href={nextHref}>
        {started ? 'Continue your report' : 'Start your report'}
      </a>
      <InsetText>You can also phone the fund and tell us instead; someone will write it down for you.</InsetText>
    </Column>
  );
}

export interface ReportQuestionProps {
  token: string;
  page: Exclude<ReportPageId, 'photo'>;
  grant: ReportGrantFacts;
  values: Record<string, string>;
  errors: FieldError[];
  backHref: string;
}

function QuestionFields({ page, values, errors, grant }: Pick<ReportQuestionProps, 'page' | 'values' | 'errors' | 'grant'>) {
  const error = (field: string) => errorFor(errors, field);
  const area = (field: keyof typeof REPORT_WORD_LIMITS, label: string, hint: string) => (
    <TextArea id={field} name={field} label={label} labelSize="m" hint={hint} maxWords={REPORT_WORD_LIMITS[field]} rows={6} defaultValue={values[field] ?? ''} error={error(field)} />
  );
  switch (page) {
    case 'sentences':
      return area('sentences', 'In a few sentences, what did the grant pay for, and what difference did it make?', 'For example: who came, what you did together, and anything someone said about it.');
    case 'what-happened':
      return area('whatHappened', 'What happened?', 'What you did with the grant, and when.');
    case 'story':
      return area('story', 'Tell us one story', 'One person, family or moment that shows what the grant meant. Leave out names unless they have said yes.');
    case 'what-changed':
      return area('whatChanged', 'What changed because of the grant?', 'For people, for your group, or for the place.');
    case 'people':
      return (
        <TextInput id="peopleCount" name="peopleCount" label="Roughly how many people took part?" labelSize="m" hint="A rough number is fine, for example 40." width="5" inputMode="numeric" defaultValue={values.peopleCount ?? ''} error={error('peopleCount')} />
      );
    case 'money-left':
      return (
        <>
          <Radios id="anyLeft" name="anyLeft" legend="Is any of the grant left over?" legendSize="m" inline defaultValue={values.anyLeft} error={error('anyLeft')} items={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
          <TextInput id="moneyLeft" name="moneyLeft" label="If yes, how much is left over?" hint={`In pounds, for example 25.50. The grant was ${formatPence(grant.amountPence)}.`} prefix="£" width="10" inputMode="decimal" defaultValue={values.moneyLeft ?? ''} error={error('moneyLeft')} />
        </>
      );
    case 'sharing':
      return (
        <Radios
          id="storyConsent"
          name="storyConsent"
          legend="May we share your story and photo?"
          legendSize="m"
          hint="Funders like to tell their boards and the public what their money did. We only share what you say we may."
          defaultValue={values.storyConsent}
          error={error('storyConsent')}
          items={[
            { value: StoryConsent.PUBLIC, label: STORY_CONSENT_LABELS[StoryConsent.PUBLIC], hint: 'Funders may use it in reports, on websites and in the press.' },
            { value: StoryConsent.FUNDERS, label: STORY_CONSENT_LABELS[StoryConsent.FUNDERS], hint: 'The funders of this fund may read it, but not publish it.' },
            { value: StoryConsent.NOT_SHARED, label: STORY_CONSENT_LABELS[StoryConsent.NOT_SHARED], hint: 'Only the people who run the fund will read it.' },
          ]}
        />
      );
  }
}

/** One page of the report: a question or two, saved when sent (and as typed, with JavaScript). */
export function ReportQuestionPage({ token, page, grant, values, errors, backHref }: ReportQuestionProps) {
  return (
    <Column>
      <a className="app-back-link" href={backHref}>
        Back
      </a>
      <ErrorSummary errors={errors} />
      <span className="app-caption">Report on {grant.title}</span>
      <h1 className="app-heading-l">{REPORT_PAGE_TITLES[page]}</h1>
      <form method="post" action={`/report/${token}/${page}`} data-autosave={`/report/${token}/${page}/autosave`} noValidate>
        <QuestionFields page={page} values={values} errors={errors} grant={grant} />
        <div className="app-button-group">
          <Button type="submit">Save and continue</Button>
          <a className="app-link" href={`/report/${token}`}>
            Save and come back later
          </a>
        </div>
      </form>
    </Column>
  );
}

export interface ReportPhotoPageProps {
  token: string;
  grant: ReportGrantFacts;
  photo: ReportPhotoFacts | null;
  description: string;
  errors: FieldError[];
  backHref: string;
}

/** The optional photo: a file box that works without JavaScript (a multipart form), and what it shows. */
export function ReportPhotoPage({ token, grant, photo, description, errors, backHref }: ReportPhotoPageProps) {
  const photoError = errorFor(errors, 'photo');
  return (
    <Column>
      <a className="app-back-link" href={backHref}>
        Back
      </a>
      <ErrorSummary errors={errors} />
      <span className="app-caption">Report on {grant.title}</span>
      <h1 className="app-heading-l">{REPORT_PAGE_TITLES.photo}</h1>
      <p className="app-body">A photo of what the grant made happen helps funders see it. Only send one if the people in it are happy for you to.</p>
      {photo ? (
        <>
          <img className="app-report-photo" src={`/report/${token}/photo/image`} alt={photo.description ?? `The photo ${grant.groupName} sent`} />
          <form method="post" action={`/report/${token}/photo/remove`}>
            <Button type="submit" variant="secondary">
              Remove this photo
            </Button>
          </form>
        </>
      ) : null}
      <form method="post" action={`/report/${token}/photo`} encType="multipart/form-data" noValidate>
        <div className={photoError ? 'app-form-group app-form-group--error' : 'app-form-group'}>
          <label className="app-label app-label--m" htmlFor="photo">
            {photo ? 'Choose a different photo' : 'Choose a photo'}
          </label>
          <div id="photo-hint" className="app-hint">
            A JPG, PNG or WebP image, smaller than 10 MB. We remove the location and camera details before we keep it.
          </div>
          {photoError ? (
            <p id="photo-error" className="app-error-message">
              <VisuallyHidden>Error:</VisuallyHidden> {photoError}
            </p>
          ) : null}
          <input
            className={photoError ? 'app-file-upload app-file-upload--error' : 'app-file-upload'}
            id="photo"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={photoError ? 'photo-hint photo-error' : 'photo-hint'}
            aria-invalid={photoError ? true : undefined}
          />
        </div>
        <TextInput
          id="photoDescription"
          name="photoDescription"
          label="What does the photo show? (optional)"
          hint="For people who cannot see it, for example “Volunteers packing food parcels in the church hall”."
          maxLength={PHOTO_DESCRIPTION_MAX_CHARS}
          defaultValue={description}
          error={errorFor(errors, 'photoDescription')}
        />
        <div className="app-button-group">
          <Button type="submit">{photo ? 'Save and continue' : 'Continue'}</Button>
        </div>
      </form>
    </Column>
  );
}

export interface ReportCheckProps {
  token: string;
  grant: ReportGrantFacts;
  answers: ReportAnswers;
  photo: ReportPhotoFacts | null;
}

export function ReportCheckPage({ token, grant, answers, photo }: ReportCheckProps) {
  return (
    <Column>
      <span className="app-caption">Report on {grant.title}</span>
      <h1 className="app-heading-l">Check your report before sending it</h1>
      <SummaryList
        rows={reportRows(grant.requirement, answers, photo).map((row) => ({
          key: row.key,
          value: row.value,
          action: { href: `/report/${token}/${row.page}`, label: 'Change', visuallyHiddenText: row.key.toLowerCase() },
        }))}
      />
      <form method="post" action={`/report/${token}/submit`}>
        <Button type="submit">Send report</Button>
      </form>
    </Column>
  );
}
