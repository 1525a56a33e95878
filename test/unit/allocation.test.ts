import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  proportionalSplit,
  restrictionBlocking,
  type AllocationAward,
  type AllocationContribution,
  type AllocationInput,
} from '../../server/modules/panels/allocation.ts';

const contribution = (overrides: Partial<AllocationContribution> & { id: string }): AllocationContribution => ({
  funderName: overrides.id,
  availablePence: 1000,
  restrictedToPriorities: [],
  restrictedToAreas: [],
  excludesUnconstituted: false,
  restrictedToPhaseId: null,
  spendBy: null,
  ...overrides,
});

const award = (overrides: Partial<AllocationAward> & { id: string }): AllocationAward => ({
  amountPence: 1000,
  priorities: [],
  areaCodes: [],
  unconstituted: false,
  phaseId: 'emergency',
  decidedOn: '2026-11-26',
  ...overrides,
});

// Random funds: a few contributions with restrictions drawn from small vocabularies, so that
// restrictions often matter, and a few awards competing for them.
const PRIORITIES = ['food', 'isolation', 'arts'];
const AREAS = ['W01', 'W02'];
const arbitraryContribution = (id: string) =>
  fc.record({
    id: fc.constant(id),
    funderName: fc.constant(id),
    availablePence: fc.integer({ min: 0, max: 5000 }),
    restrictedToPriorities: fc.subarray(PRIORITIES),
    restrictedToAreas: fc.subarray(AREAS),
    excludesUnconstituted: fc.boolean(),
    restrictedToPhaseId: fc.constantFrom(null, 'emergency', 'recovery'),
    spendBy: fc.constantFrom(null, '2026-11-01', '2027-03-31'),
  });
const arbitraryAward = (id: string) =>
  fc.record({
    id: fc.constant(id),
    amountPence: fc.integer({ min: 1, max: 4000 }),
    priorities: fc.subarray(PRIORITIES, { minLength: 1 }),
    areaCodes: fc.subarray(AREAS, { minLength: 1, maxLength: 1 }),
    unconstituted: fc.boolean(),
    phaseId: fc.constantFrom('emergency', 'recovery'),
    decidedOn: fc.constant('2026-11-26'),
  });
const arbitraryFund: fc.Arbitrary<AllocationInput> = fc
  .record({ awards: fc.integer({ min: 1, max: 6 }), contributions: fc.integer({ min: 1, max: 5 }) })
  .chain(({ awards, contributions }) =>
    fc.record({
      awards: fc.tuple(...Array.from({ length: awards }, (_, i) => arbitraryAward(`award-${i}`))),
      contributions: fc.tuple(...Array.from({ length: contributions }, (_, i) => arbitraryContribution(`c-${i}`))),
      reservePence: fc.integer({ min: 0, max: 3000 }),
    }),
  );

/** An independent answer to "can every award be paid?": Hall's condition over every subset of awards. */
function feasibleByEnumeration({ awards, contributions, reservePence }: AllocationInput): boolean {
  const spendable = contributions.reduce((sum, c) => sum + c.availablePence, 0) - reservePence;
  for (let mask = 1; mask < 1 << awards.length; mask += 1) {
    const chosen = awards.filter((_, i) => mask & (1 << i));
    const demand = chosen.reduce((sum, a) => sum + a.amountPence, 0);
    const neighbours = contributions.filter((c) => chosen.some((a) => restrictionBlocking(c, a) === null));
    const supply = Math.min(neighbours.reduce((sum, c) => sum + c.availablePence, 0), spendable);
    if (demand > supply) return false;
  }
  return true;
}

describe('allocate', () => {
  it('keeps every invariant, and finds a split exactly when one exists, on thousands of random funds', () => {
    const seen = { feasible: 0, infeasible: 0 };
    fc.assert(
      fc.property(arbitraryFund, (input) => {
        const result = allocate(input);
        expect(result.ok).toBe(feasibleByEnumeration(input));
        seen[result.ok ? 'feasible' : 'infeasible'] += 1;
        if (!result.ok) {
          expect(result.shortfalls.length).toBeGreaterThan(0);
          return;
        }
        for (const a of input.awards) {
          expect(result.draws.filter((d) => d.awardId === a.id).reduce((sum, d) => sum + d.amountPence, 0)).toBe(a.amountPence);
        }
        for (const c of input.contributions) {
          expect(result.draws.filter((d) => d.contributionId === c.id).reduce((sum, d) => sum + d.amountPence, 0)).toBeLessThanOrEqual(c.availablePence);
        }
        for (const draw of result.draws) {
          expect(draw.amountPence).toBeGreaterThan(0);
          expect(Number.isInteger(draw.amountPence)).toBe(true);
          const a = input.awards.find((x) => x.id === draw.awardId)!;
          const c = input.contributions.find((x) => x.id === draw.contributionId)!;
          expect(restrictionBlocking(c, a)).toBeNull();
        }
        const total = result.draws.reduce((sum, d) => sum + d.amountPence, 0);
        expect(total).toBeLessThanOrEqual(input.contributions.reduce((sum, c) => sum + c.availablePence, 0) - input.reservePence);
      }),
      { numRuns: 3000, seed: 20261123 },
    );
    // Both kinds of fund were tried, plenty of each, so neither branch passes by never running.
    expect(seen.feasible).toBeGreaterThan(300);
    expect(seen.infeasible).toBeGreaterThan(300);
  });

  it('draws on each open contribution in proportion to what it has available when money is not short', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 50_000 }), (balances, amount) => {
        const total = balances.reduce((a, b) => a + b, 0);
        fc.pre(total >= amount * 2);
        const contributions = balances.map((availablePence, i) => contribution({ id: `c-${i}`, availablePence }));
        const result = allocate({ awards: [award({ id: 'a', amountPence: amount })], contributions, reservePence: 0 });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const shares = proportionalSplit(amount, balances);
        expect(contributions.map((c) => result.draws.find((d) => d.contributionId === c.id)?.amountPence ?? 0)).toEqual(shares);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('does not strand money where deciding awards one at a time, first fit, would', () => {
    const contributions = [
      contribution({ id: 'trust', funderName: 'Fellside Trust', availablePence: 1000 }),
      contribution({ id: 'council', funderName: 'County Council', availablePence: 1000, restrictedToPriorities: ['food'] }),
    ];
    const awards = [award({ id: 'food-bank', priorities: ['food'] }), award({ id: 'arts-club', priorities: ['arts'] })];

    // First fit, award by award, in the order they were decided.
    const left = new Map(contributions.map((c) => [c.id, c.availablePence]));
    const stranded = awards.map((a) => {
      let need = a.amountPence;
      for (const c of contributions) {
        if (restrictionBlocking(c, a) !== null) continue;
        const take = Math.min(need, left.get(c.id)!);
        left.set(c.id, left.get(c.id)! - take);
        need -= take;
      }
      return need;
    });
    expect(stranded).toEqual([0, 1000]);

    expect(allocate({ awards, contributions, reservePence: 0 })).toEqual({
      ok: true,
      draws: [
        { awardId: 'food-bank', contributionId: 'council', amountPence: 1000 },
        { awardId: 'arts-club', contributionId: 'trust', amountPence: 1000 },
      ],
    });
  });

  it('says which restriction blocks an award when no split exists', () => {
    const result = allocate({
      awards: [award({ id: 'mutual-aid', amountPence: 1500, unconstituted: true, phaseId: 'emergency' })],
      contributions: [
        contribution({ id: 'trust', funderName: 'Fellside Trust', availablePence: 1000 }),
        contribution({ id: 'council', funderName: 'County Council', availablePence: 5000, excludesUnconstituted: true }),
        contribution({ id: 'nhs', funderName: 'NHS ICB', availablePence: 5000, restrictedToPhaseId: 'recovery' }),
      ],
      reservePence: 0,
    });
    expect(result).toEqual({
      ok: false,
      shortfalls: [
        {
          awardId: 'mutual-aid',
          missingPence: 500,
          reasons: [
            "Only £10 of the fund's money may be used for this award.",
            "County Council's money may not go to unconstituted groups",
            "NHS ICB's money is for another phase",
          ],
        },
      ],
    });
  });

  it('never touches the reserve', () => {
    const result = allocate({ awards: [award({ id: 'a', amountPence: 900 })], contributions: [contribution({ id: 'c', availablePence: 1000 })], reservePence: 200 });
    expect(result).toEqual({
      ok: false,
      shortfalls: [{ awardId: 'a', missingPence: 100, reasons: ["£10 of the fund's money may be used for this award, but other awards in this meeting need the same money.", '£2 is held in reserve and cannot be used.'] }],
    });
  });

  it('settles a full meeting of 150 awards over 12 contributions', () => {
    const contributions = Array.from({ length: 12 }, (_, i) => contribution({ id: `c-${i}`, availablePence: 200_000 + i * 10_000, restrictedToPriorities: i % 3 === 0 ? ['food'] : [] }));
    const awards = Array.from({ length: 150 }, (_, i) => award({ id: `a-${i}`, amountPence: 15_000 + (i % 7) * 1_000, priorities: [i % 2 === 0 ? 'food' : 'arts'] }));
    const result = allocate({ awards, contributions, reservePence: 0 });
    expect(result.ok).toBe(true);
  });
});

describe('restrictionBlocking', () => {
  it('names the restriction as people read it when the names are given, and by its keys otherwise', () => {
    const food = award({ id: 'a', priorities: ['arts'], areaCodes: ['W01'] });
    const keyed = contribution({ id: 'c', funderName: 'Council', restrictedToPriorities: ['food', 'financial-hardship'] });
    expect(restrictionBlocking(keyed, food)).toBe("Council's money is only for food, financial-hardship");
    expect(restrictionBlocking({ ...keyed, priorityNames: ['Food', 'Financial hardship'] }, food)).toBe("Council's money is only for Food, Financial hardship");
    const placed = contribution({ id: 'd', funderName: 'Water', restrictedToAreas: ['W02'], areaNames: ['Valley Ward'] });
    expect(restrictionBlocking(placed, food)).toBe("Water's money is only for Valley Ward");
  });
});

describe('proportionalSplit', () => {
  it('splits whole pence that add up to the total', () => {
    expect(proportionalSplit(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(proportionalSplit(1000, [3000, 1000, 0])).toEqual([750, 250, 0]);
    expect(proportionalSplit(5, [0, 0])).toEqual([0, 0]);
  });
});
