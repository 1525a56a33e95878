// Reads a postcode lookup in the layout of the ONS postcode directories (ONSPD, NSPL): one row per
// postcode with the codes of the areas it is in. Column titles differ between products and years (pcds
// or pcd; lsoa11 or lsoa21cd; osward or wd24cd; oslaua, laua or lad24cd), so columns are found by title.
import { GSS_CODE, isPseudoCode } from '../../../shared/areas.ts';
import { normalisePostcode } from '../../../shared/text.ts';
import { findColumn, readCsvTable } from '../../import/csv.ts';
import { type AreaFileProblem, type AreaFileRead, fileProblem, MAX_PROBLEMS, rowProblem, show } from './area-file-problem.ts';

export interface PostcodeRow {
  postcode: string;
  lsoaCode: string | null;
  wardCode: string | null;
  localAuthorityCode: string | null;
}

// Preferred first. LSOAs: the 2011 set before the 2021 one, because the English Indices of Deprivation
// 2019 (and the boundaries this portal ships tests with) are by 2011 LSOA.
const POSTCODE_COLUMN = [/^pcds$/i, /^pcd2$/i, /^pcd$/i, /^pcd7$/i, /^pcd8$/i, /^postcode$/i];
const LSOA_COLUMN = [/^lsoa11(cd)?$/i, /^lsoa21(cd)?$/i, /^lsoa(cd)?$/i];
const WARD_COLUMN = [/^osward$/i, /^ward$/i, /^wd\d{2}cd$/i];
const AUTHORITY_COLUMN = [/^oslaua$/i, /^laua$/i, /^lad\d{2}cd$/i, /^lad$/i];

export function parsePostcodeCsv(content: string): AreaFileRead<{ postcodes: PostcodeRow[]; skipped: number }> {
  const table = readCsvTable(content);
  if (!table.ok) return { ok: false, problems: [{ ...fileProblem(table.message), row: table.row }] };
  const { header } = table;
  const postcodeColumn = findColumn(header, POSTCODE_COLUMN);
  const codeColumns = { lsoaCode: findColumn(header, LSOA_COLUMN), wardCode: findColumn(header, WARD_COLUMN), localAuthorityCode: findColumn(header, AUTHORITY_COLUMN) };
  if (postcodeColumn < 0) {
    const message = "The header row has no postcode column ('pcds', 'pcd' or 'postcode'). Use the ONS postcode directory (ONSPD) or the National Statistics Postcode Lookup (NSPL).";
    return { ok: false, problems: [{ row: 1, field: 'pcds', message, text: message }] };
  }
  if (Object.values(codeColumns).every((index) => index < 0)) {
    const message = "The header row has no area columns: it needs at least one of 'lsoa11' (or 'lsoa21'), 'osward' (or 'ward') and 'oslaua' (or 'laua', 'lad').";
    return { ok: false, problems: [{ row: 1, field: 'lsoa11', message, text: message }] };
  }
  if (table.rows.length === 0) return { ok: false, problems: [fileProblem('The file has a header row but no postcodes.')] };

  const problems: AreaFileProblem[] = [];
  const postcodes: PostcodeRow[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const { row, cells } of table.rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const before = problems.length;
    const codes = {} as Record<keyof typeof codeColumns, string | null>;
    for (const [key, index] of Object.entries(codeColumns) as [keyof typeof codeColumns, number][]) {
      const value = index >= 0 ? (cells[index] ?? '').trim() : '';
      codes[key] = null;
      if (value === '' || isPseudoCode(value)) continue;
      if (GSS_CODE.test(value)) codes[key] = value;
      else problems.push(rowProblem(row, header[index], `${show(value)} is not an ONS code (a letter and eight digits, such as E01019078)`));
    }
    const written = (cells[postcodeColumn] ?? '').trim();
    const postcode = normalisePostcode(written);
    const placed = Object.values(codes).some((code) => code !== null);
    if (!postcode) {
      // Non-geographic postcodes (GIR 0AA, overseas territories) place nothing and are passed over.
      if (!placed && problems.length === before) {
        skipped += 1;
        continue;
      }
      problems.push(rowProblem(row, header[postcodeColumn], written === '' ? 'empty; every row needs its postcode' : `${show(written)} is not a UK postcode`));
    } else if (seen.has(postcode)) {
      problems.push(rowProblem(row, header[postcodeColumn], `${postcode} is also on row ${seen.get(postcode)}; each postcode must appear once`));
    } else {
      seen.set(postcode, row);
    }
    if (problems.length > before) continue;
    if (!placed) {
      skipped += 1;
      continue;
    }
    postcodes.push({ postcode: postcode!, ...codes });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  if (postcodes.length === 0) return { ok: false, problems: [fileProblem('No postcode in the file is placed in an area: every row has empty area codes.')] };
  return { ok: true, postcodes, skipped };
}
