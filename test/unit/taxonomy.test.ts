import { describe, expect, it } from 'vitest';
import { chosenPriorities, journey, validatePage } from '../../shared/apply/questions.ts';
import { restrictionsInWords } from '../../shared/restrictions.ts';
import { PRIORITY_KEY_PATTERN, priorityKeyOf, priorityLabeller } from '../../shared/taxonomy.ts';

describe('priority keys', () => {
  it('are made from labels as lower-case words joined by hyphens, which the table accepts', () => {
    expect(priorityKeyOf('LGBTQ+ people')).toBe('lgbtq-people');
    expect(priorityKeyOf('  Arts & culture ')).toBe('arts-and-culture');
    expect(priorityKeyOf('Café culture — après le déluge')).toBe('cafe-culture-apres-le-deluge');
    expect(priorityKeyOf('!!!')).toBe('');
    expect(priorityKeyOf('x'.repeat(70))).toHaveLength(50);
    for (const label of ['LGBTQ+ people', 'Flood recovery', 'Older people (75+)']) expect(priorityKeyOf(label)).toMatch(PRIORITY_KEY_PATTERN);
  });
});

describe('priority labels', () => {
  it("come from the fund's own taxonomy, then the default one, then the key itself", () => {
    const label = priorityLabeller([
      { key: 'food', label: 'Food and essentials' },
      { key: 'flood-recovery', label: 'Flood recovery' },
    ]);
    expect(['food', 'flood-recovery', 'older-people', 'gone-now'].map(label)).toEqual(['Food and essentials', 'Flood recovery', 'Older people', 'gone-now']);
    expect(restrictionsInWords({ restrictedToPriorities: ['food', 'flood-recovery'], restrictedToAreas: [], excludesUnconstituted: false }, label)).toEqual([
      'Only for Food and essentials, Flood recovery.',
    ]);
    expect(restrictionsInWords({ restrictedToPriorities: ['food'], restrictedToAreas: [], excludesUnconstituted: false })).toEqual(['Only for Food.']);
  });
});

describe('the priorities page of the apply journey', () => {
  const offered = { priorityKeys: ['food', 'isolation', 'older-people'] };

  it('comes after what the work is, and is optional', () => {
    expect(journey({}).slice(-3)).toEqual(['work', 'priorities', 'budget']);
    expect(validatePage('priorities', {}, {}, offered)).toEqual({ ok: true, answers: { priorityTags: '' } });
  });

  it("keeps the fund's keys in the fund's order, from one value, several, or a comma-separated answer", () => {
    expect(validatePage('priorities', { priorityTags: ['older-people', 'food', 'food'] }, {}, offered)).toEqual({ ok: true, answers: { priorityTags: 'food,older-people' } });
    expect(validatePage('priorities', { priorityTags: 'isolation' }, {}, offered)).toEqual({ ok: true, answers: { priorityTags: 'isolation' } });
    expect(chosenPriorities({ priorityTags: 'food,older-people' })).toEqual(['food', 'older-people']);
    expect(chosenPriorities({ priorityTags: '' })).toEqual([]);
  });

  it('refuses keys the fund does not offer, and offers nothing when told nothing', () => {
    const refused = { ok: false, errors: [{ field: 'priorityTags', message: 'Choose from the priorities listed. Some you chose are no longer offered.' }] };
    expect(validatePage('priorities', { priorityTags: ['food', 'sport'] }, {}, offered)).toEqual(refused);
    expect(validatePage('priorities', { priorityTags: 'food' }, {})).toEqual(refused);
  });
});
