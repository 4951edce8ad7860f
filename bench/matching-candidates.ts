/**
 * Candidate-query latency: `rankPledgesForNeed` over 10k open pledges and `rankNeedsForPledge` over 10k needs, the
 * work behind `GET /needs/:id/matches` and `GET /pledges/:id/matches` once the read model hands over the open items.
 * Also times one `planPortfolio` over all of them.
 * Run: node -r @swc-node/register bench/matching-candidates.ts [items] [queries]
 */
import { fromMinor, type AssistanceType, type Pillar, type Priority } from '@cm/domain';
import {
  MatchableNeed,
  MatchablePledge,
  MatchContext,
  planPortfolio,
  rankNeedsForPledge,
  rankPledgesForNeed,
  RankedCandidate,
} from '@cm/matching';

const PILLARS: Pillar[] = [
  'clearance',
  'risk_education',
  'victim_assistance',
  'stockpile_destruction',
  'capacity_building',
];
const PILLAR_SHARE = [0.35, 0.15, 0.25, 0.1, 0.15];
const TYPES: AssistanceType[] = ['financial', 'material', 'technical'];
const TYPE_SHARE = [0.45, 0.3, 0.25];
const PRIORITIES: Priority[] = ['critical', 'high', 'medium', 'low'];
const PRIORITY_SHARE = [0.15, 0.3, 0.35, 0.2];
const CURRENCIES = ['USD', 'EUR', 'NOK', 'GBP', 'JPY', 'SEK', 'CHF', 'AUD'];
const CURRENCY_SHARE = [0.35, 0.3, 0.1, 0.08, 0.07, 0.04, 0.03, 0.03];
const UNITS: Record<Exclude<AssistanceType, 'financial'>, string[]> = {
  material: ['items', 'kg'],
  technical: ['expert_days', 'training_days'],
};
const CATEGORY_COUNT = 20;
const STATES = Array.from({ length: 40 }, (_, i) => `S${String(i).padStart(2, '0')}`);
const DONORS = Array.from({ length: 60 }, (_, i) => `D${String(i).padStart(2, '0')}`);
const NOW = '2026-06-01';

/** mulberry32, seeded, so every run measures the same instances. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[], shares?: readonly number[]) => {
    if (!shares) return items[Math.floor(next() * items.length)];
    let r = next();
    for (let i = 0; i < items.length; i++) if ((r -= shares[i]) < 0) return items[i];
    return items[items.length - 1];
  };
  const skewed = <T>(items: readonly T[]) =>
    items[Math.min(items.length - 1, Math.floor(items.length * next() ** 2.2))];
  const amount = (median: number) => {
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return BigInt(Math.max(1, Math.round(median * Math.exp(1.4 * normal))));
  };
  return { next, pick, skewed, amount };
}

type Random = ReturnType<typeof generator>;

function terms(random: Random) {
  const assistanceType = random.pick(TYPES, TYPE_SHARE);
  const financial = assistanceType === 'financial';
  const unit = financial ? random.pick(CURRENCIES, CURRENCY_SHARE) : random.pick(UNITS[assistanceType]);
  const category = financial ? undefined : `c${Math.floor(random.next() * CATEGORY_COUNT)}`;
  const remaining = fromMinor(random.amount(financial ? 25_000_000 : 400_000), unit);
  return { assistanceType, remaining, ...(category && { category }) };
}

function need(random: Random, i: number): MatchableNeed {
  const days = Math.floor(random.next() * 700) - 60;
  return {
    id: `need-${String(i).padStart(5, '0')}`,
    requesterId: random.skewed(STATES),
    pillar: random.pick(PILLARS, PILLAR_SHARE),
    priority: random.pick(PRIORITIES, PRIORITY_SHARE),
    status: random.pick(['open', 'partially_allocated'] as const),
    ...(random.next() < 0.7 && { neededBy: new Date(Date.parse(NOW) + days * 86_400_000).toISOString().slice(0, 10) }),
    ...terms(random),
  };
}

function pledge(random: Random, j: number): MatchablePledge {
  const pillarCount = random.pick([1, 2, 3], [0.5, 0.35, 0.15]);
  const validDays = Math.floor(random.next() * 900) - 30;
  return {
    id: `pledge-${String(j).padStart(5, '0')}`,
    donorId: random.pick(DONORS),
    pillars: [...new Set(Array.from({ length: pillarCount }, () => random.pick(PILLARS, PILLAR_SHARE)))],
    status: random.pick(['open', 'partially_allocated'] as const),
    ...(random.next() < 0.1 && { recipientId: random.skewed(STATES) }),
    ...(random.next() < 0.8 && {
      validUntil: new Date(Date.parse(NOW) + validDays * 86_400_000).toISOString().slice(0, 10),
    }),
    ...terms(random),
  };
}

function context(random: Random): MatchContext {
  const formerUserLinks: Record<string, string[]> = {};
  for (const donor of DONORS.slice(0, 6)) formerUserLinks[donor] = [random.pick(STATES), random.pick(STATES)];
  const confirmedDeliveries: Record<string, number> = {};
  for (let k = 0; k < 400; k++) confirmedDeliveries[`${random.pick(DONORS)}|${random.pick(STATES)}`] = 1 + (k % 7);
  return { now: NOW, formerUserLinks, confirmedDeliveries };
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

function measure(queries: number, run: (q: number) => RankedCandidate[]) {
  for (let q = 0; q < Math.min(20, queries); q++) run(q); // warm-up: JIT and the FX rate memo
  const samples: number[] = [];
  let found = 0;
  for (let q = 0; q < queries; q++) {
    const started = process.hrtime.bigint();
    found += run(q).length;
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { ...percentiles(samples), meanFound: found / queries };
}

const [items = 10_000, queries = 300] = process.argv.slice(2).map(Number);
const random = generator(items);
const pledges = Array.from({ length: items }, (_, j) => pledge(random, j));
const needs = Array.from({ length: items }, (_, i) => need(random, i));
const world = context(random);
const probeNeeds = Array.from({ length: queries }, (_, q) => needs[(q * 7919) % needs.length]);
const probePledges = Array.from({ length: queries }, (_, q) => pledges[(q * 7919) % pledges.length]);

const rows = [
  [
    'rankPledgesForNeed',
    `${items} pledges`,
    measure(queries, (q) => rankPledgesForNeed(probeNeeds[q], pledges, world, 20)),
  ],
  [
    'rankNeedsForPledge',
    `${items} needs`,
    measure(queries, (q) => rankNeedsForPledge(probePledges[q], needs, world, 20)),
  ],
] as const;
console.log(`node ${process.version}, ${queries} queries each, limit 20\n`);
console.log('| query | over | p50 ms | p99 ms | max ms | mean candidates returned |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [name, over, r] of rows) {
  console.log(
    `| ${name} | ${over} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(2)} | ${r.meanFound.toFixed(1)} |`,
  );
}

// The whole portfolio over the same items: matchables → value units → optimiser → amounts back in each side's unit.
const started = process.hrtime.bigint();
const plan = planPortfolio(needs, pledges, world);
const planMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(
  `\nplanPortfolio ${items} needs × ${items} pledges (mixed currencies and units): ${planMs.toFixed(0)} ms, ` +
    `${plan.allocations.length} allocations, ${plan.unmetNeeds.length} needs left short`,
);
