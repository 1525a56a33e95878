// Reads grants that other funders published in the 360Giving Data Standard (a JSON package or the
// standard's CSV layout), so that the duplicates engine can compare the pool's applications with them.
// Reading is all or nothing: a file with any problem imports nothing, and each problem names the row
// and the field the way the publisher's own spreadsheet or JSON names it, so a coordinator can fix it.

import { z } from 'zod';
import { readCsv } from '../../import/csv.ts';
import type { GrantRecord } from './grant-record.ts';

export interface PublishedGrant {
  id: string;
  title: string;
  description: string | null;
  currency: string;
  /** As published, in major units (pounds). */
  amountAwarded: number;
  /** yyyy-mm-dd. */
  awardDate: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  recipientOrgId: string | null;
  recipientName: string;
  charityNumber: string | null;
  companyNumber: string | null;
  postcode: string | null;
  locality: string | null;
  /** Beneficiary location names, and the recipient's ward or district names when given. */
  areas: string[];
  funderId: string | null;
  funderName: string;
  programme: string | null;
}

export interface ImportProblem {
  /** JSON: the grant's 1-based position. CSV: the row a spreadsheet shows, the header being row 1. 0: the whole file. */
  row: number;
  field: string;
  message: string;
}

export type ParseResult = { ok: true; grants: PublishedGrant[]; skipped: { individuals: number } } | { ok: false; problems: ImportProblem[] };

/** Enough to fix a file by; past this the rest are usually the same mistake again. */
export const MAX_PROBLEMS = 50;

type FieldKey = Exclude<keyof PublishedGrant, 'areas'>;
type Labels = Record<FieldKey, string>;

/** Field names as 360Giving JSON writes them. */
const JSON_LABELS: Labels = {
  id: 'id',
  title: 'title',
  description: 'description',
  currency: 'currency',
  amountAwarded: 'amountAwarded',
  awardDate: 'awardDate',
  plannedStart: 'plannedDates.startDate',
  plannedEnd: 'plannedDates.endDate',
  recipientOrgId: 'recipientOrganization.id',
  recipientName: 'recipientOrganization.name',
  charityNumber: 'recipientOrganization.charityNumber',
  companyNumber: 'recipientOrganization.companyNumber',
  postcode: 'recipientOrganization.postalCode',
  locality: 'recipientOrganization.addressLocality',
  funderId: 'fundingOrganization.id',
  funderName: 'fundingOrganization.name',
  programme: 'grantProgramme.title',
};

/** Column titles as the 360Giving spreadsheet template writes them. */
const CSV_LABELS: Labels = {
  id: 'Identifier',
  title: 'Title',
  description: 'Description',
  currency: 'Currency',
  amountAwarded: 'Amount Awarded',
  awardDate: 'Award Date',
  plannedStart: 'Planned Dates:Start Date',
  plannedEnd: 'Planned Dates:End Date',
  recipientOrgId: 'Recipient Org:Identifier',
  recipientName: 'Recipient Org:Name',
  charityNumber: 'Recipient Org:Charity Number',
  companyNumber: 'Recipient Org:Company Number',
  postcode: 'Recipient Org:Postal Code',
  locality: 'Recipient Org:City',
  funderId: 'Funding Org:Identifier',
  funderName: 'Funding Org:Name',
  programme: 'Grant Programme:Title',
};

/** One grant as found in the file, before validation: values keyed by field, as published. */
interface RawGrant {
  row: number;
  values: Partial<Record<FieldKey, unknown>>;
  areas: string[];
  /** Made to a person rather than an organisation: skipped, as the pool compares groups. */
  individual: boolean;
  /** A row that cannot be read as a grant at all, reported beside the others. */
  unreadable?: ImportProblem;
}

type Extracted = { ok: true; grants: RawGrant[] } | { ok: false; problems: ImportProblem[] };

const unreadable = (problem: ImportProblem): RawGrant => ({ row: problem.row, values: {}, areas: [], individual: false, unreadable: problem });

export function parseThreeSixtyGiving(text: string, fileName: string): ParseResult {
  const body = text.replace(/^\uFEFF/, '');
  const format = chooseFormat(body, fileName);
  const extracted = format === 'json' ? extractJson(body) : extractCsv(body);
  if (!extracted.ok) return extracted;
  return validate(extracted.grants, FORMATS[format]);
}

/** The file name decides; a name that says neither is decided by how the text begins. */
function chooseFormat(body: string, fileName: string): 'json' | 'csv' {
  const extension = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'json') return 'json';
  if (extension === 'csv') return 'csv';
  return /^\s*[[{]/.test(body) ? 'json' : 'csv';
}

/** A file-level problem: the structure is wrong, so no row can be read. */
const fileProblem = (message: string): { ok: false; problems: ImportProblem[] } => ({ ok: false, problems: [{ row: 0, field: 'file', message }] });

// ---------------------------------------------------------------------------------------------------
// JSON

function extractJson(body: string): Extracted {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return fileProblem(`The file is not valid JSON (${(error as Error).message}). Export it again from the tool that made it.`);
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.grants) ? data.grants : null;
  if (!list) return fileProblem('The file is JSON but holds no list of grants: a 360Giving file looks like {"grants": [ ... ]}.');
  const grants = list.map((item: unknown, index: number) => {
    const row = index + 1;
    return isObject(item) ? jsonGrant(item, row) : unreadable({ row, field: 'grant', message: `Grant ${row} is not a JSON object; it is ${show(item)}.` });
  });
  return { ok: true, grants };
}

function jsonGrant(grant: Record<string, unknown>, row: number): RawGrant {
  const recipient = first(grant.recipientOrganization);
  const funder = first(grant.fundingOrganization);
  const planned = first(grant.plannedDates);
  const areas = [
    ...list(grant.beneficiaryLocation).map((place) => place.name),
    ...list(recipient?.location).map((place) => place.name),
    // Not in the standard but published by some funders (Power to Change), and exactly the areas we want.
    grant.recipientWardName,
    grant.recipientDistrictName,
  ];
  return {
    row,
    individual: !recipient && grant.recipientIndividual !== undefined,
    values: {
      id: grant.id,
      title: grant.title,
      description: grant.description,
      currency: grant.currency,
      amountAwarded: grant.amountAwarded,
      awardDate: grant.awardDate,
      plannedStart: planned?.startDate,
      plannedEnd: planned?.endDate,
      recipientOrgId: recipient?.id,
      recipientName: recipient?.name,
      charityNumber: recipient?.charityNumber,
      companyNumber: recipient?.companyNumber,
      postcode: recipient?.postalCode,
      locality: recipient?.addressLocality,
      funderId: funder?.id,
      funderName: funder?.name,
      programme: first(grant.grantProgramme)?.title,
    },
    areas: areaNames(areas),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 360Giving nests organisations and dates in arrays; some early files give a bare object instead. */
function list(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

function first(value: unknown): Record<string, unknown> | undefined {
  return list(value)[0];
}

function areaNames(values: unknown[]): string[] {
  const names = values.filter((value): value is string => typeof value === 'string').map((value) => value.trim());
  return [...new Set(names.filter(Boolean))];
}

// ---------------------------------------------------------------------------------------------------
// CSV

/** "Beneficiary Location:0:Name" and "beneficiary location:name" are the same column. */
function columnKey(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/\s*:\s*/g, ':')
    .replace(/:\d+(?=:|$)/g, '')
    .replace(/\s+/g, ' ');
}

const REQUIRED_COLUMNS: FieldKey[] = ['id', 'currency', 'amountAwarded', 'awardDate', 'funderName'];
const AREA_COLUMNS = ['beneficiary location:name', 'recipient org:location:name'];

function extractCsv(body: string): Extracted {
  let records: string[][];
  try {
    records = readCsv(body);
  } catch (error) {
    return fileProblem(`The file is not a well-formed CSV file: ${(error as Error).message}.`);
  }
  const [header, ...rows] = records;
  if (!header || header.every((title) => title.trim() === '')) return fileProblem('The file is empty: it has no header row and no grants.');
  const columns = new Map<string, number[]>();
  header.forEach((title, index) => {
    const key = columnKey(title);
    columns.set(key, [...(columns.get(key) ?? []), index]);
  });
  const column = (key: FieldKey) => columns.get(columnKey(CSV_LABELS[key])) ?? [];
  const missing = REQUIRED_COLUMNS.filter((key) => column(key).length === 0);
  if (column('recipientName').length === 0 && ![...columns.keys()].some((key) => key.startsWith('recipient ind:'))) missing.push('recipientName');
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((key) => ({ row: 1, field: CSV_LABELS[key], message: `The header row has no ${CSV_LABELS[key]} column; every 360Giving file needs one.` })),
    };
  }
  const individualColumns = [...columns].filter(([key]) => key.startsWith('recipient ind:')).flatMap(([, indexes]) => indexes);
  const areaColumns = AREA_COLUMNS.flatMap((key) => columns.get(key) ?? []);
  const grants: RawGrant[] = [];
  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const extra = cells.findIndex((cell, position) => position >= header.length && cell.trim() !== '');
    if (extra >= 0) {
      grants.push(
        unreadable({
          row,
          field: `column ${extra + 1}`,
          message: `Row ${row} has a value in column ${extra + 1} but the header names only ${header.length} columns; a value holding a comma must be in double quotes.`,
        }),
      );
      return;
    }
    const cell = (key: FieldKey) => column(key).map((position) => cells[position] ?? '').find((value) => value.trim() !== '');
    const values = Object.fromEntries((Object.keys(CSV_LABELS) as FieldKey[]).map((key) => [key, cell(key)]));
    const toOrganisation = cell('recipientName') !== undefined || cell('recipientOrgId') !== undefined;
    grants.push({
      row,
      values,
      areas: areaNames(areaColumns.map((position) => cells[position])),
      individual: !toOrganisation && individualColumns.some((position) => (cells[position] ?? '').trim() !== ''),
    });
  });
  return { ok: true, grants };
}

// ---------------------------------------------------------------------------------------------------
// Validation, the same for both formats once the values are found.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A published date as yyyy-mm-dd, or null when it is not a real date. Besides ISO dates and datetimes
 * (the standard), reads what early publishers wrote: 31/03/2014 (with or without a time), 31 March
 * 2014, and 03/2014 for an award known only to the month (Nominet), read as the 1st of that month.
 */
export function readPublishedDate(text: string): string | null {
  const value = text.trim();
  let parts: [number, number, number] | null = null;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value))) {
    parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(value))) {
    parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  } else if ((match = /^(\d{1,2}) ([a-z]+) (\d{4})$/i.exec(value))) {
    const month = MONTHS.findIndex((name) => name === match![2].toLowerCase() || name.slice(0, 3) === match![2].toLowerCase());
    if (month >= 0) parts = [Number(match[3]), month + 1, Number(match[1])];
  } else if ((match = /^(\d{1,2})\/(\d{4})$/.exec(value))) {
    parts = [Number(match[2]), Number(match[1]), 1];
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over into March; a real date survives the round trip unchanged.
  if (year < 1900 || year > 2100 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A value as the coordinator would see it in their file, short enough for a message. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

/** Empty cells and blank strings are "not given". */
function given(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** Amounts as spreadsheets write them: 1500, 1500.50, 1,500. Anything else is left for the check to refuse. */
function readAmount(value: unknown): unknown {
  if (typeof value !== 'string') return given(value);
  const text = value.trim();
  if (text === '') return undefined;
  return /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(text) ? Number(text.replace(/,/g, '')) : value;
}

function grantSchema(labels: Labels) {
  const text = (key: FieldKey) =>
    z.union([z.string(), z.number()], { error: (issue) => `${labels[key]} must be text; it is ${show(issue.input)}.` }).transform((value) => String(value).trim());
  const required = (key: FieldKey, hint: string) =>
    z.preprocess(given, z.unknown().refine((value) => value !== undefined, `${labels[key]} is missing; ${hint}.`).pipe(text(key)));
  const optional = (key: FieldKey) => z.preprocess(given, text(key).optional()).transform((value) => value ?? null);
  const date = (key: FieldKey) =>
    text(key).transform((value, context) => {
      const iso = readPublishedDate(value);
      if (!iso) context.addIssue({ code: 'custom', message: `${labels[key]} must be a real date written 2024-03-31 or 31/03/2024; it is ${show(value)}.` });
      return iso ?? '';
    });
  return z.object({
    id: required('id', 'every grant needs its own identifier, such as 360G-yourfunder-0001'),
    title: optional('title').transform((value) => value ?? ''),
    description: optional('description'),
    currency: required('currency', 'give the three-letter code of the currency, such as GBP').refine((value) => /^[A-Za-z]{3}$/.test(value), {
      error: (issue) => `${labels.currency} must be a three-letter code such as GBP; it is ${show(issue.input)}.`,
    }),
    amountAwarded: z.preprocess(
      readAmount,
      z
        .number({
          error: (issue) =>
            issue.input === undefined ? `${labels.amountAwarded} is missing; give the amount awarded as a number, e.g. 1500.` : `${labels.amountAwarded} must be a number, e.g. 1500; it is ${show(issue.input)}.`,
        })
        .nonnegative({ error: (issue) => `${labels.amountAwarded} must be 0 or more; it is ${show(String(issue.input))}.` }),
    ),
    awardDate: z.preprocess(given, z.unknown().refine((value) => value !== undefined, `${labels.awardDate} is missing; give the date the grant was awarded, e.g. 2024-03-31.`).pipe(date('awardDate'))),
    plannedStart: z.preprocess(given, date('plannedStart').optional()).transform((value) => value ?? null),
    plannedEnd: z.preprocess(given, date('plannedEnd').optional()).transform((value) => value ?? null),
    recipientOrgId: optional('recipientOrgId'),
    recipientName: required('recipientName', 'give the name of the organisation the grant went to'),
    charityNumber: optional('charityNumber'),
    companyNumber: optional('companyNumber'),
    postcode: optional('postcode'),
    locality: optional('locality'),
    funderId: optional('funderId'),
    funderName: required('funderName', 'give the name of the funder that made the grant'),
    programme: optional('programme'),
  });
}

interface Format {
  labels: Labels;
  schema: ReturnType<typeof grantSchema>;
}

const FORMATS: Record<'json' | 'csv', Format> = {
  json: { labels: JSON_LABELS, schema: grantSchema(JSON_LABELS) },
  csv: { labels: CSV_LABELS, schema: grantSchema(CSV_LABELS) },
};

function validate(raw: RawGrant[], { labels, schema }: Format): ParseResult {
  const grants: PublishedGrant[] = [];
  const problems: ImportProblem[] = [];
  const rowById = new Map<string, number>();
  let individuals = 0;
  for (const { row, values, areas, individual, unreadable: problem } of raw) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (problem) {
      problems.push(problem);
      continue;
    }
    if (individual) {
      individuals += 1;
      continue;
    }
    const result = schema.safeParse(values);
    if (!result.success) {
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        const field = labels[issue.path[0] as FieldKey] ?? String(issue.path[0]);
        if (!seen.has(field)) problems.push({ row, field, message: issue.message });
        seen.add(field);
      }
    }
    // Identifiers are compared even on rows with other problems, so that one fix round finds them all.
    const id = typeof values.id === 'string' || typeof values.id === 'number' ? String(values.id).trim() : '';
    const earlier = rowById.get(id);
    if (id && earlier !== undefined) {
      problems.push({ row, field: labels.id, message: `${labels.id} '${id}' is also used by the grant on row ${earlier}; each grant needs its own identifier.` });
    } else if (id) rowById.set(id, row);
    if (result.success && problems.length === 0) grants.push({ ...result.data, currency: result.data.currency.toUpperCase(), areas });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  if (grants.length === 0) {
    const toIndividuals = individuals === 1 ? "The file's only grant went to an individual" : `The file's ${individuals} grants all went to individuals`;
    const message = individuals > 0 ? `${toIndividuals}; there are no grants to organisations to compare.` : 'The file holds no grants.';
    return { ok: false, problems: [{ row: 0, field: 'file', message }] };
  }
  return { ok: true, grants, skipped: { individuals } };
}

/**
 * The engine's view of a published grant. With identifiers: false the recipient's org id, charity and
 * company numbers are left out, to measure how well names, places and descriptions do on their own.
 */
export function toGrantRecord(grant: PublishedGrant, options: { identifiers?: boolean } = {}): GrantRecord {
  const identifiers = options.identifiers ?? true;
  return {
    id: grant.id,
    name: grant.recipientName,
    orgId: identifiers ? grant.recipientOrgId : null,
    charityNumber: identifiers ? grant.charityNumber : null,
    companyNumber: identifiers ? grant.companyNumber : null,
    postcode: grant.postcode,
    areas: grant.areas,
    text: [grant.title, grant.description].filter(Boolean).join('. ') || null,
    startsOn: grant.plannedStart,
    endsOn: grant.plannedEnd,
  };
}
