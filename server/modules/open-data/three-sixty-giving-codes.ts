// The few values of the 360Giving Data Standard (1.4) that the export needs, written out here rather
// than read from the standard's files: the product must not depend on data kept beside the checkout.
// The tests check these against the standard's own schema and codelists.

/** The version of the standard the export follows, as the package's `version` writes it (major.minor). */
export const STANDARD_VERSION = '1.4';

/** Every amount the fund awards is in pounds sterling. */
export const CURRENCY = 'GBP';

/** The areas are all in the United Kingdom (ISO 3166-1 alpha-2). */
export const COUNTRY_CODE = 'GB';

/**
 * Regrant Type codelist, FRG050 "Fiscal sponsor": the recipient named is the organisation hosting the
 * group the grant is for. The standard's guidance keeps this code for grants whose Recipient Org is the
 * host, which is how the export names them.
 */
export const REGRANT_FISCAL_SPONSOR = 'FRG050';

/** Organisation identifier prefixes (org-id.guide): the Charity Commission for England and Wales, and Companies House. */
export const CHARITY_ORG_PREFIX = 'GB-CHC';
export const COMPANY_ORG_PREFIX = 'GB-COH';

/**
 * geoCodeType codelist values for the ONS (GSS) codes the portal holds, by the code's first three
 * characters. Local authorities have a type per kind (unitary, district, metropolitan, London borough).
 */
const GEO_CODE_TYPES: Record<string, string> = {
  E01: 'LSOA',
  W01: 'LSOA',
  E02: 'MSOA',
  W02: 'MSOA',
  E05: 'WD',
  W05: 'WD',
  E06: 'UA',
  W06: 'UA',
  E07: 'NMD',
  E08: 'MD',
  E09: 'LONB',
};

/** The geoCodeType for a GSS code, or null for a code that is not one of those kinds. */
export function geoCodeTypeOf(code: string): string | null {
  return /^[EW]\d{8}$/.test(code) ? (GEO_CODE_TYPES[code.slice(0, 3)] ?? null) : null;
}

/** 360Giving prefixes are issued as `360G-` and letters or digits; the export adds `-` and its own ids. */
export const PUBLISHER_PREFIX_PATTERN = /^360G-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
export const PUBLISHER_PREFIX_MAX = 60;
