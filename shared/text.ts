// Plain-text helpers shared by the server's validation and the web app's live hints.

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

export function wordCountMessage(maxWords: number, words: number): string {
  const remaining = maxWords - words;
  const amount = Math.abs(remaining);
  const noun = amount === 1 ? 'word' : 'words';
  return remaining >= 0 ? `You have ${amount} ${noun} remaining` : `You have ${amount} ${noun} too many`;
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

/** "ca11aa", " CA1 1AA " and "CA1  1AA" all become "CA1 1AA"; anything that is not a UK postcode is null. */
export function normalisePostcode(text: string): string | null {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

/** UK phone numbers as people type them: digits, spaces, brackets, dashes, an optional leading +44. */
export function normalisePhone(text: string): string | null {
  const digits = text.replace(/[\s()-]/g, '');
  if (/^\+44\d{9,10}$/.test(digits)) return `0${digits.slice(3)}`;
  if (/^0\d{9,10}$/.test(digits)) return digits;
  return null;
}
