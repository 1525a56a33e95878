import { describe, expect, it } from 'vitest';
import { findColumn, readCsv, readCsvTable, readWholeNumber } from '../../server/import/csv.ts';

describe('readCsv', () => {
  it('reads quoted values with commas, doubled quotes and line breaks, and CRLF line ends', () => {
    expect(readCsv('a,"b, ""quoted"" c",d\r\n"two\r\nlines",,""\r\n')).toEqual([
      ['a', 'b, "quoted" c', 'd'],
      ['two\r\nlines', '', ''],
    ]);
  });

  it('keeps a last line without a line end, even one that is just an empty quoted value', () => {
    expect(readCsv('x,y\n1,2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
    expect(readCsv('x\n""')).toEqual([['x'], ['']]);
  });

  it('keeps a quote inside an unquoted value as it is', () => {
    expect(readCsv('5" screen,b')).toEqual([['5" screen', 'b']]);
  });

  it('refuses a quoted value that never ends, naming the line it starts on', () => {
    expect(() => readCsv('a,b\nc,"never\nends')).toThrow('a quoted value that starts on line 2 never ends; a closing " is missing');
  });

  it('refuses text after a closing quote', () => {
    expect(() => readCsv('a\n"He said "hi" there"')).toThrow('on line 2 a quoted value is followed by more text before the next comma');
  });
});

describe('readCsvTable', () => {
  it('drops the byte order mark, trims titles, numbers rows as a spreadsheet does and skips blank lines', () => {
    expect(readCsvTable('\uFEFFcode , name\nE01000001,"City of London 001A"\n\n,\nE01000002,B\n')).toEqual({
      ok: true,
      header: ['code', 'name'],
      rows: [
        { row: 2, cells: ['E01000001', 'City of London 001A'] },
        { row: 5, cells: ['E01000002', 'B'] },
      ],
    });
  });

  it('refuses a row with more values than the header has columns, naming the row', () => {
    expect(readCsvTable('a,b\n1,2\n3,4,5')).toEqual({
      ok: false,
      row: 3,
      message: 'Row 3 has a value in column 3 but the header names only 2 columns; a value holding a comma must be in double quotes.',
    });
  });

  it('refuses an empty file and a malformed one', () => {
    expect(readCsvTable('')).toEqual({ ok: false, row: 0, message: 'The file is empty: it has no header row.' });
    expect(readCsvTable('\uFEFF , \n')).toMatchObject({ ok: false, row: 0 });
    expect(readCsvTable('a\n"open')).toEqual({ ok: false, row: 0, message: 'The file is not a well-formed CSV file: a quoted value that starts on line 2 never ends; a closing " is missing.' });
  });
});

describe('findColumn', () => {
  const header = ['LSOA code (2011)', 'Index of Multiple Deprivation (IMD) Rank', 'Index of Multiple Deprivation (IMD) Decile'];

  it('finds a column by its title, trying the preferred title first', () => {
    expect(findColumn(header, [/^index of multiple deprivation \(imd\) decile/i])).toBe(2);
    expect(findColumn(header, [/^lsoa21/i, /^lsoa code/i])).toBe(0);
    expect(findColumn(header, [/^population/i])).toBe(-1);
  });
});

describe('readWholeNumber', () => {
  it('reads whole numbers with or without thousands commas, and nothing else', () => {
    expect(readWholeNumber('29,199')).toBe(29199);
    expect(readWholeNumber(' 1296 ')).toBe(1296);
    expect(readWholeNumber('1,2')).toBeNull();
    expect(readWholeNumber('12.5')).toBeNull();
    expect(readWholeNumber('')).toBeNull();
    expect(readWholeNumber('ten')).toBeNull();
  });
});
