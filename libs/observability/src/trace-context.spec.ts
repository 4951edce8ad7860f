import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { inSpan, inSpanPerItem, markTracingStarted } from './spans';
import { carrierOf, contextOf } from './trace-context';
import { tracingRequested } from './tracing';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

describe('trace context propagation', () => {
  const exporter = new tracing.InMemorySpanExporter();
  const tracer = () => trace.getTracer('spec');

  beforeAll(() => {
    new node.NodeTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] }).register();
    markTracingStarted(true);
  });
  afterEach(() => exporter.reset());
  afterAll(() => {
    markTracingStarted(false);
    trace.disable();
    context.disable();
    propagation.disable();
  });

  describe('carrierOf and contextOf', () => {
    it('gives no carrier when nothing is being traced', () => {
      expect(carrierOf()).toBeUndefined();
    });

    it('writes the active span as a W3C traceparent that contextOf reads back', () => {
      tracer().startActiveSpan('request', (span) => {
        const carrier = carrierOf()!;
        const [, traceId, spanId] = TRACEPARENT.exec(carrier.traceparent)!;
        expect({ traceId, spanId }).toEqual({ traceId: span.spanContext().traceId, spanId: span.spanContext().spanId });
        expect(carrier.tracestate).toBeUndefined();
        expect(trace.getSpanContext(contextOf(carrier)!)).toMatchObject({ traceId, spanId, isRemote: true });
        span.end();
      });
    });

    it('keeps the tracestate beside the traceparent', () => {
      const carrier = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'cm=1' };
      expect(carrierOf(contextOf(carrier))).toEqual(carrier);
    });

    it.each([
      undefined,
      {},
      { traceparent: 'not-a-traceparent' },
      { traceparent: `00-${'0'.repeat(32)}-${'1'.repeat(16)}-01` },
    ])('continues no trace from %j', (carrier) => expect(contextOf(carrier)).toBeUndefined());
  });

  describe('inSpan', () => {
    it('runs the work in a child of the active span and ends it', async () => {
      const parent = tracer().startSpan('request');
      const result = await context.with(trace.setSpan(context.active(), parent), () =>
        inSpan('append', { 'cm.stream.id': 'need-1' }, async () => carrierOf()),
      );
      parent.end();
      const append = exporter.getFinishedSpans().find((span) => span.name === 'append')!;
      expect(append.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
      expect(append.spanContext().traceId).toBe(parent.spanContext().traceId);
      expect(append.attributes).toEqual({ 'cm.stream.id': 'need-1' });
      expect(result?.traceparent).toContain(append.spanContext().spanId); // what is stored is the append span
    });

    it('marks the span failed and rethrows', async () => {
      await expect(inSpan('append', {}, () => Promise.reject(new Error('version conflict')))).rejects.toThrow(
        'version conflict',
      );
      const [span] = exporter.getFinishedSpans();
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'version conflict' });
      expect(span.events.map((event) => event.name)).toEqual(['exception']);
    });
  });

  describe('inSpanPerItem', () => {
    const stored = (name: string) => {
      const span = tracer().startSpan(name);
      span.end();
      return { span, carrier: carrierOf(trace.setSpan(context.active(), span)) };
    };

    it('gives each traced item a span under its own parent and hands on that span as carrier', async () => {
      const first = stored('request 1');
      const second = stored('request 2');
      const items = [first.carrier, undefined, second.carrier].map((carrier, index) => ({
        carrier,
        attributes: { index },
      }));
      const carriers = await inSpanPerItem(
        () => 'send',
        SpanKind.PRODUCER,
        items,
        async (handed) => handed,
      );

      const sends = exporter.getFinishedSpans().filter((span) => span.name === 'send');
      expect(sends).toHaveLength(2); // the untraced item gets no span
      for (const [index, parent] of [
        [0, first.span],
        [2, second.span],
      ] as const) {
        const send = sends.find((span) => span.attributes.index === index)!;
        expect(send.kind).toBe(SpanKind.PRODUCER);
        expect(send.spanContext().traceId).toBe(parent.spanContext().traceId);
        expect(send.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
        expect(carriers[index]?.traceparent).toBe(`00-${send.spanContext().traceId}-${send.spanContext().spanId}-01`);
      }
      expect(carriers[1]).toBeUndefined();
    });

    it('makes the span active when there is a single item, so the work is traced under it', async () => {
      const { carrier } = stored('request');
      const inside = await inSpanPerItem(
        () => 'process',
        SpanKind.CONSUMER,
        [{ carrier, attributes: {} }],
        async () => trace.getActiveSpan()?.spanContext().spanId,
      );
      expect(inside).toBe(
        exporter
          .getFinishedSpans()
          .find((span) => span.name === 'process')!
          .spanContext().spanId,
      );
    });

    it('marks every span failed when the work fails', async () => {
      const items = [stored('a'), stored('b')].map(({ carrier }) => ({ carrier, attributes: {} }));
      await expect(
        inSpanPerItem(
          () => 'process',
          SpanKind.CONSUMER,
          items,
          () => Promise.reject(new Error('write failed')),
        ),
      ).rejects.toThrow('write failed');
      const processed = exporter.getFinishedSpans().filter((span) => span.name === 'process');
      expect(processed.map((span) => span.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.ERROR]);
    });
  });

  describe('when tracing is off', () => {
    beforeEach(() => markTracingStarted(false));
    afterEach(() => markTracingStarted(true));

    it('creates no spans and hands on no carriers', async () => {
      const carrier = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };
      expect(await inSpan('append', {}, async (span) => span)).toBeUndefined();
      expect(
        await inSpanPerItem(
          () => 'send',
          SpanKind.PRODUCER,
          [{ carrier, attributes: {} }],
          async (c) => c,
        ),
      ).toEqual([undefined]);
      expect(exporter.getFinishedSpans()).toEqual([]);
    });
  });
});

describe('tracingRequested', () => {
  it.each([
    [{}, false],
    [{ OTEL_TRACES_EXPORTER: '' }, false],
    [{ OTEL_TRACES_EXPORTER: 'none' }, false],
    [{ OTEL_TRACES_EXPORTER: 'otlp,none' }, false],
    [{ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }, false],
    [{ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'false' }, true],
    [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
    [{ OTEL_TRACES_EXPORTER: ' console , otlp ' }, true],
  ])('%j → %s', (env, expected) => expect(tracingRequested(env)).toBe(expected));
});
