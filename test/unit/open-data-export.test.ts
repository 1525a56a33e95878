import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LegalForm, PriorityKind } from '../../shared/domain.ts';
import { parseThreeSixtyGiving } from '../../server/modules/duplicates/three-sixty-giving.ts';
import { csvCell, grantPackageCsv } from '../../server/modules/open-data/grant-package-csv.ts';
import { buildGrantPackage, defaultPublisherPrefix, pounds, withoutContactDetails, type ExportGrant, type ExportSource } from '../../server/modules/open-data/grant-package.ts';
import {
  COUNTRY_CODE,
  CURRENCY,
  geoCodeTypeOf,
  PUBLISHER_PREFIX_PATTERN,
  REGRANT_FISCAL_SPONSOR,
  STANDARD_VERSION,
} from '../../server/modules/open-data/three-sixty-giving-codes.ts';
import { sharedDataPath } from '../support/shared-data.ts';
import { codelist, grantPackageValidator } from '../support/three-sixty-giving-schema.ts';

const PREFIX = '360G-RiverdaleFund';

const phase = { position: 0, name: 'Emergency', criteria: 'Urgent help for people hit hardest.' };
const grant = (overrides: Partial<ExportGrant>): ExportGrant => ({
  reference: 'RD-26-00000',
  title: 'Food parcels',
  summary: 'Weekly food parcels.',
  amountPence: 100_00,
  amountRequestedPence: 100_00,
  paidPence: 0,
  decidedAt: new Date('2026-11-26T15:00:00Z'),
  phase,
  group: { id: 'group-0', name: 'Group', legalForm: LegalForm.CONSTITUTED_COMMUNITY_GROUP },
  hostName: null,
  areaCodes: [],
  priorityTags: [],
  funders: [],
  ...overrides,
});

// Given out of order: the package lists grants by award date, then reference.
const SOURCE: ExportSource = {
  fund: {
    name: 'Riverdale Response Fund',
    slug: 'riverdale-response',
    purpose: 'Helping local groups through the emergency and the recovery.',
    prefix: PREFIX,
    funderNames: ['Northern Trust', 'Riverdale Council', 'Riverdale NHS'],
  },
  grants: [
    grant({
      reference: 'RD-26-00003',
      title: 'Shopping and prescriptions',
      summary: 'Volunteers collect shopping and prescriptions for people who are shielding.',
      amountPence: 750_00,
      amountRequestedPence: 750_00,
      decidedAt: new Date('2026-12-01T00:30:00Z'),
      phase: { position: 1, name: 'Recovery', criteria: 'Getting back on our feet.' },
      group: { id: 'group-3', name: 'Elm Street Mutual Aid', legalForm: LegalForm.UNCONSTITUTED_GROUP },
      hostName: 'St Mary’s Church & Hall',
    }),
    grant({
      reference: 'RD-26-00001',
      title: 'Food parcels',
      summary: 'Weekly food parcels for 40 families. Call Sam on 07700 900123 or sam.jones@example.org; we meet at ca1 1aa.',
      amountPence: 1_234_56,
      amountRequestedPence: 1_500_00,
      paidPence: 1_234_56,
      // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
      decidedAt: new Date('2026-06-30T23:30:00Z'),
      group: { id: 'group-1', name: 'Riverdale Foodbank', legalForm: LegalForm.CHARITABLE_COMPANY, charityNumber: ' 1123456 ', companyNumber: '01234567' },
      areaCodes: ['E01019078', 'E05009046', 'RD-LSOA-001', 'E07000028', 'not-a-code'],
      priorityTags: ['food', 'older-people', 'retired-key'],
      funders: [
        { id: 'funder-1', name: 'Northern Trust' },
        { id: 'funder-2', name: 'Riverdale Council' },
      ],
    }),
    grant({
      reference: 'RD-26-00002',
      title: 'Youth club reopening',
      summary: 'Reopening the youth club safely.',
      amountPence: 500_00,
      amountRequestedPence: 600_00,
      paidPence: 0,
      decidedAt: new Date('2026-06-30T23:30:00Z'),
      group: { id: 'group-2', name: 'Riverdale Youth CIC', legalForm: LegalForm.CIC, charityNumber: '999999', companyNumber: 'sc 123456' },
      areaCodes: ['E05009046'],
      funders: [{ id: 'funder-3', name: 'Riverdale NHS' }],
    }),
    grant({
      reference: 'RD-26-00004',
      title: 'Lunch club',
      summary: 'A weekly lunch club.',
      amountPence: 300_05,
      amountRequestedPence: 300_05,
      decidedAt: new Date('2026-12-02T12:00:00Z'),
      group: { id: 'group-4', name: 'Eastbrook Lunch Club', legalForm: LegalForm.CONSTITUTED_COMMUNITY_GROUP },
    }),
  ],
  areas: [
    { code: 'E01019078', name: 'Allerdale 007A', demo: false },
    { code: 'E05009046', name: 'Botcherby', demo: false },
    { code: 'RD-LSOA-001', name: 'Riverside North', demo: true },
  ],
  priorities: [
    { key: 'food', label: 'Food', kind: PriorityKind.THEME },
    { key: 'older-people', label: 'Older people', kind: PriorityKind.COMMUNITY },
  ],
};

const NOW = new Date('2026-12-03T09:15:00Z');
const fundOrg = { id: PREFIX, name: 'Riverdale Response Fund' };
const emergency = { code: `${PREFIX}-phase-1`, title: 'Riverdale Response Fund: Emergency', description: 'Urgent help for people hit hardest.' };

describe('buildGrantPackage', () => {
  const pkg = buildGrantPackage(SOURCE, NOW);

  it('describes the pooled fund as the publisher and funder, naming the funders who paid in', () => {
    const { grants: _grants, ...metadata } = pkg;
    expect(metadata).toEqual({
      version: '1.4',
      title: 'Riverdale Response Fund: grants awarded',
      description:
        'Grants awarded by Riverdale Response Fund, a pooled fund whose funders decide together in one panel. Funders who have paid into it: Northern Trust, Riverdale Council and Riverdale NHS. Helping local groups through the emergency and the recovery.',
      identifier: `${PREFIX}-grants`,
      issued: '2026-12-03',
      modified: '2026-12-03T09:15:00.000Z',
      publisher: { identifier: PREFIX, name: 'Riverdale Response Fund' },
    });
  });

  it('writes each grant exactly: pounds from pence, London award dates, identifiers by legal form, areas and priorities', () => {
    expect(pkg.grants).toEqual([
      {
        id: `${PREFIX}-RD-26-00001`,
        title: 'Food parcels',
        description: 'Weekly food parcels for 40 families. Call Sam on [contact details removed] or [contact details removed]; we meet at [contact details removed].',
        currency: 'GBP',
        amountAppliedFor: 1500,
        amountAwarded: 1234.56,
        amountDisbursed: 1234.56,
        awardDate: '2026-07-01',
        fromOpenCall: 'Yes',
        recipientOrganization: [{ id: 'GB-CHC-1123456', name: 'Riverdale Foodbank', charityNumber: '1123456', companyNumber: '01234567' }],
        fundingOrganization: [fundOrg],
        grantProgramme: [emergency],
        beneficiaryLocation: [
          { name: 'Allerdale 007A', countryCode: 'GB', geoCode: 'E01019078', geoCodeType: 'LSOA' },
          { name: 'Botcherby', countryCode: 'GB', geoCode: 'E05009046', geoCodeType: 'WD' },
          { name: 'Riverside North', description: 'A fictional area of the demonstration fund, not a real place, so it has no geographic code.' },
          { countryCode: 'GB', geoCode: 'E07000028', geoCodeType: 'NMD' },
        ],
        classifications: [
          { vocabulary: `${PREFIX}-themes`, code: 'food', title: 'Food', description: 'A theme of the fund’s shared priorities: what the work is about.' },
          { vocabulary: `${PREFIX}-communities`, code: 'older-people', title: 'Older people', description: 'A community of the fund’s shared priorities: who the work is for.' },
          { vocabulary: `${PREFIX}-priorities`, code: 'retired-key', title: 'retired-key' },
          { vocabulary: `${PREFIX}-contributing-funders`, code: `${PREFIX}-funder-funder-1`, title: 'Northern Trust', description: 'Paid in part from Northern Trust’s contribution to Riverdale Response Fund.' },
          { vocabulary: `${PREFIX}-contributing-funders`, code: `${PREFIX}-funder-funder-2`, title: 'Riverdale Council', description: 'Paid in part from Riverdale Council’s contribution to Riverdale Response Fund.' },
        ],
      },
      {
        id: `${PREFIX}-RD-26-00002`,
        title: 'Youth club reopening',
        description: 'Reopening the youth club safely.',
        currency: 'GBP',
        amountAppliedFor: 600,
        amountAwarded: 500,
        amountDisbursed: 0,
        awardDate: '2026-07-01',
        fromOpenCall: 'Yes',
        // A CIC is a company, not a charity: a charity number given by mistake is not published.
        recipientOrganization: [{ id: 'GB-COH-SC123456', name: 'Riverdale Youth CIC', companyNumber: 'SC123456' }],
        fundingOrganization: [fundOrg],
        grantProgramme: [emergency],
        beneficiaryLocation: [{ name: 'Botcherby', countryCode: 'GB', geoCode: 'E05009046', geoCodeType: 'WD' }],
        classifications: [
          { vocabulary: `${PREFIX}-contributing-funders`, code: `${PREFIX}-funder-funder-3`, title: 'Riverdale NHS', description: 'Paid in part from Riverdale NHS’s contribution to Riverdale Response Fund.' },
        ],
      },
      {
        id: `${PREFIX}-RD-26-00003`,
        title: 'Shopping and prescriptions',
        description:
          'Volunteers collect shopping and prescriptions for people who are shielding. Paid to St Mary’s Church & Hall, the host organisation holding the money for Elm Street Mutual Aid, an unconstituted group.',
        currency: 'GBP',
        amountAppliedFor: 750,
        amountAwarded: 750,
        amountDisbursed: 0,
        // 00:30 UTC on 1 December is 00:30 in London (GMT).
        awardDate: '2026-12-01',
        fromOpenCall: 'Yes',
        recipientOrganization: [{ id: `${PREFIX}-host-st-marys-church-and-hall`, name: 'St Mary’s Church & Hall' }],
        regrantType: 'FRG050',
        fundingOrganization: [fundOrg],
        grantProgramme: [{ code: `${PREFIX}-phase-2`, title: 'Riverdale Response Fund: Recovery', description: 'Getting back on our feet.' }],
      },
      {
        id: `${PREFIX}-RD-26-00004`,
        title: 'Lunch club',
        description: 'A weekly lunch club.',
        currency: 'GBP',
        amountAppliedFor: 300.05,
        amountAwarded: 300.05,
        amountDisbursed: 0,
        awardDate: '2026-12-02',
        fromOpenCall: 'Yes',
        recipientOrganization: [{ id: `${PREFIX}-org-group-4`, name: 'Eastbrook Lunch Club' }],
        fundingOrganization: [fundOrg],
        grantProgramme: [emergency],
      },
    ]);
  });

  it('is valid against the 360Giving package schema, which does catch a grant that is not', () => {
    const validate = grantPackageValidator();
    expect(validate(pkg)).toEqual([]);
    const [first] = pkg.grants;
    const broken = { ...pkg, grants: [{ ...first, awardDate: '01/07/2026', fundingOrganization: [] }] };
    expect(validate(broken).map((error) => error.instancePath)).toEqual(expect.arrayContaining(['/grants/0/awardDate', '/grants/0/fundingOrganization']));
    expect(validate({ ...pkg, grants: [] }).map((error) => error.instancePath)).toEqual(['/grants']);
  });

  it('publishes no contact detail or postcode anywhere', () => {
    const text = JSON.stringify(pkg) + grantPackageCsv(pkg);
    for (const personal of ['07700', 'sam.jones', '@', 'CA1', 'ca1 1aa']) expect(text).not.toContain(personal);
  });
});

describe('pounds', () => {
  it('turns integer pence into the exact amount in pounds', () => {
    expect([0, 1, 10, 99, 100, 1_234_56, 100_000_01, 999_999_999_99].map(pounds)).toEqual([0, 0.01, 0.1, 0.99, 1, 1234.56, 100000.01, 999999999.99]);
    // The numbers print as the decimals they are, in JSON and in the CSV.
    expect(JSON.stringify([1_234_56, 10, 30_07].map(pounds))).toBe('[1234.56,0.1,30.07]');
  });
});

describe('withoutContactDetails', () => {
  it('takes out email addresses, UK phone numbers and postcodes, and leaves amounts, years and times alone', () => {
    expect(withoutContactDetails('Ring 01632 960001, +44 (0)7700 900 123 or 07700-900-123; write to a.b@c.org.uk at M1 1AE or CA11AA.')).toBe(
      'Ring [contact details removed], [contact details removed] or [contact details removed]; write to [contact details removed] at [contact details removed] or [contact details removed].',
    );
    expect(withoutContactDetails('£1,500 for 2026-2027, open 10am to M25 2am, 120 people')).toBe('£1,500 for 2026-2027, open 10am to M25 2am, 120 people');
  });
});

describe('defaultPublisherPrefix', () => {
  it('is 360G- and the fund slug, a valid prefix', () => {
    expect(defaultPublisherPrefix({ slug: 'riverdale-response', id: 'x' })).toBe('360G-riverdale-response');
    expect(defaultPublisherPrefix({ slug: '--', id: '0a1b2c3d-0000' })).toBe('360G-0a1b2c3d');
    expect(PUBLISHER_PREFIX_PATTERN.test(defaultPublisherPrefix({ slug: 'riverdale-response', id: 'x' }))).toBe(true);
  });
});

describe('grantPackageCsv', () => {
  const csv = grantPackageCsv(buildGrantPackage(SOURCE, NOW));

  it('lays the grants out as the 360Giving spreadsheet does, one row each, numbered columns as wide as the longest list', () => {
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(header.split(',')).toEqual([
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Applied For',
      'Amount Awarded',
      'Amount Disbursed',
      'Award Date',
      'From An Open Call?',
      'Recipient Org:Identifier',
      'Recipient Org:Name',
      'Recipient Org:Charity Number',
      'Recipient Org:Company Number',
      'For Regrant Type',
      'Funding Org:Identifier',
      'Funding Org:Name',
      'Grant Programme:Code',
      'Grant Programme:Title',
      ...[0, 1, 2, 3].flatMap((i) => ['Name', 'Description', 'Country Code', 'Geographic Code', 'Geographic Code Type'].map((field) => `Beneficiary Location:${i}:${field}`)),
      ...[0, 1, 2, 3, 4].flatMap((i) => ['Vocabulary', 'Code', 'Title'].map((field) => `Classifications:${i}:${field}`)),
    ]);
    expect(rows.pop()).toBe('');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe(
      [
        `${PREFIX}-RD-26-00001`,
        'Food parcels',
        'Weekly food parcels for 40 families. Call Sam on [contact details removed] or [contact details removed]; we meet at [contact details removed].',
        'GBP',
        '1500',
        '1234.56',
        '1234.56',
        '2026-07-01',
        'Yes',
        'GB-CHC-1123456',
        'Riverdale Foodbank',
        '1123456',
        '01234567',
        '',
        PREFIX,
        'Riverdale Response Fund',
        `${PREFIX}-phase-1`,
        'Riverdale Response Fund: Emergency',
        'Allerdale 007A', '', 'GB', 'E01019078', 'LSOA',
        'Botcherby', '', 'GB', 'E05009046', 'WD',
        'Riverside North', '"A fictional area of the demonstration fund, not a real place, so it has no geographic code."', '', '', '',
        '', '', 'GB', 'E07000028', 'NMD',
        `${PREFIX}-themes`, 'food', 'Food',
        `${PREFIX}-communities`, 'older-people', 'Older people',
        `${PREFIX}-priorities`, 'retired-key', 'retired-key',
        `${PREFIX}-contributing-funders`, `${PREFIX}-funder-funder-1`, 'Northern Trust',
        `${PREFIX}-contributing-funders`, `${PREFIX}-funder-funder-2`, 'Riverdale Council',
      ].join(','),
    );
    expect(rows[2]).toBe(
      [
        `${PREFIX}-RD-26-00003`,
        'Shopping and prescriptions',
        'Volunteers collect shopping and prescriptions for people who are shielding. Paid to St Mary’s Church & Hall, the host organisation holding the money for Elm Street Mutual Aid, an unconstituted group.',
        'GBP',
        '750',
        '750',
        '0',
        '2026-12-01',
        'Yes',
        `${PREFIX}-host-st-marys-church-and-hall`,
        'St Mary’s Church & Hall',
        '',
        '',
        'FRG050',
        PREFIX,
        'Riverdale Response Fund',
        `${PREFIX}-phase-2`,
        'Riverdale Response Fund: Recovery',
        ...Array<string>(4 * 5 + 5 * 3).fill(''),
      ]
        .map((cell) => (cell.includes(',') ? `"${cell}"` : cell))
        .join(','),
    );
    expect(rows[3].split(',').slice(4, 7)).toEqual(['300.05', '300.05', '0']);
  });

  it('reads back through the portal’s own 360Giving importer as the same grants as the JSON', () => {
    const pkg = buildGrantPackage(SOURCE, NOW);
    const fromJson = parseThreeSixtyGiving(JSON.stringify(pkg), 'grants.json');
    const fromCsv = parseThreeSixtyGiving(csv, 'grants.csv');
    expect(fromJson.ok && fromCsv.ok).toBe(true);
    if (!fromJson.ok || !fromCsv.ok) return;
    expect(fromCsv.grants).toEqual(fromJson.grants);
    expect(fromJson.grants.map((published) => [published.id, published.amountAwarded, published.awardDate, published.recipientOrgId, published.postcode])).toEqual([
      [`${PREFIX}-RD-26-00001`, 1234.56, '2026-07-01', 'GB-CHC-1123456', null],
      [`${PREFIX}-RD-26-00002`, 500, '2026-07-01', 'GB-COH-SC123456', null],
      [`${PREFIX}-RD-26-00003`, 750, '2026-12-01', `${PREFIX}-host-st-marys-church-and-hall`, null],
      [`${PREFIX}-RD-26-00004`, 300.05, '2026-12-02', `${PREFIX}-org-group-4`, null],
    ]);
  });
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and keeps spreadsheets from running a value as a formula', () => {
    expect(['plain', 'a, b', 'say "hi"', 'two\nlines', ' padded', '=HYPERLINK("x")', '+1', '-2', '@me', '360G-X-1'].map(csvCell)).toEqual([
      'plain',
      '"a, b"',
      '"say ""hi"""',
      '"two\nlines"',
      '" padded"',
      `"'=HYPERLINK(""x"")"`,
      "'+1",
      "'-2",
      "'@me",
      '360G-X-1',
    ]);
  });
});

describe('the standard’s values the export writes', () => {
  it('are in its codelists: geoCodeType per ONS code kind, the fiscal sponsor regrant type, GBP and GB', () => {
    const geoCodeTypes = codelist('geoCodeType.csv');
    for (const prefix of ['E01', 'W01', 'E02', 'W02', 'E05', 'W05', 'E06', 'W06', 'E07', 'E08', 'E09']) {
      const type = geoCodeTypeOf(`${prefix}000001`);
      // The codelist documents each type by the ONS entity (the code's first three characters) it covers.
      expect(geoCodeTypes.some((row) => row.Code === type && row['Documentation (URL)'].endsWith(`/statistical-entity/${prefix}`)), `${prefix} → ${type}`).toBe(true);
    }
    expect(geoCodeTypeOf('RD-LSOA-001')).toBeNull();
    expect(geoCodeTypeOf('S12000005')).toBeNull();
    expect(codelist('regrantType.csv').find((row) => row.Code === REGRANT_FISCAL_SPONSOR)?.Title).toBe('Fiscal sponsor');
    expect(codelist('currency.csv').some((row) => row.Code === CURRENCY)).toBe(true);
    expect(codelist('countryCode.csv').some((row) => row.Code === COUNTRY_CODE)).toBe(true);
  });

  it('name the version of the schema they come from', () => {
    const grantSchema = JSON.parse(readFileSync(sharedDataPath('360giving', 'standard', '360-giving-schema.json'), 'utf8')) as { $id: string };
    expect(/\/standard\/(\d+\.\d+)\.\d+\//.exec(grantSchema.$id)?.[1]).toBe(STANDARD_VERSION);
  });
});
