import { Counter, Gauge, register as globalRegistry, Registry } from 'prom-client';

function gauge(registry: Registry, name: string, help: string): Gauge {
  return (registry.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help, registers: [registry] });
}

/** What an operator needs to see that the outbox drains: backlog, its age, and throughput. */
export class RelayMetrics {
  readonly waiting: Gauge;
  readonly oldestWaitingSeconds: Gauge;
  readonly publishedPerSecond: Gauge;
  readonly outboxStreams: Gauge;
  readonly leaseHeld: Gauge;
  readonly published: Counter;
  private readonly window: { at: number; count: number }[] = [];

  constructor(registry: Registry = globalRegistry) {
    this.waiting = gauge(
      registry,
      'relay_events_waiting',
      'Events found in the outbox and not yet acknowledged by Kafka',
    );
    this.oldestWaitingSeconds = gauge(
      registry,
      'relay_oldest_waiting_seconds',
      'Age of the oldest event recorded but not yet published',
    );
    this.publishedPerSecond = gauge(registry, 'relay_published_per_second', 'Events published per second, last 10 s');
    this.outboxStreams = gauge(
      registry,
      'relay_outbox_streams',
      'Streams marked as possibly having unpublished events',
    );
    this.leaseHeld = gauge(registry, 'relay_lease_held', '1 while this relay holds the publishing lease');
    this.published =
      (registry.getSingleMetric('relay_events_published_total') as Counter | undefined) ??
      new Counter({
        name: 'relay_events_published_total',
        help: 'Events acknowledged by Kafka',
        registers: [registry],
      });
  }

  recordPublished(count: number, now = Date.now()): void {
    this.published.inc(count);
    this.window.push({ at: now, count });
    while (this.window.length > 0 && this.window[0].at < now - 10_000) this.window.shift();
    const total = this.window.reduce((sum, entry) => sum + entry.count, 0);
    this.publishedPerSecond.set(total / 10);
  }
}
