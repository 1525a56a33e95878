import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateIndex, isUmbrellaGroup, linkRecords } from '../../server/modules/duplicates/candidate-index.ts';
import { blockingKeys, type GrantRecord, prepareRecord } from '../../server/modules/duplicates/grant-record.ts';
import { isPlaceholderOrgId, nameVariants, normaliseName, postcodeParts, readOrgId, repairGarbling } from '../../server/modules/duplicates/normalise.ts';
import { reasonsInWords, type SameGroupContext, scoreSameGroup } from '../../server/modules/duplicates/same-group.ts';

let nextId = 0;
const record = (overrides: Partial<GrantRecord> & { name: string }): GrantRecord => ({ id: `r${(nextId += 1)}`, ...overrides });
const prepared = (overrides: Partial<GrantRecord> & { name: string }) => prepareRecord(record(overrides));

/** Score to three places and the reasons, as the link command prints them. */
function judge(a: Partial<GrantRecord> & { name: string }, b: Partial<GrantRecord> & { name: string }, context?: SameGroupContext) {
  const judgement = scoreSameGroup(prepared(a), prepared(b), context);
  return { score: Number(judgement.score.toFixed(3)), reasons: reasonsInWords(judgement) };
}

describe('normaliseName', () => {
  it('lower-cases, drops punctuation, legal forms and small words, and keeps what tells groups apart', () => {
    expect(normaliseName('The Carlisle Food Bank Ltd.')).toEqual({
      full: 'the carlisle food bank ltd',
      core: 'carlisle food bank',
      words: ['carlisle', 'food', 'bank'],
      distinctive: ['carlisle', 'food', 'bank'],
    });
    expect(normaliseName("St. John's Ambulance & Friends C.I.C.")).toEqual({
      full: 'saint johns ambulance and friends cic',
      core: 'saint johns ambulance friends',
      words: ['saint', 'johns', 'ambulance', 'friends'],
      distinctive: ['saint', 'johns', 'ambulance', 'friends'],
    });
  });

  it('sets aside words for the kind of body, but keeps them when nothing else is left', () => {
    expect(normaliseName('Compaid Trust').distinctive).toEqual(['compaid']);
    expect(normaliseName('The Community Project').distinctive).toEqual(['community']);
    expect(normaliseName('The Trust').distinctive).toEqual(['trust']);
  });

  it('joins letters written apart, spells out abbreviations and removes legal phrases', () => {
    expect(normaliseName('Action for M.E.').full).toBe('action for me');
    expect(normaliseName('Y.P. Project').full).toBe('young people project');
    expect(normaliseName('Café Nero Community Interest Company').full).toBe('cafe nero');
    expect(normaliseName('Botcherby Assoc & Comm Centre').core).toBe('botcherby association community centre');
  });

  it('reads garbled apostrophes and quotes as the characters they stood for', () => {
    expect(repairGarbling('Womenâ€™s Aid')).toBe("Women's Aid");
    expect(repairGarbling('National Childrenﾒs Bureau')).toBe("National Children's Bureau");
    expect(normaliseName('National Childrenﾒs Bureau').core).toBe(normaliseName("National Children's Bureau").core);
  });

  it('gives back its own full form when that is normalised again', () => {
    const word = fc.constantFrom('The', 'St', 'a', 'b', 'y', 'p', 'Ltd', 'C.I.C.', '&', 'comm', 'interest', 'company', 'charitable', 'incorporated', 'organisation', 'Food', 'Bank', "O'Neil's", 'Café', 'ﾒ', '(formerly', ')', '-', 'M.E.', 'yp', 'org');
    const names = fc.oneof(fc.string(), fc.array(word, { maxLength: 8 }).map((words) => words.join(' ')));
    fc.assert(
      fc.property(names, (name) => {
        const { full } = normaliseName(name);
        expect(normaliseName(full).full).toBe(full);
      }),
      { numRuns: 500 },
    );
  });
});

describe('nameVariants', () => {
  it('adds the name without brackets, a former name, and spelled-out initials', () => {
    expect(nameVariants('SafeLives (formerly Caada)')).toEqual(['SafeLives (formerly Caada)', 'SafeLives', 'Caada']);
    expect(nameVariants('National Children’s Bureau (NCB)')).toEqual(['National Children’s Bureau (NCB)', 'National Children’s Bureau', 'NCB']);
    expect(nameVariants('NCVO - National Council for Voluntary Organisations')).toEqual([
      'NCVO - National Council for Voluntary Organisations',
      'NCVO',
      'National Council for Voluntary Organisations',
    ]);
    expect(nameVariants('Age Concern North Craven /Age UK North Craven')).toEqual(['Age Concern North Craven /Age UK North Craven', 'Age Concern North Craven', 'Age UK North Craven']);
  });

  it('does not take a place or a description in brackets for a name', () => {
    expect(nameVariants('Heeley City Farm (Sheffield)')).toEqual(['Heeley City Farm (Sheffield)', 'Heeley City Farm']);
    expect(nameVariants("Winston's Wish (A grief support programme for children)")).toEqual(["Winston's Wish (A grief support programme for children)", "Winston's Wish"]);
    expect(nameVariants('Age UK - Walsall')).toEqual(['Age UK - Walsall']);
  });
});

describe('readOrgId', () => {
  it('reads charity, Scottish charity, company and society numbers from 360Giving org ids', () => {
    expect(readOrgId('GB-CHC-01063068')).toEqual({ charityNumber: '1063068', companyNumber: null, other: null });
    expect(readOrgId('GB-SC-SC043105')).toEqual({ charityNumber: 'SC43105', companyNumber: null, other: null });
    // A letter O typed for the zero of a Scottish number.
    expect(readOrgId('GB-SC-SCO43105')).toEqual({ charityNumber: 'SC43105', companyNumber: null, other: null });
    expect(readOrgId('GB-COH-4255397')).toEqual({ charityNumber: null, companyNumber: '04255397', other: null });
    // A society number filed under the charity scheme is still the society.
    expect(readOrgId('GB-CHC-28699R')).toEqual({ charityNumber: null, companyNumber: 'IP28699R', other: null });
    expect(readOrgId('GB-COH-IP28699R')).toEqual({ charityNumber: null, companyNumber: 'IP28699R', other: null });
  });

  it("keeps a publisher's own id, or one it cannot read as a number, as the id itself", () => {
    expect(readOrgId('360G-wolfson:org-13177')).toEqual({ charityNumber: null, companyNumber: null, other: '360G-WOLFSON:ORG-13177' });
    expect(readOrgId('GB-CHC-IT/4002/09')).toEqual({ charityNumber: null, companyNumber: null, other: 'GB-CHC-IT/4002/09' });
  });

  it('reads placeholders as no id at all', () => {
    const none = { charityNumber: null, companyNumber: null, other: null };
    for (const id of ['DUMMY', 'DUMMY01', 'GB-REV', 'GB-CHC-n/a', 'GB-CHC-', 'GB-COH-NA', 'GB-CHC-0000', '360G-ocf-org:', 'GB-COH-the-windmill-charlton', ' ', null, undefined]) {
      expect(readOrgId(id)).toEqual(none);
      expect(isPlaceholderOrgId(id)).toBe(true);
    }
    expect(isPlaceholderOrgId('GB-CHC-1000')).toBe(false);
  });
});

describe('postcodeParts', () => {
  it('splits a postcode into sector and district, and refuses one whose space is in the wrong place', () => {
    expect(postcodeParts('ca11aa')).toEqual({ full: 'CA1 1AA', sector: 'CA1 1', district: 'CA1' });
    expect(postcodeParts('PE159LS')).toEqual({ full: 'PE15 9LS', sector: 'PE15 9', district: 'PE15' });
    expect(postcodeParts('W12 TX')).toBeNull();
    expect(postcodeParts('not a postcode')).toBeNull();
  });
});

describe('scoreSameGroup', () => {
  it('counts the same bank account above all', () => {
    expect(judge({ name: 'Botcherby Community Pantry', bankHash: 'k1', postcode: 'CA1 2AB' }, { name: 'Botcherby Pantry', bankHash: 'k1', postcode: 'CA1 2AB' })).toEqual({
      score: 1,
      reasons: ['same bank account', 'same postcode (in CA1 2)', "'Botcherby Community Pantry' has every word that marks out 'Botcherby Pantry'"],
    });
  });

  it('says how alike two names are, as a percentage', () => {
    expect(judge({ name: 'Upperby Food Larder', postcode: 'CA1 2AB' }, { name: 'Upperby Food Pantry Larder', postcode: 'CA1 2AB' })).toEqual({
      score: 0.881,
      reasons: ['same postcode (in CA1 2)', "names 74% alike: 'Upperby Food Larder' / 'Upperby Food Pantry Larder'"],
    });
    expect(judge({ name: 'Carlisle Food Bank Hub', postcode: 'CA1 2AB' }, { name: 'Carlisle Food Banks', postcode: 'CA2 4AA' })).toEqual({
      score: 0.076,
      reasons: ["names 73% alike: 'Carlisle Food Bank Hub' / 'Carlisle Food Banks'", 'postcodes in different districts: CA1 / CA2'],
    });
  });

  it('counts a name held within another, words for the kind of body aside, only with more to go on', () => {
    expect(judge({ name: 'Upperby Community Larder', postcode: 'CA1 2AB' }, { name: 'Upperby Larder Project CIO', postcode: 'CA1 2AB' })).toEqual({
      score: 0.818,
      reasons: ['same postcode (in CA1 2)', "'Upperby Community Larder' has every word that marks out 'Upperby Larder Project CIO'"],
    });
    expect(judge({ name: 'Botcherby Youth Club' }, { name: 'Botcherby Youth Centre' })).toEqual({
      score: 0.119,
      reasons: ["'Botcherby Youth Centre' has every word that marks out 'Botcherby Youth Club'"],
    });
  });

  it('reads a typo, a word for the kind of body, and initials as the same name', () => {
    expect(judge({ name: 'Carlisle Food Bank', postcode: 'CA1 2AB' }, { name: 'Carlise Food Bank', postcode: 'CA1 2AD' })).toEqual({
      score: 0.924,
      reasons: ["same name but for spelling: 'Carlisle Food Bank' / 'Carlise Food Bank'", 'postcodes in the same sector CA1 2'],
    });
    expect(judge({ name: 'Compaid', postcode: 'TN12 6BU' }, { name: 'Compaid Trust', postcode: 'TN12 6BU' })).toEqual({
      score: 0.924,
      reasons: ['same postcode (in TN12 6)', "same name but for the kind of body: 'Compaid' / 'Compaid Trust'"],
    });
    expect(judge({ name: 'NCVO', postcode: 'N1 9RL' }, { name: 'National Council for Voluntary Organisations', postcode: 'N1 9RL' })).toEqual({
      score: 0.971,
      reasons: ["one name is the initials of the other: 'NCVO' / 'National Council for Voluntary Organisations'", 'same postcode (in N1 9)'],
    });
    expect(judge({ name: 'SafeLives (formerly Caada)' }, { name: 'CAADA' })).toEqual({
      score: 0.731,
      reasons: ["same name once written the same way: 'Caada' / 'CAADA'"],
    });
  });

  it('does not count an umbrella charity number, and says so', () => {
    const umbrella: SameGroupContext = { isUmbrella: (key) => key === 'charity:306101' };
    expect(judge({ name: '4th Bristol Scout Group', charityNumber: '306101' }, { name: '19th Walsall Scout Group', charityNumber: '306101' }, umbrella)).toEqual({
      score: 0,
      reasons: ["names unlike: '4th Bristol Scout Group' / '19th Walsall Scout Group'", 'same charity number 306101, but it covers several differently named groups, so it is not counted'],
    });
    expect(judge({ name: '4th Bristol Scout Group', charityNumber: '306101' }, { name: '19th Walsall Scout Group', charityNumber: '306101' }).score).toBe(0.999);
  });

  it('counts different charity numbers strongly against, even with the same name', () => {
    expect(judge({ name: 'Carlisle Food Bank', charityNumber: '1234567' }, { name: 'Carlisle Food Bank', charityNumber: '7654321' })).toEqual({
      score: 0.007,
      reasons: ['different charity numbers 1234567 / 7654321', "same name once written the same way: 'Carlisle Food Bank' / 'Carlisle Food Bank'"],
    });
  });

  it('tells branches of one federation apart by the words that differ', () => {
    expect(judge({ name: 'Age UK Carlisle', postcode: 'CA1 2AB' }, { name: 'Age UK Penrith', postcode: 'CA11 7AA' }).score).toBeLessThan(0.05);
  });

  it('weighs one-word names less when they are far apart', () => {
    expect(judge({ name: 'Doorway', postcode: 'CV11 5QJ' }, { name: 'Doorway', postcode: 'SN15 1HB' })).toEqual({
      score: 0.182,
      reasons: ["same name once written the same way: 'Doorway' / 'Doorway'", 'postcodes far apart: CV11 / SN15'],
    });
  });

  it('does not count two names with no words in them as the same name', () => {
    expect(judge({ name: '???' }, { name: '' })).toEqual({ score: 0, reasons: ["names unlike: '???' / ''"] });
  });

  it('is symmetric and a probability', () => {
    const names = fc.constantFrom('Carlisle Food Bank', 'Carlise Food Bank Ltd', 'The Bridge', 'Bridge Trust', 'NCVO', 'National Council for Voluntary Organisations', 'SafeLives (formerly Caada)', 'Age UK Carlisle', 'Age UK', 'Catch22', 'Catch 22', 'Trail-Blazers', 'Trailblazers Mentoring');
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    const records = fc.record({
      name: fc.oneof(names, fc.string({ maxLength: 30 })),
      charityNumber: maybe(fc.constantFrom('1234567', '7654321', '306101')),
      postcode: maybe(fc.constantFrom('CA1 2AB', 'CA1 2AD', 'CA11 2AB', 'CA2 5XX', 'N1 9RL', 'SW1A 1AA')),
      bankHash: maybe(fc.constantFrom('k1', 'k2')),
      hostName: maybe(fc.constant('Carlisle CVS')),
      text: maybe(fc.constantFrom('Food parcels for families', 'A warm space and food parcels', 'Football for young people')),
    });
    const umbrella: SameGroupContext = { isUmbrella: (key) => key === 'charity:306101' };
    fc.assert(
      fc.property(records, records, (a, b) => {
        const [x, y] = [prepared(a), prepared(b)];
        const forwards = scoreSameGroup(x, y, umbrella).score;
        expect(forwards).toBeGreaterThanOrEqual(0);
        expect(forwards).toBeLessThanOrEqual(1);
        expect(scoreSameGroup(y, x, umbrella).score).toBe(forwards);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('blockingKeys', () => {
  it('puts a group beside others by its numbers, postcode, and every name it goes by', () => {
    expect(blockingKeys(prepared({ name: 'NCVO - National Council for Voluntary Organisations', charityNumber: '225922', postcode: 'n1 9rl' }))).toEqual([
      'charity:225922',
      'postcode:N1 9RL',
      'name:council national ncvo organisations voluntary',
      'name:nncvo',
      'name:nncfvo',
      'name:ncvo',
      'name:council national organisations voluntary',
      'name:ncfvo',
    ]);
  });
});

describe('CandidateIndex', () => {
  const scouts = ['1st Witham Scout Group', '14th Eastleigh Scout Group', '82nd Bristol Scout Group'].map((name) => record({ name, orgId: 'GB-CHC-306101' }));

  it('finds umbrella numbers from the names that share them', () => {
    expect(isUmbrellaGroup(scouts.map(prepareRecord))).toBe(true);
    expect(isUmbrellaGroup([prepared({ name: 'NCVO' }), prepared({ name: 'National Council for Voluntary Organisations' }), prepared({ name: 'NCVO - National Council for Voluntary Organisations' })])).toBe(false);
  });

  it('links the same group under its number, but not groups that only share an umbrella number', () => {
    const foodBank = record({ id: 'corpus-food-bank', name: 'Carlisle Foodbank', orgId: 'GB-CHC-1234567', postcode: 'CA1 2AB' });
    const index = new CandidateIndex([...scouts, foodBank]);
    expect(index.link(record({ name: '4th Bristol Scout Group', orgId: 'GB-CHC-306101' }), 0.5)).toEqual([]);
    const [link, ...others] = index.link(record({ id: 'query', name: 'The Carlisle Food Bank', charityNumber: '1234567' }), 0.5);
    expect(others).toEqual([]);
    expect(link).toEqual({
      queryId: 'query',
      matchId: 'corpus-food-bank',
      score: expect.closeTo(1, 4),
      reasons: ['same charity number 1234567', "same name once written the same way: 'The Carlisle Food Bank' / 'Carlisle Foodbank'"],
    });
  });

  it('does not link a grant to itself', () => {
    const grant = record({ id: 'same', name: 'Carlisle Food Bank' });
    expect(linkRecords([grant], [grant], 0.5)).toEqual([]);
  });
});
