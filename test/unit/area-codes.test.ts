import { describe, expect, it } from 'vitest';
import { areaKindOfCode, demoAreaKindOfCode, kindOfAnyAreaCode } from '../../shared/areas.ts';
import { AreaKind } from '../../shared/domain.ts';

describe('area codes', () => {
  it('reads the kind of a demo code, which importers never take for a real one', () => {
    expect(['RD-D01', 'RD-W03', 'RD-L0312'].map(demoAreaKindOfCode)).toEqual([AreaKind.LOCAL_AUTHORITY, AreaKind.WARD, AreaKind.LSOA]);
    expect(['RD-D01', 'RD-W03', 'RD-L0312'].map(areaKindOfCode)).toEqual([null, null, null]);
    expect(['RD-W3', 'RD-X01', 'rd-w03', 'E05009001', 'RD-L03121'].map(demoAreaKindOfCode)).toEqual([null, null, null, null, null]);
  });

  it('takes real LSOA, ward and local authority codes and demo codes where areas are stored', () => {
    expect(['E01019078', 'E05003114', 'E07000028', 'RD-W04'].map(kindOfAnyAreaCode)).toEqual([AreaKind.LSOA, AreaKind.WARD, AreaKind.LOCAL_AUTHORITY, AreaKind.WARD]);
    // An MSOA, a county, words.
    expect(['E02000001', 'E10000006', 'NEAR THE RIVER'].map(kindOfAnyAreaCode)).toEqual([null, null, null]);
  });
});
