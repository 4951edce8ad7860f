export * from './report-input';
export {
  allocationFlowFields,
  allocationFlows,
  deliveryFlowOf,
  disputedDeliveryFlows,
  flowOf,
  flowsOf,
  flowsWithUsd,
  pledgeFlowFields,
  pledgeFlows,
  ratesOf,
} from './flows';
export type { Flow, FlowFields, FlowKind, RateUsed } from './flows';
export * from './totals';
export * from './support-report';
export * from './flow-totals';
export * from './support-report-totals';
export * from './coverage-report';
export * from './article7-draft';
export * from './article7-report';
export * from './former-users-report';
export { csvCell, csvChunksOf, csvOf } from './csv';
export * from './revaluation-report';
export * from './obligations-at-risk';
export * from './reconciliation-report';
