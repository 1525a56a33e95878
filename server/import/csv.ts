// Reading CSV files that people export from spreadsheets and statistics portals: 360Giving grants,
// the English Indices of Deprivation, the ONS postcode directory. One reader for all of them, so each
// importer only says which columns it wants and what a good value is.

/**
 * RFC 4180 records: comma-separated fields, optionally in double quotes, where a quoted field may hold
 * commas, line breaks and doubled quotes (""). Lines may end CRLF or LF. Throws on a structure no
 * spreadsheet would have written, naming the line so the publisher can find it.
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  // Whether anything of the current record has been read, so a last line of just "" still counts.
  let started = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    started = false;
  };
  while (i < text.length) {
    const char = text[i];
    if (char !== '\r' && char !== '\n') started = true;
    if (char === '"' && field === '') {
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error(`a quoted value that starts on line ${startLine} never ends; a closing " is missing`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (text[i] === '\n') line += 1;
        field += text[i];
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`on line ${line} a quoted value is followed by more text before the next comma; a " inside a quoted value must be doubled ("")`);
      }
      continue;
    }
    if (char === ',') {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  if (started) endRecord();
  return records;
}

export interface CsvRow {
  /** The row a spreadsheet shows: the header is row 1. */
  row: number;
  cells: string[];
}

export type CsvTable =
  | { ok: true; header: string[]; rows: CsvRow[] }
  | { ok: false; row: number; message: string };

/**
 * A CSV file as a header and its rows, numbered as a spreadsheet numbers them. A byte order mark (Excel
 * and the government's statistics files start with one) is dropped, and blank lines are skipped. A row
 * with more values than the header has columns is refused: a value holding a comma was not quoted.
 */
export function readCsvTable(text: string): CsvTable {
  let records: string[][];
  try {
    records = readCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, row: 0, message: `The file is not a well-formed CSV file: ${(error as Error).message}.` };
  }
  const [header, ...rest] = records;
  if (!header || header.every((title) => title.trim() === '')) return { ok: false, row: 0, message: 'The file is empty: it has no header row.' };
  const rows: CsvRow[] = [];
  for (const [index, cells] of rest.entries()) {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const extra = cells.findIndex((cell, position) => position >= header.length && cell.trim() !== '');
    if (extra >= 0) {
      return {
        ok: false,
        row,
        message: `Row ${row} has a value in column ${extra + 1} but the header names only ${header.length} columns; a value holding a comma must be in double quotes.`,
      };
    }
    rows.push({ row, cells });
  }
  return { ok: true, header: header.map((title) => title.trim()), rows };
}

/**
 * The position of the first column whose title matches one of the patterns, trying the patterns in
 * order (the preferred layout first), or -1. Titles are compared trimmed and case-blind.
 */
export function findColumn(header: readonly string[], patterns: readonly RegExp[]): number {
  for (const pattern of patterns) {
    const index = header.findIndex((title) => pattern.test(title.trim()));
    if (index >= 0) return index;
  }
  return -1;
}

/** Whole numbers as spreadsheets write them: 29199 or "29,199". Null for anything else. */
export function readWholeNumber(text: string): number | null {
  const value = text.trim();
  if (!/^-?(\d+|\d{1,3}(,\d{3})+)$/.test(value)) return null;
  const number = Number(value.replace(/,/g, ''));
  return Number.isSafeInteger(number) ? number : null;
}
