// The application journey: its pages, their fields and how each is checked. The server validates with
// these rules and the pages show the same limits, so the two never disagree.
import { z } from 'zod';
import { LegalForm } from '../domain.ts';
import type { FieldError } from '../errors.ts';
import { PRIORITY_TAGS_MAX } from '../limits.ts';
import { poundsToPence } from '../money.ts';
import { countWords, normalisePhone, normalisePostcode } from '../text.ts';

export type Answers = Record<string, string>;
export type DraftAnswers = Partial<Record<ApplyPageId, Answers>>;

export const WORD_LIMITS = { purpose: 20, title: 12, description: 150, beneficiaries: 100, budget: 100 } as const;

const REGISTERED_CHARITY_FORMS: LegalForm[] = [LegalForm.REGISTERED_CHARITY, LegalForm.CIO, LegalForm.CHARITABLE_COMPANY];
const COMPANY_FORMS: LegalForm[] = [LegalForm.CHARITABLE_COMPANY, LegalForm.CIC, LegalForm.COMPANY];

export const needsCharityNumber = (form: string | undefined) => REGISTERED_CHARITY_FORMS.includes(form as LegalForm);
export const needsCompanyNumber = (form: string | undefined) => COMPANY_FORMS.includes(form as LegalForm);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Every answer arrives as text from a form; these build the checks for one field.
const required = (message: string, max = 200) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Use ${max} characters or fewer.`)
    .refine((value) => !/[<>]/.test(value), 'Remove the < and > characters.');

const words = (message: string, limit: number, max = 2000) =>
  required(message, max).refine((value) => countWords(value) <= limit, `Use ${limit} words or fewer.`);

const email = (message: string) =>
  required(message, 254).transform((value) => value.toLowerCase()).refine((value) => EMAIL.test(value), 'Enter an email address in the correct format, like name@example.org.');

/** The check used wherever someone gives an email address outside the pages, e.g. "come back later". */
export const emailAddress = email('Enter your email address.');

const optional = z.string().trim().max(200, 'Use 200 characters or fewer.').optional().transform((value) => value || undefined);

const choice = <T extends string>(values: readonly T[], message: string) =>
  z.string({ error: message }).refine((value): value is T => (values as readonly string[]).includes(value), message);

const amount = z
  .string({ error: 'Enter how much you need, in pounds.' })
  .trim()
  .min(1, 'Enter how much you need, in pounds.')
  .refine((value) => poundsToPence(value) !== null, 'Enter an amount in pounds, like 1500 or 1,500.50.')
  .transform((value) => String(poundsToPence(value)))
  .refine((pence) => Number(pence) > 0, 'Enter an amount more than £0.');

export const PAGES = {
  eligibility: z.object({
    worksInArea: choice(['yes', 'no'] as const, 'Select yes if your group works in the area this fund covers.'),
    legalForm: choice(Object.values(LegalForm), 'Select what kind of group you are.'),
    amountPence: amount,
    purpose: words('Say in a few words what the money is for.', WORD_LIMITS.purpose, 300),
  }),
  group: z
    .object({
      legalForm: z.string().optional(),
      groupName: required("Enter your group's name."),
      charityNumber: optional,
      companyNumber: optional,
    })
    .superRefine((value, context) => {
      if (needsCharityNumber(value.legalForm) && !/^\d{6,8}$/.test(value.charityNumber ?? '')) {
        context.addIssue({ code: 'custom', path: ['charityNumber'], message: 'Enter your charity number: 6 to 8 digits, like 1123456.' });
      }
      if (needsCompanyNumber(value.legalForm) && !/^([A-Z]{2}\d{6}|\d{8})$/i.test(value.companyNumber ?? '')) {
        context.addIssue({ code: 'custom', path: ['companyNumber'], message: 'Enter your company number: 8 characters, like 01234567 or SC123456.' });
      }
    }),
  'unconstituted-route': z.object({
    route: choice(['HOST', 'MEMBERS'] as const, 'Select how your group will receive the money.'),
  }),
  host: z.object({
    hostName: required('Enter the name of the organisation that will hold the money.'),
    hostContactName: required('Enter the name of the person we should ask at that organisation.', 120),
    hostEmail: email('Enter the email address of the person at that organisation.'),
  }),
  members: z
    .object({
      member1Name: required('Enter the full name of the first member.', 120),
      member2Name: required('Enter the full name of the second member.', 120),
      refereeName: required('Enter the name of your referee.', 120),
      refereeOrganisation: required('Enter the organisation your referee works or volunteers for.'),
      refereeEmail: email("Enter your referee's email address."),
    })
    .refine((value) => value.member1Name.toLowerCase() !== value.member2Name.toLowerCase(), {
      path: ['member2Name'],
      message: 'Enter two different people.',
    }),
  contact: z.object({
    contactName: required('Enter your full name.', 120),
    contactEmail: email('Enter your email address.'),
    contactPhone: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || normalisePhone(value) !== null, 'Enter a UK phone number, like 07700 900 982 or 01632 960 001.')
      .transform((value) => (value ? (normalisePhone(value) ?? undefined) : undefined)),
  }),
  where: z.object({
    postcode: z
      .string({ error: 'Enter the postcode where most of your work happens.' })
      .trim()
      .min(1, 'Enter the postcode where most of your work happens.')
      .refine((value) => normalisePostcode(value) !== null, 'Enter a real postcode, like CA1 1AA.')
      .transform((value) => normalisePostcode(value)!),
  }),
  work: z.object({
    title: words('Give your project a short name.', WORD_LIMITS.title, 200),
    description: words('Describe what you will do.', WORD_LIMITS.description),
    beneficiaries: words('Say who will benefit.', WORD_LIMITS.beneficiaries),
  }),
  // Checked against the fund's own taxonomy in validatePage; a form sends one value or several.
  priorities: z.object({
    priorityTags: z.union([z.string(), z.array(z.string())]).optional(),
  }),
  // Checked against the fund's own areas in validatePage, like priorities.
  areas: z.object({
    areaCodes: z.union([z.string(), z.array(z.string())]).optional(),
  }),
  budget: z.object({
    budget: words('Say roughly how you will spend the money.', WORD_LIMITS.budget),
  }),
} as const;

export type ApplyPageId = keyof typeof PAGES;

export const PAGE_TITLES: Record<ApplyPageId, string> = {
  eligibility: 'Check you can apply',
  group: 'About your group',
  'unconstituted-route': 'How your group will receive the money',
  host: 'Your host organisation',
  members: 'Your members and referee',
  contact: 'Your contact details',
  where: 'Your postcode',
  areas: 'Where your work happens',
  work: 'What you will do',
  priorities: 'What your work is about',
  budget: 'How you will spend the money',
};

export function isPageId(value: string): value is ApplyPageId {
  return Object.hasOwn(PAGES, value);
}

/** What the journey needs to know of the fund: a fund with areas asks where the work happens. */
export interface JourneyFund {
  areaCodes: readonly string[];
}

/** The pages this draft goes through, in order; unconstituted groups answer two more. */
export function journey(answers: DraftAnswers, fund: JourneyFund = { areaCodes: [] }): ApplyPageId[] {
  const unconstituted = answers.eligibility?.legalForm === LegalForm.UNCONSTITUTED_GROUP;
  const route = answers['unconstituted-route']?.route;
  return [
    'eligibility',
    'group',
    ...(unconstituted ? (['unconstituted-route', route === 'MEMBERS' ? 'members' : 'host'] as ApplyPageId[]) : []),
    'contact',
    'where',
    ...(fund.areaCodes.length > 0 ? (['areas'] as ApplyPageId[]) : []),
    'work',
    'priorities',
    'budget',
  ];
}

export type PageResult = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

/** What checking a page needs to know of the fund. */
export interface FundChoices {
  /** The priority keys a group may choose, in the fund's order. */
  priorityKeys: readonly string[];
  /** The area codes a group may choose, in the order offered. */
  areaCodes?: readonly string[];
}

/** Ticked boxes are kept as one comma-separated answer (a key or code never holds a comma). */
const ticked = (answer: string | undefined) => (answer ?? '').split(',').filter(Boolean);

/** The priority keys saved on the priorities page. */
export function chosenPriorities(answers: Answers | undefined): string[] {
  return ticked(answers?.priorityTags);
}

/** The area codes saved on the areas page. */
export function chosenAreaCodes(answers: Answers | undefined): string[] {
  return ticked(answers?.areaCodes);
}

/**
 * Optional tick boxes: any chosen must be among those offered. A form sends one value or several; kept
 * in the order offered.
 */
function validateTicks(field: string, raw: unknown, offered: readonly string[], refused: string, limit?: { max: number; message: string }): PageResult {
  const given = (Array.isArray(raw) ? raw : [raw]).filter((value): value is string => typeof value === 'string').flatMap((value) => value.split(','));
  const wanted = new Set(given.map((value) => value.trim()).filter(Boolean));
  if ([...wanted].some((value) => !offered.includes(value))) return { ok: false, errors: [{ field, message: refused }] };
  if (limit && wanted.size > limit.max) return { ok: false, errors: [{ field, message: limit.message }] };
  return { ok: true, answers: { [field]: offered.filter((value) => wanted.has(value)).join(',') } };
}

/** Checks one page. Unknown fields are dropped; known ones come back trimmed and normalised. */
export function validatePage(page: ApplyPageId, input: Record<string, unknown>, draft: DraftAnswers, choices: FundChoices = { priorityKeys: [] }): PageResult {
  if (page === 'priorities') {
    return validateTicks('priorityTags', input.priorityTags, choices.priorityKeys, 'Choose from the priorities listed. Some you chose are no longer offered.', {
      max: PRIORITY_TAGS_MAX,
      message: `Choose ${PRIORITY_TAGS_MAX} priorities or fewer.`,
    });
  }
  if (page === 'areas') {
    return validateTicks('areaCodes', input.areaCodes, choices.areaCodes ?? [], "Choose from the areas listed. Some you chose are not in this fund's area.");
  }
  // The group page depends on the legal form given at eligibility.
  const withContext = page === 'group' ? { ...input, legalForm: draft.eligibility?.legalForm } : input;
  const parsed = (PAGES[page] as z.ZodType).safeParse(withContext);
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!errors.some((error) => error.field === field)) errors.push({ field, message: issue.message });
    }
    return { ok: false, errors };
  }
  const answers: Answers = {};
  for (const [key, value] of Object.entries(parsed.data as Record<string, unknown>)) {
    if (key !== 'legalForm' || page === 'eligibility') if (value !== undefined) answers[key] = String(value);
  }
  return { ok: true, answers };
}

/** The first page of the journey not yet answered, or null when every page is. */
export function nextUnanswered(answers: DraftAnswers, fund?: JourneyFund): ApplyPageId | null {
  return journey(answers, fund).find((page) => !answers[page]) ?? null;
}
