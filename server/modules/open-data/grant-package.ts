// The fund's awarded grants as a 360Giving grant package. Pure: the service loads what is needed and
// hands it over as plain values, carrying only what may be published. Group contacts, postcodes, member
// and referee names and bank details never reach this module, so they cannot leak into the file.

import { LegalForm, PriorityKind } from '../../../shared/domain.ts';
import { londonIsoDate } from '../../../shared/london-time.ts';
import { penceToPoundsText } from '../../../shared/money.ts';
import {
  CHARITY_ORG_PREFIX,
  COMPANY_ORG_PREFIX,
  COUNTRY_CODE,
  CURRENCY,
  geoCodeTypeOf,
  PUBLISHER_PREFIX_MAX,
  REGRANT_FISCAL_SPONSOR,
  STANDARD_VERSION,
} from './three-sixty-giving-codes.ts';

// ---------------------------------------------------------------------------------------------------
// What goes in

export interface ExportFund {
  name: string;
  slug: string;
  purpose: string;
  /** The fund's 360Giving publisher prefix, e.g. 360G-RiverdaleFund. */
  prefix: string;
  /** Every funder that has paid into the pool, for the package's description. */
  funderNames: string[];
}

export interface ExportGrant {
  /** The application's reference, e.g. RD-24-00017: stable, unique, and already known to the group. */
  reference: string;
  title: string;
  /** The group's own short public summary of the work. */
  summary: string;
  amountPence: number;
  amountRequestedPence: number;
  /** What has been paid so far. */
  paidPence: number;
  decidedAt: Date;
  phase: { position: number; name: string; criteria: string };
  group: { id: string; name: string; legalForm: LegalForm; charityNumber?: string | null; companyNumber?: string | null };
  /** Set when the money went to a host organisation holding it for an unconstituted group. */
  hostName: string | null;
  areaCodes: string[];
  priorityTags: string[];
  /** The funders whose contributions the award was drawn from, largest share first. */
  funders: { id: string; name: string }[];
}

export interface ExportArea {
  code: string;
  name: string;
  /** A fictional area of the demonstration fund. */
  demo: boolean;
}

export interface ExportPriority {
  key: string;
  label: string;
  kind: PriorityKind;
}

export interface ExportSource {
  fund: ExportFund;
  grants: ExportGrant[];
  areas: ExportArea[];
  priorities: ExportPriority[];
}

// ---------------------------------------------------------------------------------------------------
// What comes out: the parts of the 360Giving schema the export fills

export interface Organization {
  id: string;
  name: string;
  charityNumber?: string;
  companyNumber?: string;
}

export interface Location {
  name?: string;
  description?: string;
  countryCode?: string;
  geoCode?: string;
  geoCodeType?: string;
}

export interface Classification {
  vocabulary: string;
  code: string;
  title: string;
  description?: string;
}

export interface GrantProgramme {
  code: string;
  title: string;
  description?: string;
}

export interface ExportedGrant {
  id: string;
  title: string;
  description: string;
  currency: string;
  amountAppliedFor: number;
  amountAwarded: number;
  amountDisbursed: number;
  awardDate: string;
  fromOpenCall: 'Yes' | 'No';
  recipientOrganization: Organization[];
  regrantType?: string;
  fundingOrganization: Organization[];
  grantProgramme: GrantProgramme[];
  beneficiaryLocation?: Location[];
  classifications?: Classification[];
}

export interface GrantPackage {
  version: string;
  title: string;
  description: string;
  identifier: string;
  issued: string;
  modified: string;
  publisher: { identifier: string; name: string };
  grants: ExportedGrant[];
}

// ---------------------------------------------------------------------------------------------------
// Identifiers

/** `360G-` and the fund's slug: unique in the portal, and stable. A fund should replace it with the prefix 360Giving issues it. */
export function defaultPublisherPrefix(fund: { slug: string; id: string }): string {
  const stem = fund.slug.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || fund.id.slice(0, 8);
  return `360G-${stem}`.slice(0, PUBLISHER_PREFIX_MAX).replace(/-+$/, '');
}

const REGISTERED_CHARITY_FORMS = new Set([LegalForm.REGISTERED_CHARITY, LegalForm.CIO, LegalForm.CHARITABLE_COMPANY]);
const REGISTERED_COMPANY_FORMS = new Set([LegalForm.CHARITABLE_COMPANY, LegalForm.CIC, LegalForm.COMPANY]);

const compact = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '').toUpperCase();

/** Words of a name as an identifier part: "St Mary's Church Hall" → "st-marys-church-hall". */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A registered charity or company is named by its number (GB-CHC-…, GB-COH-…), so its grants join up
 * with every other funder's; a charitable company by its charity number, as 360Giving prefers. Any other
 * group gets an identifier of the fund's own: the prefix and the group's id, which never changes.
 */
function groupOrganization(group: ExportGrant['group'], prefix: string): Organization {
  const charityNumber = REGISTERED_CHARITY_FORMS.has(group.legalForm) ? compact(group.charityNumber) : '';
  const companyNumber = REGISTERED_COMPANY_FORMS.has(group.legalForm) ? compact(group.companyNumber) : '';
  const id = charityNumber ? `${CHARITY_ORG_PREFIX}-${charityNumber}` : companyNumber ? `${COMPANY_ORG_PREFIX}-${companyNumber}` : `${prefix}-org-${group.id}`;
  return {
    id,
    name: group.name,
    ...(charityNumber ? { charityNumber } : {}),
    ...(companyNumber ? { companyNumber } : {}),
  };
}

/**
 * The portal knows a host organisation only by the name the group gave, so its identifier is made from
 * that name: the same host holding money for several groups is one organisation in the file.
 */
function hostOrganization(hostName: string, prefix: string): Organization {
  return { id: `${prefix}-host-${nameKey(hostName) || 'unnamed'}`, name: hostName };
}

// ---------------------------------------------------------------------------------------------------
// Text

const CONTACT_REMOVED = '[contact details removed]';
const EMAIL = /[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z]{2,}/gi;
const PHONE = /(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\b0)\d(?:[\s-]?\d){8,9}(?!\d)/g;
// The inward code's letters never include C, I, K, M, O or V, which keeps "M25 2am" a time.
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b/gi;

/**
 * Free text is the group's own, and people do write "call Sam on 07700 900123" into a summary. A small
 * group's phone, email or postcode is often a volunteer's own, so they are taken out of what is published.
 */
export function withoutContactDetails(text: string): string {
  return text.replace(EMAIL, CONTACT_REMOVED).replace(PHONE, CONTACT_REMOVED).replace(POSTCODE, CONTACT_REMOVED).trim();
}

/** Integer pence as pounds, exactly: the decimal is written by integer arithmetic, then read as a number. */
export const pounds = (pence: number): number => Number(penceToPoundsText(pence));

// ---------------------------------------------------------------------------------------------------
// The package

export function buildGrantPackage(source: ExportSource, now: Date): GrantPackage {
  const { fund } = source;
  const areas = new Map(source.areas.map((area) => [area.code, area]));
  const priorities = new Map(source.priorities.map((priority) => [priority.key, priority]));
  const fundOrganization: Organization = { id: fund.prefix, name: fund.name };
  const funders = fund.funderNames.length > 0 ? ` Funders who have paid into it: ${listInWords(fund.funderNames)}.` : '';

  return {
    version: STANDARD_VERSION,
    title: `${fund.name}: grants awarded`,
    description: `Grants awarded by ${fund.name}, a pooled fund whose funders decide together in one panel.${funders} ${withoutContactDetails(fund.purpose)}`.trim(),
    identifier: `${fund.prefix}-grants`,
    issued: londonIsoDate(now),
    modified: now.toISOString(),
    publisher: { identifier: fund.prefix, name: fund.name },
    grants: [...source.grants].sort(byAwardThenReference).map((grant) => publishGrant(grant, fund, fundOrganization, areas, priorities)),
  };
}

function byAwardThenReference(a: ExportGrant, b: ExportGrant) {
  return a.decidedAt.getTime() - b.decidedAt.getTime() || a.reference.localeCompare(b.reference);
}

function publishGrant(grant: ExportGrant, fund: ExportFund, fundOrganization: Organization, areas: Map<string, ExportArea>, priorities: Map<string, ExportPriority>): ExportedGrant {
  const hosted = grant.hostName !== null;
  const summary = withoutContactDetails(grant.summary);
  const description = hosted ? `${summary} Paid to ${grant.hostName}, the host organisation holding the money for ${grant.group.name}, an unconstituted group.` : summary;
  const locations = grant.areaCodes.map((code) => beneficiaryLocation(code, areas.get(code))).filter((location): location is Location => location !== null);
  const classifications = [...grant.priorityTags.map((key) => priorityClassification(key, priorities.get(key), fund.prefix)), ...grant.funders.map((funder) => funderClassification(funder, fund))];

  return {
    id: `${fund.prefix}-${grant.reference}`,
    title: withoutContactDetails(grant.title),
    description,
    currency: CURRENCY,
    amountAppliedFor: pounds(grant.amountRequestedPence),
    amountAwarded: pounds(grant.amountPence),
    amountDisbursed: pounds(grant.paidPence),
    awardDate: londonIsoDate(grant.decidedAt),
    fromOpenCall: 'Yes',
    recipientOrganization: [hosted ? hostOrganization(grant.hostName!, fund.prefix) : groupOrganization(grant.group, fund.prefix)],
    ...(hosted ? { regrantType: REGRANT_FISCAL_SPONSOR } : {}),
    fundingOrganization: [fundOrganization],
    grantProgramme: [
      {
        code: `${fund.prefix}-phase-${grant.phase.position + 1}`,
        title: `${fund.name}: ${grant.phase.name}`,
        description: withoutContactDetails(grant.phase.criteria),
      },
    ],
    ...(locations.length > 0 ? { beneficiaryLocation: locations } : {}),
    ...(classifications.length > 0 ? { classifications } : {}),
  };
}

const DEMO_AREA = 'A fictional area of the demonstration fund, not a real place, so it has no geographic code.';

/** An area served, by its ONS code; a demo area by its name only, said to be fictional. */
function beneficiaryLocation(code: string, area: ExportArea | undefined): Location | null {
  if (area?.demo || code.startsWith('RD-')) return { name: area?.name ?? code, description: DEMO_AREA };
  const geoCodeType = geoCodeTypeOf(code);
  if (!geoCodeType) return null;
  return { ...(area ? { name: area.name } : {}), countryCode: COUNTRY_CODE, geoCode: code, geoCodeType };
}

const PRIORITY_VOCABULARIES: Record<PriorityKind, { suffix: string; description: string }> = {
  [PriorityKind.THEME]: { suffix: 'themes', description: 'A theme of the fund’s shared priorities: what the work is about.' },
  [PriorityKind.COMMUNITY]: { suffix: 'communities', description: 'A community of the fund’s shared priorities: who the work is for.' },
};

/** Priorities in the fund's own vocabulary: themes and communities, each keyed as the fund keys them. */
function priorityClassification(key: string, priority: ExportPriority | undefined, prefix: string): Classification {
  if (!priority) return { vocabulary: `${prefix}-priorities`, code: key, title: key };
  const vocabulary = PRIORITY_VOCABULARIES[priority.kind];
  return { vocabulary: `${prefix}-${vocabulary.suffix}`, code: key, title: priority.label, description: vocabulary.description };
}

/**
 * The funders whose money paid for the grant. They are named here rather than as further Funding
 * Orgs: each gave to the pool (which they publish as their own grants to it, For Regrant Type FRG040),
 * and the pool made this grant, so listing them as its funders too would count the same money twice.
 */
function funderClassification(funder: { id: string; name: string }, fund: ExportFund): Classification {
  return {
    vocabulary: `${fund.prefix}-contributing-funders`,
    code: `${fund.prefix}-funder-${funder.id}`,
    title: funder.name,
    description: `Paid in part from ${funder.name}’s contribution to ${fund.name}.`,
  };
}

function listInWords(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
