import { describe, expect, it } from 'vitest';
import { prepareRecord, type GrantRecord } from '../../server/modules/duplicates/grant-record.ts';
import { reasonsInWords } from '../../server/modules/duplicates/same-group.ts';
import { scoreSameWork, sharedPhrase } from '../../server/modules/duplicates/same-work.ts';

const pantry: GrantRecord = {
  id: 'a',
  name: 'Botcherby Community Pantry',
  postcode: 'CA1 2QT',
  title: 'Food parcels for flooded families',
  text: 'Food parcels for flooded families. We pack food parcels for families whose kitchens flooded.',
  tags: ['food'],
  startsOn: '2026-03-01',
  endsOn: '2026-06-30',
};
const church: GrantRecord = {
  id: 'b',
  name: "St Andrew's Church Hall Volunteers",
  postcode: 'CA1 2RS',
  title: 'Emergency food parcels',
  text: 'Emergency food parcels. Volunteers deliver food parcels to families in flooded streets.',
  tags: ['food', 'financial-hardship'],
  startsOn: '2026-02-01',
  endsOn: '2026-09-30',
};

describe('the same work in the same place', () => {
  it('says what both do from their titles, where, and in which months', () => {
    const judgement = scoreSameWork(prepareRecord(pantry), prepareRecord(church));
    expect(judgement.score).toBeGreaterThan(0.9);
    expect(reasonsInWords(judgement)).toEqual([
      'both run food parcels in postcode sector CA1 2, March to June 2026',
      'both tagged Food',
      'descriptions 36% alike',
    ]);
  });

  it('flags nothing in different places, in unknown places, or at different times with unlike work', () => {
    expect(scoreSameWork(prepareRecord(pantry), prepareRecord({ ...church, postcode: 'LA9 4DQ' })).score).toBe(0);
    expect(scoreSameWork(prepareRecord(pantry), prepareRecord({ ...church, postcode: null })).score).toBe(0);
    const unlike = { ...church, title: 'Replacing flood-damaged kit', text: 'Replacing flood-damaged kit. Our pitches and kit were ruined.', tags: ['sport'] };
    expect(scoreSameWork(prepareRecord(pantry), prepareRecord(unlike)).score).toBe(0);
  });

  it('finds the longest shared run of content words within one sentence, as the first text wrote it', () => {
    expect(sharedPhrase('We pack food parcels for families.', 'Volunteers deliver food parcels to families.')).toBe('food parcels for families');
    // A name inside a sentence says where, not what.
    expect(sharedPhrase('Walks around Ashby Fell.', 'Breakfasts in Ashby Fell.')).toBeNull();
    // No run crosses a sentence break.
    expect(sharedPhrase('Hot meals. Delivered daily.', 'Hot meals delivered daily.')).toBe('hot meals');
  });
});
