// Money is always held as integer pence. This module is shared by the server and the web app,
// so it must stay free of DOM and Node imports.

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats integer pence as en-GB pounds: "£1,234" for whole pounds, "£1,234.50" otherwise,
 * and "-£1.50" for negative amounts.
 */
export function formatPence(pence: number): string {
  if (!Number.isFinite(pence)) {
    throw new RangeError(`formatPence expects a finite number of pence, got ${pence}`);
  }
  // Callers should only ever pass integers; rounding keeps a stray fraction from printing as ".5p".
  const whole = Math.round(pence);
  const sign = whole < 0 ? '-' : '';
  const absolute = Math.abs(whole);
  const pounds = Math.floor(absolute / 100);
  const remainder = absolute % 100;
  const poundsText = `${sign}£${groupThousands(String(pounds))}`;
  return remainder === 0 ? poundsText : `${poundsText}.${String(remainder).padStart(2, '0')}`;
}

// Either plain digits ("1234") or correctly grouped thousands ("1,234"), then up to two decimals.
const AMOUNT_PATTERN = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses an amount typed by a person ("1234", "1,234.50", "£1,234.5") into integer pence.
 * Returns null for anything that is not a non-negative amount with at most two decimal places.
 * The pounds and pence are read as separate digit strings so no floating-point rounding occurs.
 */
export function poundsToPence(text: string): number | null {
  const match = AMOUNT_PATTERN.exec(text.trim());
  if (!match) return null;
  const poundsDigits = match[1].replace(/,/g, '');
  const penceDigits = (match[2] ?? '').padEnd(2, '0');
  const pence = Number(poundsDigits) * 100 + Number(penceDigits);
  return Number.isSafeInteger(pence) ? pence : null;
}

/** Integer pence as a person would type it back into a form: "1500" or "1500.50", no symbol or commas. */
export function penceToPoundsText(pence: number): string {
  const whole = Math.round(pence);
  const remainder = Math.abs(whole) % 100;
  const pounds = Math.trunc(whole / 100);
  return remainder === 0 ? String(pounds) : `${pounds}.${String(remainder).padStart(2, '0')}`;
}

/**
 * An amount in the smallest unit of its currency, as published grants give it: GBP as `formatPence`
 * does; any other currency plainly, with its code ("1,250.50 EUR"), since we do not convert it.
 */
export function formatMinorUnits(amountMinor: number, currency: string): string {
  if (currency.toUpperCase() === 'GBP') return formatPence(amountMinor);
  const whole = Math.round(amountMinor);
  const sign = whole < 0 ? '-' : '';
  const absolute = Math.abs(whole);
  const units = `${sign}${groupThousands(String(Math.floor(absolute / 100)))}`;
  const remainder = absolute % 100;
  return `${remainder === 0 ? units : `${units}.${String(remainder).padStart(2, '0')}`} ${currency.toUpperCase()}`;
}
