import { describe, expect, it } from 'vitest';
import { DuplicateKind, DuplicateVerdict } from '../../shared/domain.ts';
import { flagInWords, percentSure, reviewInWords, type FlagTerms } from '../../shared/duplicates.ts';

const foodbank = { id: 'a1', reference: 'PF-00012', group: { name: 'Carlisle Foodbank' } };
const again = { id: 'a2', reference: 'PF-00031', group: { name: 'The Carlisle Food Bank CIO' } };
const grant = { funderName: 'Fellside Trust', recipientName: 'Carlisle Food Bank', amountAwardedMinor: 250_000, currency: 'GBP', awardDate: '2026-10-01' };

describe('a duplicate flag in words', () => {
  it('names the other application, seen from either side', () => {
    const flag: FlagTerms = { kind: DuplicateKind.SAME_GROUP, applications: [foodbank, again] };
    expect(flagInWords(flag, 'a1')).toBe('Possible duplicate — same group as PF-00031 The Carlisle Food Bank CIO');
    expect(flagInWords(flag, 'a2')).toBe('Possible duplicate — same group as PF-00012 Carlisle Foodbank');
  });

  it('names a published grant by its recipient, funder, amount and date', () => {
    expect(flagInWords({ kind: 'SAME_WORK', applications: [foodbank], externalGrant: grant }, 'a1')).toBe(
      'Same work, same place as Carlisle Food Bank, funded by Fellside Trust (£2,500 on 1 October 2026)',
    );
    expect(flagInWords({ kind: 'SAME_GROUP', applications: [foodbank], externalGrant: { ...grant, currency: 'EUR', amountAwardedMinor: 99_950 } }, 'a1')).toBe(
      'Possible duplicate — same group as Carlisle Food Bank, funded by Fellside Trust (999.50 EUR on 1 October 2026)',
    );
  });

  it('gives the review with its reviewer and note, or says there is none', () => {
    const flag: FlagTerms = { kind: 'SAME_GROUP', applications: [foodbank, again] };
    expect(reviewInWords(flag)).toBe('not reviewed yet');
    expect(reviewInWords({ ...flag, verdict: DuplicateVerdict.DUPLICATE, note: 'Same food bank.', reviewedBy: { name: 'Dan Officer' } })).toBe('Duplicate, reviewed by Dan Officer: ‘Same food bank.’');
    expect(reviewInWords({ ...flag, verdict: 'NOT_DUPLICATE', note: null, reviewedBy: null })).toBe('Not a duplicate, reviewed');
  });

  it('gives the score as a whole percentage, rounded down so it never claims certainty it lacks', () => {
    expect(percentSure(0.9299)).toBe('92% sure');
    expect(percentSure(0.998)).toBe('99% sure');
    expect(percentSure(0.29)).toBe('29% sure');
    expect(percentSure(1)).toBe('100% sure');
  });
});
