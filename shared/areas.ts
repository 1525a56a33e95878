// ONS (GSS) codes: a letter for the nation, two digits for the kind of area, six digits for the area
// (E01019078 is an LSOA in Allerdale). The kind is read from the first three characters, so a file's
// codes say what its areas are whatever its columns or properties are called.
import { AreaKind } from './domain.ts';

/** Any GSS code: E, W, S, N (or L, M for the Channel Islands and the Isle of Man) and eight digits. */
export const GSS_CODE = /^[EWSNLM]\d{8}$/;

const KIND_BY_PREFIX: Record<string, AreaKind> = {
  E01: AreaKind.LSOA,
  W01: AreaKind.LSOA,
  E05: AreaKind.WARD,
  W05: AreaKind.WARD,
  E06: AreaKind.LOCAL_AUTHORITY,
  E07: AreaKind.LOCAL_AUTHORITY,
  E08: AreaKind.LOCAL_AUTHORITY,
  E09: AreaKind.LOCAL_AUTHORITY,
  W06: AreaKind.LOCAL_AUTHORITY,
};

/** What kind of area a code names, or null for a code of another kind (or not a code at all). */
export function areaKindOfCode(code: string): AreaKind | null {
  return GSS_CODE.test(code) ? (KIND_BY_PREFIX[code.slice(0, 3)] ?? null) : null;
}

/**
 * Codes of the generated demo geography: "RD-" (a postcode area that does not exist, as the demo's
 * postcodes use) then D for the district, W for a ward, L for an LSOA-like small area, and digits. No
 * ONS code has a hyphen, so a demo code never names a real place; importers still take GSS codes only.
 */
export const DEMO_AREA_CODE = /^RD-(D\d{2}|W\d{2}|L\d{4})$/;

const DEMO_KIND_BY_LETTER: Record<string, AreaKind> = { D: AreaKind.LOCAL_AUTHORITY, W: AreaKind.WARD, L: AreaKind.LSOA };

/** What kind of area a demo code names, or null when it is not a demo code. */
export function demoAreaKindOfCode(code: string): AreaKind | null {
  return DEMO_AREA_CODE.test(code) ? DEMO_KIND_BY_LETTER[code[3]] : null;
}

/**
 * The kind of an area code that may be stored against a fund, an application or a contribution: a real
 * GSS code of an LSOA, ward or local authority, or a demo code. Importers use `areaKindOfCode`, which
 * takes real codes only.
 */
export function kindOfAnyAreaCode(code: string): AreaKind | null {
  return areaKindOfCode(code) ?? demoAreaKindOfCode(code);
}

/** The codes ONS uses for "no area" in its lookups (E99999999, S99999999, L99999999 ...). */
export function isPseudoCode(code: string): boolean {
  return /^[EWSNLM]99999999$/.test(code);
}

/** What a kind's codes look like, for messages that say what was expected. */
export const CODE_EXAMPLES: Record<AreaKind, string> = {
  [AreaKind.LSOA]: 'E01 or W01 and six digits, such as E01019078',
  [AreaKind.WARD]: 'E05 or W05 and six digits, such as E05003114',
  [AreaKind.LOCAL_AUTHORITY]: 'E06 to E09 or W06 and six digits, such as E07000028',
};

/** The largest area file the admin screen takes; larger postcode directories go by region, or by the command. */
export const MAX_AREA_FILE_MB = 64;

/** IMD deciles: 1 is the most deprived tenth of LSOAs in England, 10 the least. */
export const IMD_DECILES = 10;

/** Mean radius of the Earth in km (IUGG), to turn d3-geo's steradians into km². */
export const EARTH_RADIUS_KM = 6371.0088;
