export { greedyPlan } from './greedy-plan';
export { planAllocations } from './optimal-plan';
export {
  DEFAULT_PRIORITY_WEIGHTS,
  DEFAULT_SEGMENTS,
  PRIORITIES,
  type Plan,
  type PlanArc,
  type PlannedAllocation,
  type PlanNeed,
  type PlanOptions,
  type PlanPledge,
  type Priority,
  type PriorityCoverage,
  type UtilitySegment,
} from './plan.types';
