export * from './report-input';
export { allocationFlows, flowsOf, pledgeFlows } from './flows';
export type { Flow, FlowKind } from './flows';
export * from './totals';
export * from './support-report';
export * from './coverage-report';
export * from './article7-report';
export * from './former-users-report';
export { csvCell, csvOf } from './csv';
