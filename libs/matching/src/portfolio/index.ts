export type { PortfolioAllocation } from './convert-back';
export { buildPlanInput, type Planned, type PlanGroup } from './plan-input';
export { planPortfolio, type PortfolioCoverage, type PortfolioFilters, type PortfolioPlan } from './portfolio-plan';
export type { ValueUnit } from './value-units';
