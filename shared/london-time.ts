// Times are stored in UTC and shown in Europe/London. These helpers turn London wall-clock times
// (the panel meets "Thursdays at 14:00") into instants, across the clock changes.

export const LONDON = 'Europe/London';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface LondonParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday ... 7 = Sunday */
  weekday: number;
}

export function londonParts(instant: Date): LondonParts {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday) + 1,
  };
}

/**
 * The instant at which London clocks show this date and time. In the hour skipped in spring the
 * time is read as the hour after; in the hour repeated in autumn, the first of the two.
 */
export function londonTimeToUtc(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // London is UTC+0 or UTC+1; try the later offset first so the repeated autumn hour gives the first.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asIfUtc - offsetHours * 3_600_000);
    const shown = londonParts(candidate);
    if (shown.day === day && shown.hour === hour && shown.minute === minute) return candidate;
  }
  // Only the skipped spring hour gets here: 01:30 does not exist, and GMT reading gives 02:30 BST.
  return new Date(asIfUtc);
}

export function parseTimeOfDay(text: string): { hour: number; minute: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** The first weekly occurrence of `weekday` at `time` (London) strictly after `after`. */
export function nextWeekly(after: Date, weekday: number, time: string): Date {
  const timeOfDay = parseTimeOfDay(time);
  if (!timeOfDay || weekday < 1 || weekday > 7) throw new RangeError(`Not a weekly time: ${weekday} ${time}`);
  const today = londonParts(after);
  for (let daysAhead = 0; daysAhead <= 7; daysAhead += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + daysAhead));
    const dayOfWeek = ((date.getUTCDay() + 6) % 7) + 1;
    if (dayOfWeek !== weekday) continue;
    const candidate = londonTimeToUtc(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), timeOfDay.hour, timeOfDay.minute);
    if (candidate > after) return candidate;
  }
  throw new Error('unreachable: a weekday recurs within eight days');
}

const dateTimeFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** "Thursday 26 November 2026 at 2:00pm" in London time. */
export function formatLondonDateTime(instant: Date): string {
  const parts = Object.fromEntries(dateTimeFormatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`;
}

/** "2026-12-31" as "31 December 2026"; the date is a calendar day, so no time zone applies. */
export function formatCalendarDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "26 November 2026": the day in London. */
export const formatLondonDate = (instant: Date) => formatCalendarDate(londonIsoDate(instant));

/** The London calendar day of an instant, as YYYY-MM-DD. */
export function londonIsoDate(instant: Date): string {
  const { year, month, day } = londonParts(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in London, as YYYY-MM-DD. */
export const londonToday = () => londonIsoDate(new Date());
