// What a group is asked to report, in proportion to its grant, and the rules for its answers. Shared
// by the server (validation, the journey's pages) and the web app.
import type { FieldError } from './errors.ts';
import { poundsToPence } from './money.ts';
import { countWords } from './text.ts';

export enum ReportingRequirement {
  NONE = 'NONE',
  /** A few sentences and an optional photo. */
  SENTENCES = 'SENTENCES',
  /** What happened, roughly how many people, one story, what changed, any money left. */
  SHORT_FORM = 'SHORT_FORM',
}

export const REPORTING_REQUIREMENT_LABELS: Record<ReportingRequirement, string> = {
  [ReportingRequirement.NONE]: 'No report',
  [ReportingRequirement.SENTENCES]: 'A few sentences and an optional photo',
  [ReportingRequirement.SHORT_FORM]: 'A short form',
};

export enum ReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}

/** Whether the group's story (its sentences or its one story, and its photo) may go beyond the fund's staff. */
export enum StoryConsent {
  NOT_SHARED = 'NOT_SHARED',
  FUNDERS = 'FUNDERS',
  PUBLIC = 'PUBLIC',
}

export const STORY_CONSENT_LABELS: Record<StoryConsent, string> = {
  [StoryConsent.NOT_SHARED]: 'Do not share it',
  [StoryConsent.FUNDERS]: 'Share it with the funders only',
  [StoryConsent.PUBLIC]: 'Share it publicly, for example on the fund’s website',
};

/** A fund's reporting bands: below `sentencesFromPence` nothing is asked; from `shortFormFromPence`, the short form. */
export interface ReportingBands {
  sentencesFromPence: number;
  shortFormFromPence: number;
  /** Reports are due this many weeks after the award. */
  dueWeeks: number;
}

/** What every fund asks until its coordinator changes it. */
export const DEFAULT_REPORTING_POLICY: ReportingBands = { sentencesFromPence: 0, shortFormFromPence: 1_000_00, dueWeeks: 12 };

export const MAX_DUE_WEEKS = 104;

export function reportingFor(amountPence: number, bands: ReportingBands = DEFAULT_REPORTING_POLICY): ReportingRequirement {
  if (amountPence >= bands.shortFormFromPence) return ReportingRequirement.SHORT_FORM;
  if (amountPence >= bands.sentencesFromPence) return ReportingRequirement.SENTENCES;
  return ReportingRequirement.NONE;
}

/** The calendar day `days` days after `isoDate` (both YYYY-MM-DD). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export const addWeeks = (isoDate: string, weeks: number) => addDays(isoDate, weeks * 7);

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks a fund's bands as the coordinator sets them. */
export function checkReportingBands(bands: ReportingBands): FieldError[] {
  const problems: FieldError[] = [];
  const pence = (value: number) => Number.isSafeInteger(value) && value >= 0;
  if (!pence(bands.sentencesFromPence)) problems.push({ field: 'sentencesFromPence', message: 'Enter the amount in whole pence, 0 or more.' });
  if (!pence(bands.shortFormFromPence)) problems.push({ field: 'shortFormFromPence', message: 'Enter the amount in whole pence, 0 or more.' });
  else if (pence(bands.sentencesFromPence) && bands.shortFormFromPence < bands.sentencesFromPence) {
    problems.push({ field: 'shortFormFromPence', message: 'The short form must start at or above the amount from which a few sentences are asked.' });
  }
  if (!Number.isInteger(bands.dueWeeks) || bands.dueWeeks < 1 || bands.dueWeeks > MAX_DUE_WEEKS) {
    problems.push({ field: 'dueWeeks', message: `Enter a number of weeks from 1 to ${MAX_DUE_WEEKS}.` });
  }
  return problems;
}

/** Reminders: one when the report is due within this many days, one when it is overdue. */
export const DUE_SOON_DAYS = 7;

export const REPORT_WORD_LIMITS = { sentences: 150, whatHappened: 250, story: 300, whatChanged: 150 } as const;
export const MAX_PEOPLE_COUNT = 1_000_000;
export const PHOTO_DESCRIPTION_MAX_CHARS = 300;
export const REPLY_MAX_CHARS = 2000;

/** The answers of a report, as stored. */
export interface ReportAnswers {
  sentences?: string | null;
  whatHappened?: string | null;
  peopleCount?: number | null;
  story?: string | null;
  whatChanged?: string | null;
  moneyLeftPence?: number | null;
  storyConsent?: StoryConsent | null;
}

export type ReportPageId = 'sentences' | 'what-happened' | 'people' | 'story' | 'what-changed' | 'money-left' | 'photo' | 'sharing';

export const REPORT_PAGE_TITLES: Record<ReportPageId, string> = {
  sentences: 'What did the grant do?',
  'what-happened': 'What happened',
  people: 'How many people took part',
  story: 'One story',
  'what-changed': 'What changed',
  'money-left': 'Money left over',
  photo: 'A photo (optional)',
  sharing: 'Sharing your story',
};

/** The pages a group goes through for its requirement, in order. */
export function reportPages(requirement: ReportingRequirement): ReportPageId[] {
  switch (requirement) {
    case ReportingRequirement.NONE:
      return [];
    case ReportingRequirement.SENTENCES:
      return ['sentences', 'photo', 'sharing'];
    case ReportingRequirement.SHORT_FORM:
      return ['what-happened', 'people', 'story', 'what-changed', 'money-left', 'photo', 'sharing'];
  }
}

export function isReportPage(requirement: ReportingRequirement, page: string): page is ReportPageId {
  return (reportPages(requirement) as string[]).includes(page);
}

/** Whether a page has its answer (the photo is optional, so it never holds the group up). */
export function pageAnswered(page: ReportPageId, answers: ReportAnswers): boolean {
  switch (page) {
    case 'sentences':
      return Boolean(answers.sentences);
    case 'what-happened':
      return Boolean(answers.whatHappened);
    case 'people':
      return answers.peopleCount != null;
    case 'story':
      return Boolean(answers.story);
    case 'what-changed':
      return Boolean(answers.whatChanged);
    case 'money-left':
      return answers.moneyLeftPence != null;
    case 'photo':
      return true;
    case 'sharing':
      return answers.storyConsent != null;
  }
}

export function nextUnansweredPage(requirement: ReportingRequirement, answers: ReportAnswers): ReportPageId | null {
  return reportPages(requirement).find((page) => !pageAnswered(page, answers)) ?? null;
}

/** The form's fields, as posted: plain strings. */
export type ReportForm = Record<string, string | undefined>;

const text = (value: string | undefined) => (value ?? '').trim();

function words(form: ReportForm, field: keyof typeof REPORT_WORD_LIMITS, empty: string, problems: FieldError[]): string | undefined {
  const value = text(form[field]);
  if (!value) problems.push({ field, message: empty });
  else if (countWords(value) > REPORT_WORD_LIMITS[field]) problems.push({ field, message: `Use ${REPORT_WORD_LIMITS[field]} words or fewer.` });
  else return value;
  return undefined;
}

/**
 * Checks one page of the report as posted, and gives the answers to store. Amounts are typed in
 * pounds ("25.50") and stored in pence; `grantPence` bounds the money left over.
 */
export function checkReportPage(page: Exclude<ReportPageId, 'photo'>, form: ReportForm, grantPence: number): { ok: true; answers: ReportAnswers } | { ok: false; errors: FieldError[] } {
  const problems: FieldError[] = [];
  const answers: ReportAnswers = {};
  switch (page) {
    case 'sentences':
      answers.sentences = words(form, 'sentences', 'Tell us in a few sentences what the grant paid for and what difference it made.', problems);
      break;
    case 'what-happened':
      answers.whatHappened = words(form, 'whatHappened', 'Tell us what happened with the grant.', problems);
      break;
    case 'story':
      answers.story = words(form, 'story', 'Tell us one story: one person, family or moment.', problems);
      break;
    case 'what-changed':
      answers.whatChanged = words(form, 'whatChanged', 'Tell us what changed because of the grant.', problems);
      break;
    case 'people': {
      const value = text(form.peopleCount).replace(/,/g, '');
      if (!value) problems.push({ field: 'peopleCount', message: 'Enter roughly how many people took part, like 40.' });
      else if (!/^\d+$/.test(value) || Number(value) > MAX_PEOPLE_COUNT) {
        problems.push({ field: 'peopleCount', message: `Enter a whole number from 0 to ${MAX_PEOPLE_COUNT.toLocaleString('en-GB')}, like 40.` });
      } else answers.peopleCount = Number(value);
      break;
    }
    case 'money-left': {
      const anyLeft = text(form.anyLeft);
      if (anyLeft === 'no') answers.moneyLeftPence = 0;
      else if (anyLeft !== 'yes') problems.push({ field: 'anyLeft', message: 'Say whether any of the grant is left over.' });
      else {
        const pence = poundsToPence(text(form.moneyLeft));
        if (pence === null || pence === 0) problems.push({ field: 'moneyLeft', message: 'Enter how much is left over in pounds, like 25.50.' });
        else if (pence > grantPence) problems.push({ field: 'moneyLeft', message: 'The money left over cannot be more than the grant.' });
        else answers.moneyLeftPence = pence;
      }
      break;
    }
    case 'sharing': {
      const consent = text(form.storyConsent);
      if (!(Object.values(StoryConsent) as string[]).includes(consent)) problems.push({ field: 'storyConsent', message: 'Say whether we may share your story, and with whom.' });
      else answers.storyConsent = consent as StoryConsent;
      break;
    }
  }
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, answers };
}

/** The pages' own fields, so a whole report (taken by phone) is checked by the same rules. */
export const REPORT_PAGE_FIELDS: Record<Exclude<ReportPageId, 'photo'>, string[]> = {
  sentences: ['sentences'],
  'what-happened': ['whatHappened'],
  people: ['peopleCount'],
  story: ['story'],
  'what-changed': ['whatChanged'],
  'money-left': ['anyLeft', 'moneyLeft'],
  sharing: ['storyConsent'],
};
