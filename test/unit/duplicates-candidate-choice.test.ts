import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../../server/modules/duplicates/candidate-index.ts';
import { chooseCandidates, FAR_NAME_LIMIT, type NameFound, Nearness, nearness } from '../../server/modules/duplicates/candidate-choice.ts';
import { type GrantRecord, prepareRecord } from '../../server/modules/duplicates/grant-record.ts';
import { NameIndex } from '../../server/modules/duplicates/name-index.ts';

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, n) => `${prefix}${String(n).padStart(3, '0')}`);

describe('nearness', () => {
  it('ranks postcodes as the judgement weighs them, a one-character district typo as the same district', () => {
    expect(nearness('CA1 2AB', 'CA1 2XY')).toBe(Nearness.SAME_SECTOR);
    expect(nearness('CA1 2AB', 'CA1 3AB')).toBe(Nearness.SAME_DISTRICT);
    expect(nearness('CA1 2AB', 'CA11 2AB')).toBe(Nearness.SAME_DISTRICT);
    expect(nearness('CA1 2AB', 'CA11 2AD')).toBe(Nearness.SAME_AREA);
    expect(nearness('CA1 2AB', 'CA2 5AB')).toBe(Nearness.SAME_AREA);
    expect(nearness('SE1 7PB', 'N1 9RL')).toBe(Nearness.SAME_AREA);
    expect(nearness('CA1 2AB', 'LA1 1AA')).toBe(Nearness.FAR);
    expect(nearness('CA1 2AB', null)).toBe(Nearness.UNKNOWN);
    expect(nearness(null, null)).toBe(Nearness.UNKNOWN);
  });
});

describe('chooseCandidates', () => {
  const far = ids('far', FAR_NAME_LIMIT + 5).map((id): NameFound => ({ id, postcode: 'LA1 1AA', closeness: 1 }));
  const near = ids('near', 3).map((id, n): NameFound => ({ id, postcode: `CA1 ${n}AB`, closeness: 0.5 }));
  const found: NameFound[] = [
    ...far,
    ...near,
    { id: 'area', postcode: 'CA2 5AB', closeness: 0.46 },
    { id: 'unknown', postcode: null, closeness: 0.9 },
    // A far record that is also very alike ranks by its closest name.
    { id: 'zfar', postcode: 'LA2 1AA', closeness: 0.5 },
    { id: 'zfar', postcode: 'LA2 1AA', closeness: 1 },
    { id: 'keyed', postcode: 'LA1 1AA', closeness: 1 },
    { id: 'query', postcode: 'CA1 2AB', closeness: 1 },
  ];

  it('judges everything found by a key, by name in the district or of unknown place, and only the nearest, most alike far namesakes', () => {
    const chosen = chooseCandidates({ id: 'query', postcode: 'CA1 2AB' }, ['keyed', 'sector'], found);
    // The same area first, then the far ones by closeness and id: 'zfar' is the last of the equally alike.
    const keptFar = far.slice(0, FAR_NAME_LIMIT - 1).map((record) => record.id);
    expect(chosen).toEqual(['area', ...keptFar, 'keyed', ...near.map((record) => record.id), 'sector', 'unknown'].sort());
    expect(chosen).toHaveLength(2 + near.length + 1 + FAR_NAME_LIMIT);
  });

  it('chooses the same whatever order the records were found in', () => {
    const chosen = chooseCandidates({ id: 'query', postcode: 'CA1 2AB' }, ['sector', 'keyed'], [...found].reverse());
    expect(chosen).toEqual(chooseCandidates({ id: 'query', postcode: 'CA1 2AB' }, ['keyed', 'sector'], found));
  });

  it('judges every namesake for a query with no postcode, since nothing tells near from far', () => {
    const many = ids('many', FAR_NAME_LIMIT * 3).map((id, n): NameFound => ({ id, postcode: n % 2 === 0 ? 'LA1 1AA' : null, closeness: n < 10 ? 0.5 : 1 }));
    expect(chooseCandidates({ id: 'query', postcode: null }, [], many)).toEqual(many.map((record) => record.id));
  });
});

describe('CandidateIndex', () => {
  const grant = (id: string, postcode: string | null, overrides: Partial<GrantRecord> = {}): GrantRecord => ({ id, name: 'Riverside Scout Group', postcode, ...overrides });

  it('reads namesakes near the query and only the nearest far ones, as the PostgreSQL store does', () => {
    const farAway = ids('far', 30).map((id, n) => grant(id, `B${n + 1} 1AA`));
    const index = new CandidateIndex([...farAway, grant('near', 'CA1 4ZZ'), grant('numbered', 'B99 9ZZ', { charityNumber: '1234567' }), grant('other', 'CA1 2XY', { name: 'Botcherby Larder' })]);
    const candidates = index.candidates(prepareRecord(grant('query', 'CA1 2AB', { charityNumber: '1234567' })));
    // The in-memory index has no place keys: a record in the same sector with another name is not found.
    expect(candidates.map((candidate) => candidate.record.id).sort()).toEqual([...farAway.slice(0, FAR_NAME_LIMIT).map((record) => record.id), 'near', 'numbered'].sort());
  });
});

describe('NameIndex', () => {
  it('gives each record’s postcode with its alike names, and by id', () => {
    const index = new NameIndex();
    // Added out of id order: the index puts them in order itself.
    index.add('c', 'riverside scout group', 'CA1 2AB');
    index.add('a', 'riverside scout group', null);
    index.add('b', 'botcherby larder', 'CA1 2XY');
    expect(index.search('riverside scout group', 0.45, 10)).toEqual([
      { recordId: 'a', similarity: 1, postcode: null },
      { recordId: 'c', similarity: 1, postcode: 'CA1 2AB' },
    ]);
    expect(['a', 'b', 'c', 'd'].map((id) => index.postcodeOf(id))).toEqual([null, 'CA1 2XY', 'CA1 2AB', undefined]);
  });
});
