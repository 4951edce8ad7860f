import { DomainError } from './errors';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Validates an ISO 8601 date (2027-12-31) or UTC/offset timestamp; rejects impossible days like 2025-02-30. */
export function isoDateOf(value: unknown, field: string): string {
  const match = typeof value === 'string' ? isoDate.exec(value) : null;
  if (match && !Number.isNaN(new Date(value as string).getTime())) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999, so 0050-01-01 named no day.
    const calendarDay = new Date(0);
    calendarDay.setUTCFullYear(year, month - 1, day);
    const exists =
      calendarDay.getUTCFullYear() === year &&
      calendarDay.getUTCMonth() === month - 1 &&
      calendarDay.getUTCDate() === day;
    if (exists) return value as string;
  }
  throw new DomainError('INVALID_DATE', `${field} must be an ISO 8601 date or UTC timestamp`, field);
}

export function optionalIsoDateOf(value: unknown, field: string): string | undefined {
  return value === undefined ? undefined : isoDateOf(value, field);
}

/** Milliseconds since the epoch of an already validated ISO date; a bare date means its start in UTC. */
export const instantOf = (isoDateText: string): number => new Date(isoDateText).getTime();

export const isAfter = (a: string, b: string): boolean => instantOf(a) > instantOf(b);

/** Effective dates (pledgedOn, committedOn, deliveredOn) record what really happened, so never lie in the future. */
export function notInFuture(value: unknown, field: string, now: string): string {
  const date = isoDateOf(value, field);
  if (isAfter(date, now)) throw new DomainError('DATE_IN_FUTURE', `${field} ${date} is after ${now}`, field);
  return date;
}

export const yearOf = (isoDateText: string): number => Number(isoDateText.slice(0, 4));

/** A bare date (validUntil 2027-12-31) lasts the whole UTC day; a timestamp lapses at that instant. */
export function hasLapsed(deadline: string, now: string): boolean {
  if (deadline.length === 10) return new Date(now).toISOString().slice(0, 10) > deadline;
  return isAfter(now, deadline);
}
