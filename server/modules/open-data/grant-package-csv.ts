// The grant package flattened to one CSV sheet as 360Giving's spreadsheet templates lay it out: one row
// per grant, columns titled by the schema's titles joined with ":" ("Recipient Org:Identifier"). A list
// that holds one item per grant is rolled up without a number; a list that may hold several is numbered
// from 0 ("Beneficiary Location:0:Geographic Code"), with as many as the longest list needs.

import type { ExportedGrant, GrantPackage } from './grant-package.ts';

type Value = string | number | undefined;
type Column = [title: string, value: (grant: ExportedGrant) => Value];

const BASE_COLUMNS: Column[] = [
  ['Identifier', (grant) => grant.id],
  ['Title', (grant) => grant.title],
  ['Description', (grant) => grant.description],
  ['Currency', (grant) => grant.currency],
  ['Amount Applied For', (grant) => grant.amountAppliedFor],
  ['Amount Awarded', (grant) => grant.amountAwarded],
  ['Amount Disbursed', (grant) => grant.amountDisbursed],
  ['Award Date', (grant) => grant.awardDate],
  ['From An Open Call?', (grant) => grant.fromOpenCall],
  ['Recipient Org:Identifier', (grant) => grant.recipientOrganization[0].id],
  ['Recipient Org:Name', (grant) => grant.recipientOrganization[0].name],
  ['Recipient Org:Charity Number', (grant) => grant.recipientOrganization[0].charityNumber],
  ['Recipient Org:Company Number', (grant) => grant.recipientOrganization[0].companyNumber],
  ['For Regrant Type', (grant) => grant.regrantType],
  ['Funding Org:Identifier', (grant) => grant.fundingOrganization[0].id],
  ['Funding Org:Name', (grant) => grant.fundingOrganization[0].name],
  ['Grant Programme:Code', (grant) => grant.grantProgramme[0].code],
  ['Grant Programme:Title', (grant) => grant.grantProgramme[0].title],
];

const locationColumns = (i: number): Column[] => [
  [`Beneficiary Location:${i}:Name`, (grant) => grant.beneficiaryLocation?.[i]?.name],
  [`Beneficiary Location:${i}:Description`, (grant) => grant.beneficiaryLocation?.[i]?.description],
  [`Beneficiary Location:${i}:Country Code`, (grant) => grant.beneficiaryLocation?.[i]?.countryCode],
  [`Beneficiary Location:${i}:Geographic Code`, (grant) => grant.beneficiaryLocation?.[i]?.geoCode],
  [`Beneficiary Location:${i}:Geographic Code Type`, (grant) => grant.beneficiaryLocation?.[i]?.geoCodeType],
];

const classificationColumns = (i: number): Column[] => [
  [`Classifications:${i}:Vocabulary`, (grant) => grant.classifications?.[i]?.vocabulary],
  [`Classifications:${i}:Code`, (grant) => grant.classifications?.[i]?.code],
  [`Classifications:${i}:Title`, (grant) => grant.classifications?.[i]?.title],
];

const longest = (grants: ExportedGrant[], list: (grant: ExportedGrant) => unknown[] | undefined) => Math.max(0, ...grants.map((grant) => list(grant)?.length ?? 0));
const range = (count: number) => Array.from({ length: count }, (_, i) => i);

export function grantPackageCsv(pkg: GrantPackage): string {
  const columns = [
    ...BASE_COLUMNS,
    ...range(longest(pkg.grants, (grant) => grant.beneficiaryLocation)).flatMap(locationColumns),
    ...range(longest(pkg.grants, (grant) => grant.classifications)).flatMap(classificationColumns),
  ];
  const rows = [columns.map(([title]) => title), ...pkg.grants.map((grant) => columns.map(([, value]) => csvText(value(grant))))];
  // The byte order mark tells spreadsheet programs the file is UTF-8 (names with accents, "’").
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Amounts come from whole pence, so at most two decimals: 1500, 1234.50. */
function csvText(value: Value): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return value;
}

/**
 * RFC 4180 quoting: a value holding a comma, a quote or a line break goes in double quotes, with its
 * quotes doubled; so does one with space at either end, which some readers would trim. A value that a
 * spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) is written with a
 * leading apostrophe, since coordinators open these files in spreadsheets before publishing them.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
