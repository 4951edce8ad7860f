/**
 * Input and output of the allocation-plan optimiser. The solver is generic on these plain shapes so that it does not
 * depend on how needs and pledges are stored: the caller converts amounts to one common value unit (USD cents for money,
 * the shared unit's minor units otherwise) and precomputes which pairs are compatible (DESIGN §2).
 */
export type Priority = 'critical' | 'high' | 'medium' | 'low';

export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low'];

export interface PlanNeed {
  readonly id: string;
  readonly priority: Priority;
  /** What is still open, in the common value unit. */
  readonly remaining: bigint;
}

export interface PlanPledge {
  readonly id: string;
  readonly remaining: bigint;
}

/** A compatible pledge → need pair; only these pairs may carry an allocation. */
export interface PlanArc {
  readonly needId: string;
  readonly pledgeId: string;
}

/**
 * One piece of a need's concave utility: the share of the need covered up to `upTo` (cumulative, in (0, 1]) counts
 * `marginal` per unit. Marginals must decrease so that a need's value has diminishing returns.
 */
export interface UtilitySegment {
  readonly upTo: number;
  readonly marginal: number;
}

export interface PlanOptions {
  readonly priorityWeights?: Readonly<Record<Priority, number>>;
  readonly segments?: readonly UtilitySegment[];
}

export interface PlannedAllocation {
  readonly needId: string;
  readonly pledgeId: string;
  readonly amount: bigint;
}

export interface PriorityCoverage {
  readonly requested: bigint;
  readonly planned: bigint;
}

export interface Plan {
  /** Sorted by need id, then pledge id; amounts are positive. */
  readonly allocations: PlannedAllocation[];
  /** Σ over needs of weight(priority) · U(planned); comparable between plans of the same input and options. */
  readonly objective: number;
  readonly coverageByPriority: Record<Priority, PriorityCoverage>;
  /** Needs not fully covered, sorted by id. */
  readonly unmetNeeds: { needId: string; unmet: bigint }[];
}

/**
 * Each priority doubles the one below it. With the default segments a critical need's last 20 % (8 · 0.3 = 2.4) still
 * outranks a medium need's first half (2), but not a high need's first half (4): urgent needs are served broadly before
 * any single one is completed.
 */
export const DEFAULT_PRIORITY_WEIGHTS: Readonly<Record<Priority, number>> = {
  critical: 8,
  high: 4,
  medium: 2,
  low: 1,
};

/** The first half of a need counts fully, the next 30 % at 0.6, the last 20 % at 0.3 per unit. */
export const DEFAULT_SEGMENTS: readonly UtilitySegment[] = [
  { upTo: 0.5, marginal: 1 },
  { upTo: 0.8, marginal: 0.6 },
  { upTo: 1, marginal: 0.3 },
];
