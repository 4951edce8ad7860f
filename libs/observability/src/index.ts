export { SpanKind } from '@opentelemetry/api';
export { inSpan, inSpanPerItem, TracedItem, tracingStarted } from './spans';
export { carrierOf, contextOf, TraceCarrier } from './trace-context';
export { startTracing, stopTracing, tracingRequested } from './tracing';
