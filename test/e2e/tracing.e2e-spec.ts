import { CommitDocument, hashOf } from '@cm/event-store';
import { topicFor } from '@cm/messaging';
import { useActorStack } from '../support/actor-stack';
import { freePort } from '../support/ports';
import { waitFor } from '../support/processes';
import { ReceivedSpan, startOtlpReceiver } from '../support/otlp-receiver';

const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;
const ms = (ns: bigint) => Number(ns / 1_000n) / 1_000;

describe('one trace follows a command from the api through the relay to the projector', () => {
  let otlpPort: number;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    otlpPort = await freePort();
    receiver = await startOtlpReceiver(otlpPort);
  });
  afterAll(() => receiver?.close());

  const { database, db, client } = useActorStack('tracing', {
    env: () => ({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
      OTEL_BSP_SCHEDULE_DELAY: '200',
    }),
  });

  it('links request → append → relay send → projector apply, with the lag between them on the spans', async () => {
    const token = await client.token('admin');
    const registered = await client.send('POST', '/participants', {
      token,
      body: { id: 'NOR', name: 'Norway', kind: 'state', treatyStatus: 'state_party' },
    });
    expect(registered.status).toBe(201);

    const request = await waitFor(
      async () =>
        receiver.spans.find(
          (span) =>
            span.service === 'cm-api' &&
            span.kind === SERVER &&
            (span.attributes['url.path'] ?? span.attributes['http.target']) === '/participants',
        ),
      'the api to export its request span',
      30_000,
    );
    const inTrace = (predicate: (span: ReceivedSpan) => boolean) =>
      receiver.spans.find((span) => span.traceId === request.traceId && predicate(span));
    const apply = await waitFor(
      async () => inTrace((span) => span.service === 'cm-projector' && span.kind === CONSUMER),
      'the projector to export its apply span in the same trace',
      60_000,
      () => JSON.stringify(receiver.spans.map(({ service, name, traceId }) => ({ service, name, traceId }))),
    );
    const append = inTrace((span) => span.name === 'event-store append')!;
    const send = inTrace((span) => span.service === 'cm-relay' && span.kind === PRODUCER)!;

    expect(request.attributes['http.request.method'] ?? request.attributes['http.method']).toBe('POST');
    expect({ service: append.service, parent: append.parentSpanId }).toEqual({
      service: 'cm-api',
      parent: request.spanId,
    });
    expect(append.attributes).toMatchObject({ 'cm.stream.type': 'participant', 'cm.stream.version': 1 });
    expect({ service: send.service, parent: send.parentSpanId }).toEqual({
      service: 'cm-relay',
      parent: append.spanId,
    });
    expect(send.attributes).toMatchObject({ 'messaging.system': 'kafka', 'cm.event.types': 'ParticipantRegistered' });
    expect({ service: apply.service, parent: apply.parentSpanId }).toEqual({
      service: 'cm-projector',
      parent: send.spanId,
    });
    expect(apply.attributes).toMatchObject({ 'messaging.destination.name': topicFor('participant', `${database}.`) });

    // The context is stored beside the events, outside their hashes: the chain still verifies.
    const commit = (await db.collection<CommitDocument>('event_commits').findOne({ streamType: 'participant' }))!;
    expect(commit.trace?.traceparent).toBe(`00-${request.traceId}-${append.spanId}-01`);
    expect(commit.events.map((event) => hashOf(event) === event.hash)).toEqual([true]);

    // The lag is on the timeline. The relay may send as soon as the commit is written, before the append has also
    // recorded the stream head (the end of its span); the projector applies after the send began.
    const committedNs = BigInt(Date.parse(commit.recordedAt.toISOString())) * 1_000_000n;
    expect(append.startNs).toBeLessThanOrEqual(committedNs + 1_000_000n); // recordedAt has millisecond precision
    expect(send.startNs).toBeGreaterThanOrEqual(committedNs);
    expect(apply.startNs).toBeGreaterThanOrEqual(send.startNs);
    expect(send.attributes['cm.outbox.wait_ms']).toBeGreaterThanOrEqual(0);
    expect(apply.attributes['cm.consumer.lag_ms']).toBeGreaterThanOrEqual(0);
    console.log(
      `trace ${request.traceId}: request ${ms(request.endNs - request.startNs)} ms, ` +
        `commit → send ${ms(send.startNs - committedNs)} ms, send ${ms(send.endNs - send.startNs)} ms, ` +
        `send → apply ${ms(apply.startNs - send.endNs)} ms, request start → applied ${ms(apply.endNs - request.startNs)} ms`,
    );
  });
});
