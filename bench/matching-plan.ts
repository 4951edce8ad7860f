/**
 * Times the allocation-plan optimiser on generated instances shaped like the convention's assistance flows and compares
 * it with the greedy-by-priority baseline. Run: node -r @swc-node/register bench/matching-plan.ts [sizes…]
 */
import { greedyPlan, Plan, PlanArc, PlanNeed, PlanPledge, planAllocations, Priority } from '@cm/matching';
import { compatibilityClasses } from '../libs/matching/src/plan/compatibility-classes';
import { indexPlanInput } from '../libs/matching/src/plan/plan-input';

const PILLARS = ['clearance', 'risk_education', 'victim_assistance', 'stockpile_destruction', 'capacity_building'];
const PILLAR_SHARE = [0.35, 0.15, 0.25, 0.1, 0.15];
const TYPES = ['financial', 'material', 'technical'] as const;
const TYPE_SHARE = [0.45, 0.3, 0.25];
const CATEGORY_COUNT = 20;
const STATE_COUNT = 40;
const PRIORITY_SHARE: [Priority, number][] = [
  ['critical', 0.15],
  ['high', 0.3],
  ['medium', 0.35],
  ['low', 0.2],
];

interface Offer {
  type: string;
  pillars: string[];
  category: string;
  target?: number;
}

/** mulberry32: a seeded generator, so every run measures the same instances. */
function generator(seed: number) {
  let seedState = seed >>> 0;
  const next = () => {
    seedState = (seedState + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seedState ^ (seedState >>> 15), 1 | seedState);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[], shares: readonly number[]) => {
    let r = next();
    for (let i = 0; i < items.length; i++) if ((r -= shares[i]) < 0) return items[i];
    return items[items.length - 1];
  };
  // Few states carry most of the contamination and of the requests: a Zipf-like skew.
  const state = () => Math.min(STATE_COUNT - 1, Math.floor(STATE_COUNT * next() ** 2.2));
  // Long-tailed amounts: log-normal around a median (USD cents for money, minor units of the unit otherwise).
  const amount = (median: number, sigma: number) => {
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return BigInt(Math.max(1, Math.round(median * Math.exp(sigma * normal))));
  };
  return { next, pick, state, amount };
}

function instance(needCount: number, pledgeCount: number, seed: number) {
  const random = generator(seed);
  const category = (type: string) => (type === 'financial' ? '' : `c${Math.floor(random.next() * CATEGORY_COUNT)}`);
  const median = (type: string) => (type === 'financial' ? 25_000_000 : 400_000);

  const byKey = new Map<string, { id: string; state: number }[]>();
  const needs: PlanNeed[] = [];
  for (let i = 0; i < needCount; i++) {
    const type = random.pick(TYPES, TYPE_SHARE);
    const key = `${type}|${random.pick(PILLARS, PILLAR_SHARE)}|${category(type)}`;
    const need = {
      id: `need-${i}`,
      priority: random.pick(...unzip(PRIORITY_SHARE)),
      remaining: random.amount(median(type), 1.4),
    };
    needs.push(need);
    byKey.set(key, [...(byKey.get(key) ?? []), { id: need.id, state: random.state() }]);
  }

  const pledges: PlanPledge[] = [];
  const arcs: PlanArc[] = [];
  for (let j = 0; j < pledgeCount; j++) {
    const type = random.pick(TYPES, TYPE_SHARE);
    const pillarCount = random.pick([1, 2, 3], [0.5, 0.35, 0.15]);
    const pillars = [...new Set(Array.from({ length: pillarCount }, () => random.pick(PILLARS, PILLAR_SHARE)))];
    const offer: Offer = {
      type,
      pillars,
      category: category(type),
      target: random.next() < 0.1 ? random.state() : undefined,
    };
    const pledge = { id: `pledge-${j}`, remaining: random.amount(median(type) * 0.45, 1.6) };
    pledges.push(pledge);
    for (const pillar of offer.pillars) {
      for (const need of byKey.get(`${offer.type}|${pillar}|${offer.category}`) ?? []) {
        if (offer.target === undefined || offer.target === need.state)
          arcs.push({ needId: need.id, pledgeId: pledge.id });
      }
    }
  }
  return { needs, pledges, arcs };
}

function unzip<A, B>(pairs: [A, B][]): [A[], B[]] {
  return [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
}

function timed<T>(run: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

const share = (plan: Plan, priority?: Priority) => {
  const rows = priority ? [plan.coverageByPriority[priority]] : Object.values(plan.coverageByPriority);
  const requested = rows.reduce((sum, r) => sum + r.requested, 0n);
  const planned = rows.reduce((sum, r) => sum + r.planned, 0n);
  return Number((planned * 10_000n) / (requested || 1n)) / 100;
};

/** Needs of a priority that got nothing at all: what the diminishing returns are meant to prevent. */
const leftEmpty = (plan: Plan, needs: PlanNeed[], priority: Priority) => {
  const unmet = new Map(plan.unmetNeeds.map((u) => [u.needId, u.unmet]));
  return needs.filter((n) => n.priority === priority && n.remaining > 0n && unmet.get(n.id) === n.remaining).length;
};

/** Fails loudly if a plan breaks a capacity or uses an incompatible pair, so a fast wrong answer cannot pass. */
function check(plan: Plan, needs: PlanNeed[], pledges: PlanPledge[], arcs: PlanArc[]): void {
  const allocated = new Set(plan.allocations.map((a) => `${a.pledgeId}|${a.needId}`));
  const onArcs = arcs.filter((a) => allocated.has(`${a.pledgeId}|${a.needId}`)).length;
  if (onArcs !== allocated.size || allocated.size !== plan.allocations.length)
    throw new Error('allocation off the arcs');
  const used = new Map<string, bigint>();
  for (const a of plan.allocations) {
    if (a.amount <= 0n) throw new Error(`empty allocation ${a.pledgeId} → ${a.needId}`);
    used.set(a.pledgeId, (used.get(a.pledgeId) ?? 0n) + a.amount);
    used.set(a.needId, (used.get(a.needId) ?? 0n) + a.amount);
  }
  for (const item of [...needs, ...pledges]) {
    if ((used.get(item.id) ?? 0n) > item.remaining) throw new Error(`${item.id} over capacity`);
  }
}

const sizes = process.argv.slice(2).map(Number);
console.log(
  '| needs × pledges | arcs | classes (need / pledge) | plan ms | greedy ms | plan objective | plan / greedy objective |' +
    ' critical needs left empty (plan vs greedy) | critical covered (plan vs greedy) | all covered (plan vs greedy) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const size of sizes.length ? sizes : [1_000, 5_000, 10_000]) {
  const { needs, pledges, arcs } = instance(size, size, size);
  const classes = compatibilityClasses(indexPlanInput(needs, pledges, arcs));
  const [plan, planMs] = timed(() => planAllocations(needs, pledges, arcs));
  const [greedy, greedyMs] = timed(() => greedyPlan(needs, pledges, arcs));
  check(plan, needs, pledges, arcs);
  check(greedy, needs, pledges, arcs);
  console.log(
    `| ${size} × ${size} | ${arcs.length} | ${classes.needClassCount} / ${classes.pledgeClassCount} | ${planMs.toFixed(0)} | ` +
      `${greedyMs.toFixed(0)} | ${plan.objective.toExponential(4)} | ${(plan.objective / greedy.objective).toFixed(4)} | ` +
      `${leftEmpty(plan, needs, 'critical')} vs ${leftEmpty(greedy, needs, 'critical')} | ` +
      `${share(plan, 'critical')} % vs ${share(greedy, 'critical')} % | ${share(plan)} % vs ${share(greedy)} % |`,
  );
}
