import { describe, it, expect } from 'vitest';
import { formatMinorUnits, formatPence, poundsToPence } from '../../shared/money.ts';

describe('formatPence', () => {
  it('shows whole pounds without pence', () => {
    expect(formatPence(0)).toBe('£0');
    expect(formatPence(100)).toBe('£1');
    expect(formatPence(123_400)).toBe('£1,234');
    expect(formatPence(100_000_000)).toBe('£1,000,000');
  });

  it('shows two decimal places when there are pence', () => {
    expect(formatPence(1)).toBe('£0.01');
    expect(formatPence(50)).toBe('£0.50');
    expect(formatPence(123_450)).toBe('£1,234.50');
    expect(formatPence(1_234_567)).toBe('£12,345.67');
    expect(formatPence(99_999_999)).toBe('£999,999.99');
  });

  it('puts the minus sign before the pound sign', () => {
    expect(formatPence(-150)).toBe('-£1.50');
    expect(formatPence(-100)).toBe('-£1');
    expect(formatPence(-123_456)).toBe('-£1,234.56');
  });

  it('does not print negative zero', () => {
    expect(formatPence(-0)).toBe('£0');
  });

  it('rejects non-finite values', () => {
    expect(() => formatPence(Number.NaN)).toThrow(RangeError);
    expect(() => formatPence(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('poundsToPence', () => {
  it('parses whole pounds', () => {
    expect(poundsToPence('1234')).toBe(123_400);
    expect(poundsToPence('0')).toBe(0);
    expect(poundsToPence('1,234')).toBe(123_400);
    expect(poundsToPence('1,234,567')).toBe(123_456_700);
  });

  it('parses pounds and pence', () => {
    expect(poundsToPence('1,234.50')).toBe(123_450);
    expect(poundsToPence('£1,234.5')).toBe(123_450);
    expect(poundsToPence('0.01')).toBe(1);
    expect(poundsToPence('£0.10')).toBe(10);
  });

  it('avoids floating-point errors', () => {
    // 0.29 * 100 and 1.15 * 100 are not whole numbers in floating point.
    expect(poundsToPence('0.29')).toBe(29);
    expect(poundsToPence('1.15')).toBe(115);
    expect(poundsToPence('4.35')).toBe(435);
    expect(poundsToPence('1,005.99')).toBe(100_599);
  });

  it('ignores surrounding spaces and a space after the pound sign', () => {
    expect(poundsToPence('  250  ')).toBe(25_000);
    expect(poundsToPence('£ 250')).toBe(25_000);
  });

  it('returns null for bad input', () => {
    expect(poundsToPence('')).toBeNull();
    expect(poundsToPence('   ')).toBeNull();
    expect(poundsToPence('£')).toBeNull();
    expect(poundsToPence('abc')).toBeNull();
    expect(poundsToPence('1.234')).toBeNull();
    expect(poundsToPence('-5')).toBeNull();
    expect(poundsToPence('12.5.0')).toBeNull();
    expect(poundsToPence('1.')).toBeNull();
    expect(poundsToPence('12,34')).toBeNull();
    expect(poundsToPence('1,2345')).toBeNull();
    expect(poundsToPence('1e3')).toBeNull();
    expect(poundsToPence('£1 000')).toBeNull();
  });

  it('returns null for amounts too large to hold exactly', () => {
    expect(poundsToPence('99999999999999999')).toBeNull();
  });

  it('round-trips with formatPence', () => {
    for (const pence of [0, 1, 99, 100, 123_450, 1_234_567]) {
      expect(poundsToPence(formatPence(pence))).toBe(pence);
    }
  });
});

describe('formatMinorUnits', () => {
  it('shows pounds as formatPence does', () => {
    expect(formatMinorUnits(250_000, 'GBP')).toBe('£2,500');
    expect(formatMinorUnits(123_450, 'gbp')).toBe('£1,234.50');
  });

  it('shows other currencies plainly, with their code', () => {
    expect(formatMinorUnits(125_050, 'EUR')).toBe('1,250.50 EUR');
    expect(formatMinorUnits(100_000_000, 'usd')).toBe('1,000,000 USD');
    expect(formatMinorUnits(-150, 'EUR')).toBe('-1.50 EUR');
  });
});
