// UK bank details as people type them, checked and normalised the same way on the server and in pages.

/** "12-34-56", "12 34 56" and "123456" all become "123456"; anything else is null. */
export function normaliseSortCode(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** UK account numbers have 8 digits; older 6 and 7 digit ones are padded with leading zeros. */
export function normaliseAccountNumber(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{6,8}$/.test(digits) ? digits.padStart(8, '0') : null;
}

export function maskSortCode(sortCode: string) {
  return `**-**-${sortCode.slice(4)}`;
}

export function maskAccountNumber(accountNumber: string) {
  return `****${accountNumber.slice(4)}`;
}
