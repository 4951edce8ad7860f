import { Attributes, context, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { carrierOf, contextOf, TraceCarrier } from './trace-context';

const TRACER = 'cm-article6';
let started = false;

/** Set by `startTracing`: while false, the helpers below call straight through and create nothing. */
export function markTracingStarted(value: boolean): void {
  started = value;
}

export const tracingStarted = (): boolean => started;

function finish(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
  }
  span.end();
}

/** Runs `work` inside a new span, child of the active one (e.g. the event store's append inside an HTTP request). */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span?: Span) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  if (!started) return work();
  return trace.getTracer(TRACER).startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      const result = await work(span);
      finish(span);
      return result;
    } catch (error) {
      finish(span, error);
      throw error;
    }
  });
}

export interface TracedItem {
  /** The context the item carries (stored beside its commit, or its Kafka headers); untraced items get no span. */
  carrier: Record<string, string | undefined> | undefined;
  attributes: Attributes;
}

/**
 * One operation done for many traces at once (a Kafka batch sent, a batch of messages projected): one span per traced
 * item, each a child of the context that item carries, all ending when the operation does. `work` receives, per item,
 * the carrier of its span (to send on), or undefined for an untraced item. With a single item its span is active, so
 * the database calls it makes are traced under it.
 */
export async function inSpanPerItem<T>(
  name: (item: TracedItem) => string,
  kind: SpanKind,
  items: TracedItem[],
  work: (carriers: (TraceCarrier | undefined)[]) => Promise<T>,
): Promise<T> {
  if (!started) return work(items.map(() => undefined));
  const tracer = trace.getTracer(TRACER);
  const spans = items.map((item) => {
    const parent = contextOf(item.carrier);
    return parent && tracer.startSpan(name(item), { kind, attributes: item.attributes }, parent);
  });
  const contexts = spans.map((span) => span && trace.setSpan(context.active(), span));
  const carriers = contexts.map((spanContext) => spanContext && carrierOf(spanContext));
  try {
    const only = contexts.length === 1 ? contexts[0] : undefined;
    const result = only ? await context.with(only, () => work(carriers)) : await work(carriers);
    spans.forEach((span) => span && finish(span));
    return result;
  } catch (error) {
    spans.forEach((span) => span && finish(span, error));
    throw error;
  }
}
