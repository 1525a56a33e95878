// Two different groups doing the same work in the same place at the same time (two food banks in one
// ward). Not wrong in itself, so the panel is shown it to decide: duplication, or work that fits together.

import { priorityLabel } from '../../../shared/restrictions.ts';
import type { PreparedRecord } from './grant-record.ts';
import { descriptionWords } from './normalise.ts';
import { type Evidence, type Judgement, sigmoid } from './same-group.ts';
import { setSimilarity } from './similarity.ts';

const PRIOR_LOG_ODDS = -3.5;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The place two records share, in words, and how much it counts. */
function sharedPlace(a: PreparedRecord, b: PreparedRecord): { words: string; weight: number } | null {
  const areas = (a.record.areas ?? []).filter((area) => (b.record.areas ?? []).some((other) => other.toLowerCase() === area.toLowerCase()));
  if (areas.length > 0) return { words: areas[0], weight: 2.5 };
  if (a.postcode && b.postcode) {
    if (a.postcode.sector === b.postcode.sector) return { words: `postcode sector ${a.postcode.sector}`, weight: 2.5 };
    if (a.postcode.district === b.postcode.district) return { words: `postcode district ${a.postcode.district}`, weight: 1.5 };
    return { words: '', weight: -3 };
  }
  return null;
}

/** Content words of a text with their place among all its words; a sentence break is a gap no run crosses. */
function contentTokens(text: string | null | undefined) {
  const words: string[] = [];
  const content: { position: number; stem: string }[] = [];
  for (const sentence of (text ?? '').split(/[.!?;:()\n]+/)) {
    for (const [index, word] of sentence.split(/[^A-Za-z0-9'’-]+/).filter(Boolean).entries()) {
      // A capital inside a sentence marks a name (a village, a church), which says where, not what.
      const stem = index > 0 && /^[A-Z]/.test(word) ? undefined : descriptionWords(word)[0];
      if (stem) content.push({ position: words.length, stem });
      words.push(word);
    }
    // The break: a stem no word can have.
    content.push({ position: words.length, stem: ' ' });
    words.push('');
  }
  return { words, content };
}

/**
 * The longest run of content words two texts use in the same order, within one sentence, as the first
 * one wrote it (small words between them kept): "food parcels for families". At least two content words.
 */
export function sharedPhrase(a: string | null | undefined, b: string | null | undefined): string | null {
  const left = contentTokens(a);
  const right = contentTokens(b);
  let best: { start: number; length: number } | null = null;
  for (let i = 0; i < left.content.length; i += 1) {
    for (let j = 0; j < right.content.length; j += 1) {
      let length = 0;
      while (
        i + length < left.content.length &&
        j + length < right.content.length &&
        left.content[i + length].stem !== ' ' &&
        left.content[i + length].stem === right.content[j + length].stem
      ) {
        length += 1;
      }
      if (length > 0 && (!best || length > best.length)) best = { start: i, length };
    }
  }
  if (!best || best.length < 2) return null;
  const run = left.content.slice(best.start, best.start + Math.min(best.length, 5));
  return left.words
    .slice(run[0].position, run[run.length - 1].position + 1)
    .join(' ')
    .toLowerCase();
}


function monthYear(isoDate: string) {
  return { month: MONTHS[Number(isoDate.slice(5, 7)) - 1], year: isoDate.slice(0, 4) };
}

/** "March to June 2026" for the months both pieces of work run; null when either has no dates. */
function overlap(a: PreparedRecord, b: PreparedRecord): { words: string | null; weight: number } {
  const { startsOn: aStart, endsOn: aEnd } = a.record;
  const { startsOn: bStart, endsOn: bEnd } = b.record;
  if (!aStart || !bStart) return { words: null, weight: 0 };
  const start = aStart > bStart ? aStart : bStart;
  const end = [aEnd ?? aStart, bEnd ?? bStart].sort()[0];
  if (start > end) return { words: null, weight: -2 };
  const from = monthYear(start);
  const to = monthYear(end);
  if (from.month === to.month && from.year === to.year) return { words: `${from.month} ${from.year}`, weight: 1 };
  const words = from.year === to.year ? `${from.month} to ${to.month} ${to.year}` : `${from.month} ${from.year} to ${to.month} ${to.year}`;
  return { words, weight: 1 };
}

export function scoreSameWork(a: PreparedRecord, b: PreparedRecord): Judgement {
  const evidence: Evidence[] = [];
  // Same work in different or unknown places is not duplication, and the same street is not the same
  // work. The place is the cheap test, so it comes first: most candidate pairs stop here.
  const place = sharedPlace(a, b);
  if (!place || place.weight <= 0) return { score: 0, evidence };
  const described = setSimilarity(a.wordSet, b.wordSet);
  // What they do must be alike: a phrase their titles share, or descriptions alike in their words (a
  // fifth will do when they share a phrase too). The descriptions' phrase, the slow part, is only
  // looked for when it can count.
  const fromTitles = sharedPhrase(a.record.title, b.record.title);
  if (!fromTitles && described < 0.2) return { score: 0, evidence };
  const fromText = fromTitles ? null : sharedPhrase(a.record.text, b.record.text);
  const activity = fromTitles ? `both run ${fromTitles}` : fromText ? `both describe “${fromText}”` : null;
  if (!fromTitles && described < (activity ? 0.2 : 0.3)) return { score: 0, evidence };

  const when = overlap(a, b);
  const summary = `${activity ?? 'both do similar work'} in ${place.words}`;
  const weight = (described >= 0.3 ? 3 : described >= 0.2 ? 2 : described >= 0.12 ? 1 : 0) + (activity ? 1.5 : 0);
  // The summary carries the place and the months, and their weight with it.
  evidence.push({ weight: weight + place.weight + Math.max(0, when.weight), reason: when.words ? `${summary}, ${when.words}` : summary });
  evidence.push({ weight: 0, reason: `descriptions ${Math.round(described * 100)}% alike` });
  if (when.weight < 0) evidence.push({ weight: when.weight, reason: 'at different times' });

  const tags = (a.record.tags ?? []).filter((tag) => (b.record.tags ?? []).includes(tag));
  if (tags.length > 0) evidence.push({ weight: Math.min(2, 0.5 + 0.5 * tags.length), reason: `both tagged ${tags.map(priorityLabel).join(', ')}` });

  const logOdds = evidence.reduce((sum, piece) => sum + piece.weight, PRIOR_LOG_ODDS);
  return { score: sigmoid(logOdds), evidence };
}
