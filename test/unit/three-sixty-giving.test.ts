import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath } from '../support/shared-data.ts';
import {
  type ImportProblem,
  MAX_PROBLEMS,
  parseThreeSixtyGiving,
  type ParseResult,
  type PublishedGrant,
  readPublishedDate,
  toGrantRecord,
} from '../../server/modules/duplicates/three-sixty-giving.ts';

const readData = (path: string) => readFileSync(sharedDataPath('360giving', path), 'utf8');

/** A 360Giving JSON grant with everything required, and overrides. */
function jsonGrant(overrides: Record<string, unknown> = {}) {
  return {
    id: '360G-test-0001',
    title: 'Food parcels',
    description: 'Food parcels for families in Botcherby',
    currency: 'GBP',
    amountAwarded: 1500,
    awardDate: '2024-03-31',
    recipientOrganization: [{ id: 'GB-CHC-1234567', name: 'Carlisle Food Bank', charityNumber: '1234567', postalCode: 'CA1 2AB', addressLocality: 'Carlisle' }],
    fundingOrganization: [{ id: 'GB-CHC-7654321', name: 'Cumbria Fund' }],
    ...overrides,
  };
}

const packageOf = (...grants: unknown[]) => JSON.stringify({ grants });

function grantsOf(result: ParseResult): PublishedGrant[] {
  if (!result.ok) throw new Error(`expected grants, got problems: ${JSON.stringify(result.problems)}`);
  return result.grants;
}

function problemsOf(result: ParseResult): ImportProblem[] {
  if (result.ok) throw new Error('expected problems, got grants');
  return result.problems;
}

const CSV_HEADER = 'Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Recipient Org:Postal Code,Funding Org:Name';

describe('readPublishedDate', () => {
  it('reads ISO dates and datetimes, dd/mm/yyyy with or without a time, written-out months and month-only dates', () => {
    expect(readPublishedDate('2015-06-10T00:00:00+00:00')).toBe('2015-06-10');
    expect(readPublishedDate('2015-06-10')).toBe('2015-06-10');
    expect(readPublishedDate('2016-01-05 12:30:00.000000')).toBe('2016-01-05');
    expect(readPublishedDate('26/03/2001 00:00')).toBe('2001-03-26');
    expect(readPublishedDate('3/2/2005')).toBe('2005-02-03');
    expect(readPublishedDate('19 April 2013')).toBe('2013-04-19');
    expect(readPublishedDate('1 Feb 2012')).toBe('2012-02-01');
    expect(readPublishedDate('08/2013')).toBe('2013-08-01');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    expect(readPublishedDate('31/02/2024')).toBeNull();
    expect(readPublishedDate('2023-02-29')).toBeNull();
    expect(readPublishedDate('13/2024')).toBeNull();
    expect(readPublishedDate('next Tuesday')).toBeNull();
    expect(readPublishedDate('42185')).toBeNull();
    expect(readPublishedDate('24/03/31')).toBeNull();
  });
});

describe('parseThreeSixtyGiving: JSON', () => {
  it('reads a grant package into published grants', () => {
    const result = parseThreeSixtyGiving(
      packageOf(
        jsonGrant({
          plannedDates: [{ startDate: '01/04/2024', endDate: '2025-03-31T00:00:00Z' }],
          beneficiaryLocation: [{ name: 'Botcherby' }, { name: 'Carlisle' }],
          grantProgramme: [{ title: 'Winter' }],
          recipientWardName: 'Botcherby Ward',
          recipientDistrictName: 'Carlisle',
        }),
      ),
      'grants.json',
    );
    expect(result).toEqual({
      ok: true,
      skipped: { individuals: 0 },
      grants: [
        {
          id: '360G-test-0001',
          title: 'Food parcels',
          description: 'Food parcels for families in Botcherby',
          currency: 'GBP',
          amountAwarded: 1500,
          awardDate: '2024-03-31',
          plannedStart: '2024-04-01',
          plannedEnd: '2025-03-31',
          recipientOrgId: 'GB-CHC-1234567',
          recipientName: 'Carlisle Food Bank',
          charityNumber: '1234567',
          companyNumber: null,
          postcode: 'CA1 2AB',
          locality: 'Carlisle',
          areas: ['Botcherby', 'Carlisle', 'Botcherby Ward'],
          funderId: 'GB-CHC-7654321',
          funderName: 'Cumbria Fund',
          programme: 'Winter',
        },
      ],
    });
  });

  it('reads a bare array of grants, dd/mm/yyyy award dates, numbers given as numbers, and a recipient given as an object', () => {
    const text = JSON.stringify([
      jsonGrant({ awardDate: '17/03/2014', description: undefined, recipientOrganization: { name: ' Comic Relief ', charityNumber: 326568 } }),
    ]);
    const [grant] = grantsOf(parseThreeSixtyGiving(text, 'grants.json'));
    expect(grant).toMatchObject({ awardDate: '2014-03-17', description: null, recipientName: 'Comic Relief', charityNumber: '326568', recipientOrgId: null, postcode: null });
  });

  it('skips grants to individuals and counts them', () => {
    const person = { id: '360G-test-0002', title: 'Grant to an individual', currency: 'GBP', amountAwarded: 200, awardDate: '2020-04-01', recipientIndividual: { id: '360G-test-ind-1', name: 'Individual Recipient' }, fundingOrganization: [{ name: 'Cumbria Fund' }] };
    const result = parseThreeSixtyGiving(packageOf(person, jsonGrant(), { ...person, id: '360G-test-0003' }), 'grants.json');
    expect(result.ok && result.skipped).toEqual({ individuals: 2 });
    expect(grantsOf(result).map((grant) => grant.id)).toEqual(['360G-test-0001']);
  });

  it('names the row and the field of each problem, in words a coordinator can act on', () => {
    const result = parseThreeSixtyGiving(
      packageOf(
        jsonGrant({ amountAwarded: 'ten pounds', currency: 'pounds' }),
        jsonGrant({ id: '360G-test-0002', awardDate: '31/02/2024', amountAwarded: -5 }),
        jsonGrant({ id: ' ', recipientOrganization: [{ name: '' }], fundingOrganization: [] }),
        jsonGrant({ id: '360G-test-0004', amountAwarded: undefined, awardDate: undefined, plannedDates: [{ startDate: 'soon' }] }),
        jsonGrant({ id: '360G-test-0002' }),
      ),
      'grants.json',
    );
    expect(problemsOf(result)).toEqual([
      { row: 1, field: 'currency', message: "currency must be a three-letter code such as GBP; it is 'pounds'." },
      { row: 1, field: 'amountAwarded', message: "amountAwarded must be a number, e.g. 1500; it is 'ten pounds'." },
      { row: 2, field: 'amountAwarded', message: "amountAwarded must be 0 or more; it is '-5'." },
      { row: 2, field: 'awardDate', message: "awardDate must be a real date written 2024-03-31 or 31/03/2024; it is '31/02/2024'." },
      { row: 3, field: 'id', message: 'id is missing; every grant needs its own identifier, such as 360G-yourfunder-0001.' },
      { row: 3, field: 'recipientOrganization.name', message: 'recipientOrganization.name is missing; give the name of the organisation the grant went to.' },
      { row: 3, field: 'fundingOrganization.name', message: 'fundingOrganization.name is missing; give the name of the funder that made the grant.' },
      { row: 4, field: 'amountAwarded', message: 'amountAwarded is missing; give the amount awarded as a number, e.g. 1500.' },
      { row: 4, field: 'awardDate', message: 'awardDate is missing; give the date the grant was awarded, e.g. 2024-03-31.' },
      { row: 4, field: 'plannedDates.startDate', message: "plannedDates.startDate must be a real date written 2024-03-31 or 31/03/2024; it is 'soon'." },
      { row: 5, field: 'id', message: "id '360G-test-0002' is also used by the grant on row 2; each grant needs its own identifier." },
    ]);
  });

  it('gives one problem at row 0 when the file is not JSON, holds no list of grants or holds no grants', () => {
    const [broken] = problemsOf(parseThreeSixtyGiving('{"grants": [', 'grants.json'));
    expect(broken.row).toBe(0);
    expect(broken.field).toBe('file');
    expect(broken.message).toMatch(/^The file is not valid JSON \(.+\)\. Export it again from the tool that made it\.$/);
    expect(problemsOf(parseThreeSixtyGiving('{"awards": []}', 'grants.json'))).toEqual([
      { row: 0, field: 'file', message: 'The file is JSON but holds no list of grants: a 360Giving file looks like {"grants": [ ... ]}.' },
    ]);
    expect(problemsOf(parseThreeSixtyGiving('{"grants": []}', 'grants.json'))).toEqual([{ row: 0, field: 'file', message: 'The file holds no grants.' }]);
    expect(problemsOf(parseThreeSixtyGiving(packageOf(jsonGrant(), 'not a grant'), 'grants.json'))).toEqual([{ row: 2, field: 'grant', message: "Grant 2 is not a JSON object; it is 'not a grant'." }]);
  });

  it('treats a file of only grants to individuals as holding no grants', () => {
    const person = { id: 'a', currency: 'GBP', amountAwarded: 1, awardDate: '2020-01-01', recipientIndividual: { id: 'p' }, fundingOrganization: [{ name: 'F' }] };
    expect(problemsOf(parseThreeSixtyGiving(packageOf(person), 'grants.json'))).toEqual([
      { row: 0, field: 'file', message: "The file's only grant went to an individual; there are no grants to organisations to compare." },
    ]);
    expect(problemsOf(parseThreeSixtyGiving(packageOf(person, { ...person, id: 'b' }), 'grants.json'))).toEqual([
      { row: 0, field: 'file', message: "The file's 2 grants all went to individuals; there are no grants to organisations to compare." },
    ]);
  });

  it(`stops after ${MAX_PROBLEMS} problems`, () => {
    const grants = Array.from({ length: 80 }, (_, index) => jsonGrant({ id: `g${index}`, amountAwarded: 'lots' }));
    const problems = problemsOf(parseThreeSixtyGiving(packageOf(...grants), 'grants.json'));
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems.at(-1)).toEqual({ row: 50, field: 'amountAwarded', message: "amountAwarded must be a number, e.g. 1500; it is 'lots'." });
  });

  it('sniffs the format when the file name does not say', () => {
    expect(grantsOf(parseThreeSixtyGiving(`  ${packageOf(jsonGrant())}`, 'upload'))).toHaveLength(1);
    expect(grantsOf(parseThreeSixtyGiving(`${CSV_HEADER}\nA1,,,GBP,10,2024-01-01,,Carlisle Food Bank,,Cumbria Fund`, 'upload.txt'))).toHaveLength(1);
  });
});

describe('parseThreeSixtyGiving: CSV', () => {
  it('reads the 360Giving column titles, with a byte-order mark, CRLF, quoted values and numbered location columns', () => {
    const text = [
      `\uFEFFIdentifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Recipient Org:Charity Number,Recipient Org:Company Number,Recipient Org:Postal Code,Recipient Org:City,Funding Org:Identifier,Funding Org:Name,Planned Dates:Start Date,Planned Dates:End Date,Beneficiary Location:0:Name,Beneficiary Location:1:Name,Grant Programme:Title`,
      `360G-cf-1,Pantry,"Food, and ""warm"" space",GBP,"1,500.50",26/03/2024 00:00,GB-CHC-1234567,"The Carlisle Food Bank, Ltd",1234567,,CA1 2AB,Carlisle,GB-CHC-7654321,Cumbria Fund,01/04/2024,,Botcherby,Upperby,Winter`,
      `360G-cf-2,Hub,"Two`,
      `lines",gbp,250,2024-04-02,,Upperby Hub,,09876543,,,,Cumbria Fund,,,,,`,
      '',
    ].join('\r\n');
    const result = parseThreeSixtyGiving(text, 'grants.CSV');
    expect(result).toEqual({
      ok: true,
      skipped: { individuals: 0 },
      grants: [
        {
          id: '360G-cf-1',
          title: 'Pantry',
          description: 'Food, and "warm" space',
          currency: 'GBP',
          amountAwarded: 1500.5,
          awardDate: '2024-03-26',
          plannedStart: '2024-04-01',
          plannedEnd: null,
          recipientOrgId: 'GB-CHC-1234567',
          recipientName: 'The Carlisle Food Bank, Ltd',
          charityNumber: '1234567',
          companyNumber: null,
          postcode: 'CA1 2AB',
          locality: 'Carlisle',
          areas: ['Botcherby', 'Upperby'],
          funderId: 'GB-CHC-7654321',
          funderName: 'Cumbria Fund',
          programme: 'Winter',
        },
        {
          id: '360G-cf-2',
          title: 'Hub',
          description: 'Two\r\nlines',
          currency: 'GBP',
          amountAwarded: 250,
          awardDate: '2024-04-02',
          plannedStart: null,
          plannedEnd: null,
          recipientOrgId: null,
          recipientName: 'Upperby Hub',
          charityNumber: null,
          companyNumber: '09876543',
          postcode: null,
          locality: null,
          areas: [],
          funderId: null,
          funderName: 'Cumbria Fund',
          programme: null,
        },
      ],
    });
  });

  it('numbers rows as a spreadsheet shows them (a value over two lines is one row, a blank line is a row), and reports every problem', () => {
    const text = [
      CSV_HEADER,
      'A1,,"two',
      'lines",GBP,10,2024-01-01,,Carlisle Food Bank,,Cumbria Fund',
      '',
      'A3,,,GBP,ten pounds,2024-01-01,,Carlisle Food Bank,,Cumbria Fund',
      'A4,,,GBP,10,2024-01-01,,,,Cumbria Fund',
      'A1,,,GBP,10,29/02/2023,,Carlisle Food Bank,,Cumbria Fund',
      'A6,,,GBP,10,2024-01-01,,Carlisle Food Bank,,Cumbria Fund,spare',
    ].join('\n');
    expect(problemsOf(parseThreeSixtyGiving(text, 'grants.csv'))).toEqual([
      { row: 4, field: 'Amount Awarded', message: "Amount Awarded must be a number, e.g. 1500; it is 'ten pounds'." },
      { row: 5, field: 'Recipient Org:Name', message: 'Recipient Org:Name is missing; give the name of the organisation the grant went to.' },
      { row: 6, field: 'Award Date', message: "Award Date must be a real date written 2024-03-31 or 31/03/2024; it is '29/02/2023'." },
      { row: 6, field: 'Identifier', message: "Identifier 'A1' is also used by the grant on row 2; each grant needs its own identifier." },
      {
        row: 7,
        field: 'column 11',
        message: 'Row 7 has a value in column 11 but the header names only 10 columns; a value holding a comma must be in double quotes.',
      },
    ]);
  });

  it('reports a duplicate identifier on the later row', () => {
    const text = [CSV_HEADER, 'A1,,,GBP,10,2024-01-01,,Carlisle Food Bank,,Cumbria Fund', 'A1,,,GBP,20,2024-01-02,,Upperby Hub,,Cumbria Fund'].join('\n');
    expect(problemsOf(parseThreeSixtyGiving(text, 'grants.csv'))).toEqual([
      { row: 3, field: 'Identifier', message: "Identifier 'A1' is also used by the grant on row 2; each grant needs its own identifier." },
    ]);
  });

  it('reports missing required columns on the header row', () => {
    const text = 'Identifier,Title,Recipient Org:Name,Funding Org:Name\nA1,Pantry,Carlisle Food Bank,Cumbria Fund';
    expect(problemsOf(parseThreeSixtyGiving(text, 'grants.csv'))).toEqual([
      { row: 1, field: 'Currency', message: 'The header row has no Currency column; every 360Giving file needs one.' },
      { row: 1, field: 'Amount Awarded', message: 'The header row has no Amount Awarded column; every 360Giving file needs one.' },
      { row: 1, field: 'Award Date', message: 'The header row has no Award Date column; every 360Giving file needs one.' },
    ]);
  });

  it('skips rows to individuals', () => {
    const text = [`${CSV_HEADER},Recipient Ind:Identifier`, 'A1,,,GBP,10,2024-01-01,,,,Cumbria Fund,360G-cf-person-1', 'A2,,,GBP,10,2024-01-01,,Carlisle Food Bank,,Cumbria Fund,'].join('\n');
    const result = parseThreeSixtyGiving(text, 'grants.csv');
    expect(result.ok && result.skipped).toEqual({ individuals: 1 });
    expect(grantsOf(result).map((grant) => grant.id)).toEqual(['A2']);
  });

  it('gives one problem at row 0 for a broken or empty file', () => {
    expect(problemsOf(parseThreeSixtyGiving(`${CSV_HEADER}\nA1,"never ends`, 'grants.csv'))).toEqual([
      { row: 0, field: 'file', message: 'The file is not a well-formed CSV file: a quoted value that starts on line 2 never ends; a closing " is missing.' },
    ]);
    expect(problemsOf(parseThreeSixtyGiving('\uFEFF', 'grants.csv'))).toEqual([{ row: 0, field: 'file', message: 'The file is empty: it has no header row and no grants.' }]);
    expect(problemsOf(parseThreeSixtyGiving(`${CSV_HEADER}\r\n`, 'grants.csv'))).toEqual([{ row: 0, field: 'file', message: 'The file holds no grants.' }]);
  });
});

describe('toGrantRecord', () => {
  const [grant] = grantsOf(parseThreeSixtyGiving(packageOf(jsonGrant({ recipientOrganization: [{ id: 'GB-CHC-1234567', name: 'Carlisle Food Bank', charityNumber: '1234567', companyNumber: '01234567', postalCode: 'CA1 2AB' }] })), 'g.json'));

  it('gives the engine the name, identifiers, place and text of the work', () => {
    expect(toGrantRecord(grant)).toEqual({
      id: '360G-test-0001',
      name: 'Carlisle Food Bank',
      orgId: 'GB-CHC-1234567',
      charityNumber: '1234567',
      companyNumber: '01234567',
      postcode: 'CA1 2AB',
      areas: [],
      text: 'Food parcels. Food parcels for families in Botcherby',
      startsOn: null,
      endsOn: null,
    });
  });

  it('leaves out the org id, charity and company numbers when asked to', () => {
    expect(toGrantRecord(grant, { identifiers: false })).toMatchObject({ orgId: null, charityNumber: null, companyNumber: null, name: 'Carlisle Food Bank', postcode: 'CA1 2AB' });
  });
});

describe('parseThreeSixtyGiving: published files', () => {
  it('reads the Indigo Trust CSV: 269 grants, dd/mm/yyyy dates with times', () => {
    const grants = grantsOf(parseThreeSixtyGiving(readData('grantnav-sample-data-2016/IndigoTrust_360giving.csv'), 'IndigoTrust_360giving.csv'));
    expect(grants).toHaveLength(269);
    expect(grants[0]).toMatchObject({ id: '360G-indigotrust:IND1', recipientName: 'Discover', awardDate: '2001-03-26', amountAwarded: 10000, charityNumber: '1070468', postcode: 'E15 4QZ', funderName: 'Indigo Trust' });
  });

  it('reads the Baring Foundation file: 53 grants', () => {
    const grants = grantsOf(parseThreeSixtyGiving(readData('grantnav-sample-data-2016/baring.json'), 'baring.json'));
    expect(grants).toHaveLength(53);
    expect(grants[0]).toMatchObject({ id: '360G-baringfoundation-20130071', recipientName: 'Comic Relief Limited', awardDate: '2014-03-17', amountAwarded: 50000 });
  });

  it('reads Nominet Trust month-only award dates and written-out planned dates: 270 grants', () => {
    const grants = grantsOf(parseThreeSixtyGiving(readData('grantnav-sample-data-2016/nominet.json'), 'nominet.json'));
    expect(grants).toHaveLength(270);
    expect(grants[0]).toMatchObject({ recipientName: 'Aardman Animations', awardDate: '2013-08-01', plannedStart: '2013-04-19', plannedEnd: '2014-03-31', companyNumber: '2050843' });
  });

  it('skips the 99 grants to individuals in the 34-funder test file and keeps its 55 to organisations', () => {
    const result = parseThreeSixtyGiving(readData('grantnav-test-data/awefw001p00000zgyHZAAY.json'), 'awefw001p00000zgyHZAAY.json');
    expect(result.ok && result.skipped).toEqual({ individuals: 99 });
    expect(grantsOf(result)).toHaveLength(55);
  });

  it('refuses stack.json, which has names and ids but no organisations, naming the first rows', () => {
    const problems = problemsOf(parseThreeSixtyGiving(readData('grantnav-sample-data-2016/stack.json'), 'stack.json'));
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems[0]).toEqual({ row: 1, field: 'recipientOrganization.name', message: 'recipientOrganization.name is missing; give the name of the organisation the grant went to.' });
  });
});
