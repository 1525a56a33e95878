import { describe, expect, it } from 'vitest';
import { parsePostcodeCsv } from '../../server/modules/areas/postcode-csv.ts';

// The National Statistics Postcode Lookup's layout, cut down: real files have some forty columns.
const NSPL_HEADER = 'pcd,pcd2,pcds,dointr,doterm,usertype,oa11,cty,laua,ward,lsoa11,msoa11,lsoa21,imd';
const ONSPD_HEADER = 'pcd,pcds,oslaua,osward,lsoa11';

const csv = (header: string, ...rows: string[]) => [header, ...rows].join('\n');

function problemsOf(content: string) {
  const result = parsePostcodeCsv(content);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map((problem) => problem.text);
}

describe('postcode lookups', () => {
  it('reads the NSPL layout: normalised postcodes, the 2011 LSOA before the 2021 one, the ward and local authority', () => {
    const result = parsePostcodeCsv(
      csv(
        NSPL_HEADER,
        'CA1 2AB,CA1  2AB,CA1 2AB,198001,,0,E00096865,E10000006,E07000028,E05003135,E01019210,E02003990,E01019210,9532',
        'CA102AB,CA10 2AB,CA10 2AB,198001,,0,E00097366,E10000006,E07000030,E05003161,E01019294,E02004015,E01019294,20000',
      ),
    );
    expect(result).toEqual({
      ok: true,
      skipped: 0,
      postcodes: [
        { postcode: 'CA1 2AB', lsoaCode: 'E01019210', wardCode: 'E05003135', localAuthorityCode: 'E07000028' },
        { postcode: 'CA10 2AB', lsoaCode: 'E01019294', wardCode: 'E05003161', localAuthorityCode: 'E07000030' },
      ],
    });
  });

  it('reads the ONSPD layout, takes pseudo codes as no area, and passes over postcodes placed nowhere', () => {
    const result = parsePostcodeCsv(csv(ONSPD_HEADER, 'CA1 2AB,ca1 2ab,E07000028,E05003135,E01019210', 'GY1 1AA,GY1 1AA,L99999999,L99999999,L99999999', 'GIR0AA,GIR 0AA,,,', 'CA3 9ZZ,CA3 9ZZ,E07000028,E99999999,'));
    expect(result).toEqual({
      ok: true,
      skipped: 2,
      postcodes: [
        { postcode: 'CA1 2AB', lsoaCode: 'E01019210', wardCode: 'E05003135', localAuthorityCode: 'E07000028' },
        { postcode: 'CA3 9ZZ', lsoaCode: null, wardCode: null, localAuthorityCode: 'E07000028' },
      ],
    });
  });

  it('names the row and column of each bad value', () => {
    expect(problemsOf(csv(ONSPD_HEADER, 'x,CA1 2AB,E07000028,E05003135,E01019210', 'x,NOT A PC,E07000028,E05003135,E01019210', 'x,ca12ab,E07000028,E05003135,E01019210', 'x,CA4 8QQ,E07000028,Botcherby,E01019210', 'x,,E07000028,,'))).toEqual([
      "Row 3, pcds: 'NOT A PC' is not a UK postcode",
      'Row 4, pcds: CA1 2AB is also on row 2; each postcode must appear once',
      "Row 5, osward: 'Botcherby' is not an ONS code (a letter and eight digits, such as E01019078)",
      'Row 6, pcds: empty; every row needs its postcode',
    ]);
  });

  it('refuses a file without a postcode column or any area column, and one placing no postcode', () => {
    expect(problemsOf(csv('code,lsoa11', 'CA1 2AB,E01019210'))[0]).toMatch(/^The header row has no postcode column/);
    expect(problemsOf(csv('pcds,usertype', 'CA1 2AB,0'))[0]).toMatch(/^The header row has no area columns/);
    expect(problemsOf(csv(ONSPD_HEADER, 'x,GY1 1AA,L99999999,L99999999,L99999999'))).toEqual(['No postcode in the file is placed in an area: every row has empty area codes.']);
    expect(problemsOf(csv(ONSPD_HEADER))).toEqual(['The file has a header row but no postcodes.']);
  });
});
