import { Context, context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';

/** A W3C trace context as it is stored beside a commit and sent in Kafka headers. */
export type TraceCarrier = {
  traceparent: string;
  tracestate?: string;
};

/** The context in hand as a carrier, to be stored or sent; undefined when nothing is being traced. */
export function carrierOf(active: Context = context.active()): TraceCarrier | undefined {
  if (!trace.getSpanContext(active)) return undefined;
  const headers: Record<string, string> = {};
  propagation.inject(active, headers);
  if (!headers.traceparent) return undefined;
  return headers.tracestate
    ? { traceparent: headers.traceparent, tracestate: headers.tracestate }
    : { traceparent: headers.traceparent };
}

/** The context a carrier (stored, or Kafka headers) continues; undefined when it carries no valid trace. */
export function contextOf(carrier: Record<string, string | undefined> | undefined): Context | undefined {
  if (!carrier?.traceparent) return undefined;
  const extracted = propagation.extract(ROOT_CONTEXT, carrier);
  return trace.getSpanContext(extracted) ? extracted : undefined;
}
