import { instantOf } from '@cm/domain';

// The domain's `hasLapsed` parses `now` on every call; a candidate query asks it about thousands of pledges with the
// same `now`, so this keeps the last parse. Same rule, checked against the domain's in lapsed.spec.ts.
let lastNow: string | undefined;
let lastDay = '';
let lastInstant = 0;

/** A bare date (validUntil 2027-12-31) lasts the whole UTC day; a timestamp lapses at that instant. */
export function hasLapsed(deadline: string, now: string): boolean {
  if (now !== lastNow) {
    lastInstant = instantOf(now);
    lastDay = new Date(lastInstant).toISOString().slice(0, 10);
    lastNow = now;
  }
  return deadline.length === 10 ? lastDay > deadline : lastInstant > instantOf(deadline);
}
