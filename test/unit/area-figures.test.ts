import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeprivationCsv, parsePopulationCsv } from '../../server/modules/areas/lsoa-figures-csv.ts';
import { sharedDataPath } from '../support/shared-data.ts';

const readImd = (file: string) => readFileSync(sharedDataPath('geo', 'imd2019', file), 'utf8');

const FILE_1_HEADER =
  '\uFEFFLSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank,Index of Multiple Deprivation (IMD) Decile';
const FILE_6_HEADER =
  '\uFEFFLSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),Total population: mid 2015 (excluding prisoners),Dependent Children aged 0-15: mid 2015 (excluding prisoners)';

const csv = (header: string, ...rows: string[]) => [header, ...rows].join('\r\n');

function problemsOf(result: ReturnType<typeof parseDeprivationCsv> | ReturnType<typeof parsePopulationCsv>) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map((problem) => problem.text);
}

describe('the real English Indices of Deprivation 2019 files', () => {
  it('reads the IMD rank and decile of all 32,844 LSOAs from File_1, thousands commas and all', () => {
    const result = parseDeprivationCsv(readImd('File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv'));
    if (!result.ok) throw new Error(result.problems[0].text);
    expect(result.rows).toHaveLength(32_844);
    expect(result.rows[0]).toEqual({ row: 2, code: 'E01000001', name: 'City of London 001A', localAuthorityCode: 'E09000001', imdRank: 29_199, imdDecile: 9 });
    expect(result.rows.find((row) => row.code === 'E01019078')).toMatchObject({ name: 'Allerdale 007A', localAuthorityCode: 'E07000026', imdRank: 30_865, imdDecile: 10 });
    expect(new Set(result.rows.map((row) => row.imdDecile))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  });

  it('reads the population of all 32,844 LSOAs from File_6', () => {
    const result = parsePopulationCsv(readImd('File_6_-_IoD2019_Population_Denominators.csv'));
    if (!result.ok) throw new Error(result.problems[0].text);
    expect(result.rows).toHaveLength(32_844);
    expect(result.rows[0]).toEqual({ row: 2, code: 'E01000001', name: 'City of London 001A', localAuthorityCode: 'E09000001', population: 1_296 });
    expect(result.rows.find((row) => row.code === 'E01019078')?.population).toBe(1_544);
  });
});

describe('columns are found by their titles', () => {
  it('reads columns in any order, with other columns around them and without the optional ones', () => {
    const result = parseDeprivationCsv(
      csv('Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs),Score,LSOA code (2011),Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)', '3,40.1,E01019001,"7,869"'),
    );
    expect(result).toEqual({ ok: true, rows: [{ row: 2, code: 'E01019001', name: null, localAuthorityCode: null, imdRank: 7_869, imdDecile: 3 }] });
  });

  it('says which column is missing and which file to use', () => {
    expect(problemsOf(parseDeprivationCsv(csv('LSOA code (2011),Index of Multiple Deprivation (IMD) Rank', 'E01019001,7869')))).toEqual([
      "The header row has no 'Index of Multiple Deprivation (IMD) Decile' column. Use File_1 of the English Indices of Deprivation (IMD rank and decile by LSOA).",
    ]);
    expect(problemsOf(parsePopulationCsv(csv(FILE_1_HEADER, 'E01019001,Cornwall 068D,E06000052,Cornwall,"7,869",3')))).toEqual([
      "The header row has no 'Total population: mid 2015 (excluding prisoners)' column. Use File_6 of the English Indices of Deprivation (population denominators by LSOA).",
    ]);
    expect(problemsOf(parsePopulationCsv(csv('code,Total population: mid 2015 (excluding prisoners)', 'E01019001,1633')))[0]).toMatch(/^The header row has no 'LSOA code \(2011\)' column\./);
  });
});

describe('problems', () => {
  it('names the row and the column of every bad value, and imports nothing', () => {
    const result = parseDeprivationCsv(
      csv(
        FILE_1_HEADER,
        'E01000001,City of London 001A,E09000001,City of London,"29,199",9',
        'E0100002,City of London 001B,E09000001,City of London,"30,379",10',
        ',No code,E09000001,City of London,"30,379",10',
        'E01000001,City of London 001A,E09000001,City of London,"29,199",9',
        'E01000005,City of London 001E,E09000001,City of London,"8,678",0',
        'E01000006,Barking and Dagenham 016A,E09000002,Barking and Dagenham,"14,486",11',
        'E01000007,Barking and Dagenham 015A,Barking,Barking and Dagenham,"1,2",',
        'S01006506,A data zone,S12000033,Aberdeen City,12,1',
      ),
    );
    expect(problemsOf(result)).toEqual([
      "Row 3, LSOA code (2011): 'E0100002' is not an LSOA code (E01 or W01 and six digits, such as E01019078)",
      'Row 4, LSOA code (2011): empty; every row needs the LSOA code',
      'Row 5, LSOA code (2011): E01000001 is also on row 2; each LSOA must appear once',
      'Row 6, Index of Multiple Deprivation (IMD) Decile: 0 is not a decile from 1 to 10',
      'Row 7, Index of Multiple Deprivation (IMD) Decile: 11 is not a decile from 1 to 10',
      "Row 8, Local Authority District code (2019): 'Barking' is not a local authority code (E06 to E09 or W06 and six digits, such as E07000028)",
      "Row 8, Index of Multiple Deprivation (IMD) Rank: '1,2' is not a rank: a whole number from 1 (the most deprived)",
      'Row 8, Index of Multiple Deprivation (IMD) Decile: empty; give a decile from 1 to 10',
      "Row 9, LSOA code (2011): 'S01006506' is not an LSOA code (E01 or W01 and six digits, such as E01019078)",
      "Row 9, Local Authority District code (2019): 'S12000033' is not a local authority code (E06 to E09 or W06 and six digits, such as E07000028)",
    ]);
    expect(!result.ok && result.problems[4]).toEqual({ row: 7, field: 'Index of Multiple Deprivation (IMD) Decile', message: '11 is not a decile from 1 to 10', text: 'Row 7, Index of Multiple Deprivation (IMD) Decile: 11 is not a decile from 1 to 10' });
  });

  it('refuses populations that are not whole numbers of people', () => {
    expect(problemsOf(parsePopulationCsv(csv(FILE_6_HEADER, 'E01019001,Cornwall 068D,E06000052,Cornwall,-5,171', 'E01019002,Cornwall 068E,E06000052,Cornwall,lots,171', 'E01019003,Cornwall 068F,E06000052,Cornwall,,171')))).toEqual([
      "Row 2, Total population: mid 2015 (excluding prisoners): '-5' is not a number of people (a whole number, 0 or more)",
      "Row 3, Total population: mid 2015 (excluding prisoners): 'lots' is not a number of people (a whole number, 0 or more)",
      'Row 4, Total population: mid 2015 (excluding prisoners): empty; give the number of people',
    ]);
  });

  it('refuses empty files, files of only a header, broken CSV and rows longer than the header', () => {
    expect(problemsOf(parseDeprivationCsv(''))).toEqual(['The file is empty: it has no header row.']);
    expect(problemsOf(parseDeprivationCsv(FILE_1_HEADER))).toEqual(['The file has a header row but no LSOAs.']);
    expect(problemsOf(parseDeprivationCsv(csv(FILE_1_HEADER, 'E01000001,"City of London 001A,E09000001')))[0]).toMatch(/^The file is not a well-formed CSV file: a quoted value that starts on line 2 never ends/);
    const long = parseDeprivationCsv(csv(FILE_1_HEADER, 'E01000001,City of London 001A,E09000001,City of London,29,199,9'));
    expect(long).toEqual({
      ok: false,
      problems: [{ row: 2, field: 'file', message: 'Row 2 has a value in column 7 but the header names only 6 columns; a value holding a comma must be in double quotes.', text: 'Row 2 has a value in column 7 but the header names only 6 columns; a value holding a comma must be in double quotes.' }],
    });
  });
});
