import { describe, expect, it } from 'vitest';
import { formatLondonDateTime, londonParts, londonTimeToUtc, nextWeekly, parseTimeOfDay } from '../../shared/london-time.ts';

// 2026: clocks go forward (GMT -> BST) at 01:00 UTC on Sunday 29 March, and back (BST -> GMT) at
// 01:00 UTC on Sunday 25 October. Every expected instant below was worked out by hand.
const at = (iso: string) => new Date(iso);
const THURSDAY = 4;
const SUNDAY = 7;
const MONDAY = 1;

describe('nextWeekly', () => {
  it('gives the same day when the time is still ahead in London (BST)', () => {
    // Thursday 22 October, 13:30 BST; 14:00 BST is 13:00 UTC.
    expect(nextWeekly(at('2026-10-22T12:30:00Z'), THURSDAY, '14:00').toISOString()).toBe('2026-10-22T13:00:00.000Z');
  });

  it('moves to next week, across the autumn change, when the time has passed', () => {
    // 13:30 UTC is 14:30 BST, after 14:00 BST (13:00 UTC); the next Thursday is in GMT.
    expect(nextWeekly(at('2026-10-22T13:30:00Z'), THURSDAY, '14:00').toISOString()).toBe('2026-10-29T14:00:00.000Z');
  });

  it('moves to next week, across the spring change, into BST', () => {
    // Thursday 26 March, 14:30 GMT; the next Thursday is 2 April, 14:00 BST = 13:00 UTC.
    expect(nextWeekly(at('2026-03-26T14:30:00Z'), THURSDAY, '14:00').toISOString()).toBe('2026-04-02T13:00:00.000Z');
  });

  it('keeps a Monday morning panel at 09:00 London on both sides of each change', () => {
    expect(nextWeekly(at('2026-10-24T10:00:00Z'), MONDAY, '09:00').toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(nextWeekly(at('2026-03-28T10:00:00Z'), MONDAY, '09:00').toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('counts days in London, not UTC', () => {
    // 23:30 UTC on Wednesday 21 October is already 00:30 BST on Thursday 22 October.
    expect(nextWeekly(at('2026-10-21T23:30:00Z'), THURSDAY, '14:00').toISOString()).toBe('2026-10-22T13:00:00.000Z');
    // 23:30 UTC on Wednesday 25 November is still Wednesday in GMT.
    expect(nextWeekly(at('2026-11-25T23:30:00Z'), THURSDAY, '14:00').toISOString()).toBe('2026-11-26T14:00:00.000Z');
  });

  it('is strictly after: a meeting starting now is not the next one', () => {
    expect(nextWeekly(at('2026-11-26T14:00:00Z'), THURSDAY, '14:00').toISOString()).toBe('2026-12-03T14:00:00.000Z');
    expect(nextWeekly(at('2026-11-26T13:59:59.999Z'), THURSDAY, '14:00').toISOString()).toBe('2026-11-26T14:00:00.000Z');
  });

  it('takes the first of the repeated autumn 01:30, and then the week after', () => {
    expect(nextWeekly(at('2026-10-24T12:00:00Z'), SUNDAY, '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // Between the first 01:30 (00:30 UTC) and the second (01:30 UTC): the next is a week later, in GMT.
    expect(nextWeekly(at('2026-10-25T00:45:00Z'), SUNDAY, '01:30').toISOString()).toBe('2026-11-01T01:30:00.000Z');
  });

  it('reads the skipped spring 01:30 as 02:30 BST', () => {
    expect(nextWeekly(at('2026-03-28T12:00:00Z'), SUNDAY, '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses a weekday or time that is not one', () => {
    expect(() => nextWeekly(at('2026-11-26T12:00:00Z'), 0, '14:00')).toThrow(new RangeError('Not a weekly time: 0 14:00'));
    expect(() => nextWeekly(at('2026-11-26T12:00:00Z'), 8, '14:00')).toThrow(new RangeError('Not a weekly time: 8 14:00'));
    expect(() => nextWeekly(at('2026-11-26T12:00:00Z'), THURSDAY, '24:00')).toThrow(new RangeError('Not a weekly time: 4 24:00'));
  });
});

describe('londonTimeToUtc', () => {
  it('converts GMT and BST wall-clock times', () => {
    expect(londonTimeToUtc(2026, 1, 15, 9, 0).toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(londonTimeToUtc(2026, 7, 15, 9, 0).toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('reads a time in the hour skipped in spring as the hour after', () => {
    // 01:30 does not exist on 29 March 2026; it is read as 02:30 BST, which is 01:30 UTC.
    const instant = londonTimeToUtc(2026, 3, 29, 1, 30);
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonParts(instant)).toEqual({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, weekday: SUNDAY });
  });

  it('is exact on either side of the skipped hour', () => {
    expect(londonTimeToUtc(2026, 3, 29, 0, 59).toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(londonTimeToUtc(2026, 3, 29, 2, 0).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a time in the hour repeated in autumn as the first of the two (BST)', () => {
    expect(londonTimeToUtc(2026, 10, 25, 1, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonTimeToUtc(2026, 10, 25, 0, 59).toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(londonTimeToUtc(2026, 10, 25, 2, 0).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });
});

describe('formatLondonDateTime', () => {
  it('writes the day, date and a 12-hour time in London', () => {
    expect(formatLondonDateTime(at('2026-11-26T14:00:00Z'))).toBe('Thursday 26 November 2026 at 2:00pm');
    expect(formatLondonDateTime(at('2026-07-02T08:05:00Z'))).toBe('Thursday 2 July 2026 at 9:05am');
  });

  it('shows midnight and noon as 12', () => {
    expect(formatLondonDateTime(at('2026-12-25T00:00:00Z'))).toBe('Friday 25 December 2026 at 12:00am');
    expect(formatLondonDateTime(at('2026-12-25T12:00:00Z'))).toBe('Friday 25 December 2026 at 12:00pm');
  });

  it('moves to the London date when UTC is still on the day before', () => {
    expect(formatLondonDateTime(at('2026-06-30T23:30:00Z'))).toBe('Wednesday 1 July 2026 at 12:30am');
  });
});

describe('parseTimeOfDay', () => {
  it('reads HH:MM on the 24-hour clock', () => {
    expect(parseTimeOfDay('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay('09:05')).toEqual({ hour: 9, minute: 5 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
  });

  it('rejects anything else', () => {
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('9:00')).toBeNull();
    expect(parseTimeOfDay('ab:cd')).toBeNull();
    expect(parseTimeOfDay('12:60')).toBeNull();
    expect(parseTimeOfDay('14:00 ')).toBeNull();
    expect(parseTimeOfDay('')).toBeNull();
  });
});
