// Reads figures per LSOA in the English Indices of Deprivation CSV layout: File_1 (IMD rank and decile)
// and File_6 (population denominators). Columns are found by their titles, not their order, so the
// other IoD files that carry the same columns (File_7, the 2025 release's files) read as well. All or
// nothing: each problem names the spreadsheet row and the column.
import { AreaKind } from '../../../shared/domain.ts';
import { areaKindOfCode, CODE_EXAMPLES, IMD_DECILES } from '../../../shared/areas.ts';
import { findColumn, readCsvTable, readWholeNumber } from '../../import/csv.ts';
import { type AreaFileProblem, type AreaFileRead, fileProblem, MAX_PROBLEMS, rowProblem, show } from './area-file-problem.ts';
import { MAX_NAME_LENGTH } from './boundary-file.ts';

export interface LsoaRow {
  row: number;
  code: string;
  name: string | null;
  localAuthorityCode: string | null;
}

export interface DeprivationRow extends LsoaRow {
  imdRank: number;
  imdDecile: number;
}

export interface PopulationRow extends LsoaRow {
  population: number;
}

interface Figure<K extends string> {
  key: K;
  /** The column title as the government's file writes it, for "the header row has no … column". */
  title: string;
  patterns: RegExp[];
  /** The number, or what is wrong with the value. */
  read(value: string): number | { problem: string };
}

const CODE_COLUMN = [/^lsoa code/i, /^lsoa\d{2}cd$/i, /^lsoa$/i];
const NAME_COLUMN = [/^lsoa name/i, /^lsoa\d{2}nm$/i];
const AUTHORITY_COLUMN = [/^local authority district code/i, /^lad\d{2}cd$/i];

const IMD_RANK: Figure<'imdRank'> = {
  key: 'imdRank',
  title: 'Index of Multiple Deprivation (IMD) Rank',
  patterns: [/^index of multiple deprivation \(imd\) rank/i],
  read(value) {
    const rank = readWholeNumber(value);
    if (value.trim() === '') return { problem: 'empty; give the rank, 1 being the most deprived' };
    if (rank === null || rank < 1) return { problem: `${show(value)} is not a rank: a whole number from 1 (the most deprived)` };
    return rank;
  },
};

const IMD_DECILE: Figure<'imdDecile'> = {
  key: 'imdDecile',
  title: 'Index of Multiple Deprivation (IMD) Decile',
  patterns: [/^index of multiple deprivation \(imd\) decile/i],
  read(value) {
    const decile = readWholeNumber(value);
    if (value.trim() === '') return { problem: `empty; give a decile from 1 to ${IMD_DECILES}` };
    if (decile === null || decile < 1 || decile > IMD_DECILES) return { problem: `${value.trim()} is not a decile from 1 to ${IMD_DECILES}` };
    return decile;
  },
};

const POPULATION: Figure<'population'> = {
  key: 'population',
  title: 'Total population: mid 2015 (excluding prisoners)',
  patterns: [/^total population/i],
  read(value) {
    const people = readWholeNumber(value);
    if (value.trim() === '') return { problem: 'empty; give the number of people' };
    if (people === null || people < 0) return { problem: `${show(value)} is not a number of people (a whole number, 0 or more)` };
    return people;
  },
};

const HINT = {
  deprivation: 'Use File_1 of the English Indices of Deprivation (IMD rank and decile by LSOA).',
  population: 'Use File_6 of the English Indices of Deprivation (population denominators by LSOA).',
};

export function parseDeprivationCsv(content: string): AreaFileRead<{ rows: DeprivationRow[] }> {
  return parseLsoaFigures(content, [IMD_RANK, IMD_DECILE], HINT.deprivation);
}

export function parsePopulationCsv(content: string): AreaFileRead<{ rows: PopulationRow[] }> {
  return parseLsoaFigures(content, [POPULATION], HINT.population);
}

function parseLsoaFigures<K extends string>(content: string, figures: Figure<K>[], hint: string): AreaFileRead<{ rows: (LsoaRow & Record<K, number>)[] }> {
  const table = readCsvTable(content);
  if (!table.ok) return { ok: false, problems: [table.row > 0 ? { ...fileProblem(table.message), row: table.row } : fileProblem(table.message)] };
  const { header } = table;
  const columns = {
    code: findColumn(header, CODE_COLUMN),
    name: findColumn(header, NAME_COLUMN),
    authority: findColumn(header, AUTHORITY_COLUMN),
  };
  const figureColumns = figures.map((figure) => ({ figure, index: findColumn(header, figure.patterns) }));
  const missing = [...(columns.code < 0 ? ['LSOA code (2011)'] : []), ...figureColumns.filter(({ index }) => index < 0).map(({ figure }) => figure.title)];
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((title) => {
        const message = `The header row has no '${title}' column. ${hint}`;
        return { row: 1, field: title, message, text: message };
      }),
    };
  }
  if (table.rows.length === 0) return { ok: false, problems: [fileProblem('The file has a header row but no LSOAs.')] };

  const problems: AreaFileProblem[] = [];
  const rows: (LsoaRow & Record<K, number>)[] = [];
  const seen = new Map<string, number>();
  const codeTitle = header[columns.code];
  for (const { row, cells } of table.rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const before = problems.length;
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '').trim() : '');
    const code = cell(columns.code);
    if (code === '') problems.push(rowProblem(row, codeTitle, 'empty; every row needs the LSOA code'));
    else if (areaKindOfCode(code) !== AreaKind.LSOA) problems.push(rowProblem(row, codeTitle, `${show(code)} is not an LSOA code (${CODE_EXAMPLES.LSOA})`));
    else if (seen.has(code)) problems.push(rowProblem(row, codeTitle, `${code} is also on row ${seen.get(code)}; each LSOA must appear once`));
    else seen.set(code, row);

    const name = cell(columns.name) || null;
    if (name && name.length > MAX_NAME_LENGTH) problems.push(rowProblem(row, header[columns.name], `is longer than ${MAX_NAME_LENGTH} characters`));
    const authority = cell(columns.authority) || null;
    if (authority && areaKindOfCode(authority) !== AreaKind.LOCAL_AUTHORITY) {
      problems.push(rowProblem(row, header[columns.authority], `${show(authority)} is not a local authority code (${CODE_EXAMPLES.LOCAL_AUTHORITY})`));
    }
    const values = {} as Record<K, number>;
    for (const { figure, index } of figureColumns) {
      const value = figure.read(cells[index] ?? '');
      if (typeof value === 'number') values[figure.key] = value;
      else problems.push(rowProblem(row, header[index], value.problem));
    }
    if (problems.length === before) rows.push({ row, code, name, localAuthorityCode: authority, ...values });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  return { ok: true, rows };
}
