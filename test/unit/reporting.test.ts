import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  checkReportingBands,
  checkReportPage,
  isIsoDate,
  nextUnansweredPage,
  reportingFor,
  ReportingRequirement,
  reportPages,
  StoryConsent,
} from '../../shared/reporting.ts';
import { sniffImageType } from '../../server/modules/reports/report-photo.ts';

const BANDS = { sentencesFromPence: 300_00, shortFormFromPence: 1500_00, dueWeeks: 8 };

describe('reporting bands', () => {
  it('ask nothing below the first band, a few sentences up to the second, then the short form', () => {
    expect([0, 299_99, 300_00, 1499_99, 1500_00, 9_000_00].map((pence) => reportingFor(pence, BANDS))).toEqual([
      ReportingRequirement.NONE,
      ReportingRequirement.NONE,
      ReportingRequirement.SENTENCES,
      ReportingRequirement.SENTENCES,
      ReportingRequirement.SHORT_FORM,
      ReportingRequirement.SHORT_FORM,
    ]);
    // Without a fund's own policy: sentences under £1,000, the short form from £1,000.
    expect([reportingFor(999_99), reportingFor(1000_00)]).toEqual([ReportingRequirement.SENTENCES, ReportingRequirement.SHORT_FORM]);
  });

  it('are checked as the coordinator sets them', () => {
    expect(checkReportingBands(BANDS)).toEqual([]);
    expect(checkReportingBands({ sentencesFromPence: -1, shortFormFromPence: 1.5, dueWeeks: 105 })).toEqual([
      { field: 'sentencesFromPence', message: 'Enter the amount in whole pence, 0 or more.' },
      { field: 'shortFormFromPence', message: 'Enter the amount in whole pence, 0 or more.' },
      { field: 'dueWeeks', message: 'Enter a number of weeks from 1 to 104.' },
    ]);
  });

  it('put the due date whole weeks after the award, across months and years', () => {
    expect([addWeeks('2026-11-23', 8), addWeeks('2026-12-30', 1), addWeeks('2027-02-22', 1)]).toEqual(['2027-01-18', '2027-01-06', '2027-03-01']);
    expect([isIsoDate('2027-02-28'), isIsoDate('2027-02-29'), isIsoDate('2027-2-1'), isIsoDate('soon')]).toEqual([true, false, false, false]);
  });
});

describe('report pages', () => {
  it('follow the requirement, the photo never holding the group up', () => {
    expect(reportPages(ReportingRequirement.SENTENCES)).toEqual(['sentences', 'photo', 'sharing']);
    expect(nextUnansweredPage(ReportingRequirement.SENTENCES, { sentences: 'We met.' })).toBe('sharing');
    expect(nextUnansweredPage(ReportingRequirement.SHORT_FORM, { whatHappened: 'x', peopleCount: 0, story: 'y', whatChanged: 'z', moneyLeftPence: 0, storyConsent: StoryConsent.FUNDERS })).toBeNull();
  });

  it('turn typed answers into stored ones, or say what to fix', () => {
    expect(checkReportPage('people', { peopleCount: ' 1,200 ' }, 100_00)).toEqual({ ok: true, answers: { peopleCount: 1200 } });
    expect(checkReportPage('people', { peopleCount: '-3' }, 100_00)).toEqual({ ok: false, errors: [{ field: 'peopleCount', message: 'Enter a whole number from 0 to 1,000,000, like 40.' }] });
    expect(checkReportPage('money-left', { anyLeft: 'no', moneyLeft: 'ignored' }, 100_00)).toEqual({ ok: true, answers: { moneyLeftPence: 0 } });
    expect(checkReportPage('money-left', { anyLeft: 'yes', moneyLeft: '12.5' }, 100_00)).toEqual({ ok: true, answers: { moneyLeftPence: 1250 } });
    expect(checkReportPage('money-left', { anyLeft: 'yes', moneyLeft: '0' }, 100_00)).toEqual({ ok: false, errors: [{ field: 'moneyLeft', message: 'Enter how much is left over in pounds, like 25.50.' }] });
    expect(checkReportPage('sharing', { storyConsent: 'PUBLIC' }, 100_00)).toEqual({ ok: true, answers: { storyConsent: StoryConsent.PUBLIC } });
    expect(checkReportPage('story', { story: 'a '.repeat(301) }, 100_00)).toEqual({ ok: false, errors: [{ field: 'story', message: 'Use 300 words or fewer.' }] });
  });
});

describe('photo types', () => {
  it('are told by their first bytes', () => {
    const bytes = (...values: number[]) => Uint8Array.from(values);
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('jpeg');
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
  });
});
