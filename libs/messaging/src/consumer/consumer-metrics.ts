import { Counter, Gauge, register as globalRegistry, Registry } from 'prom-client';

function metric<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/** Per group, topic and partition: how far behind the log a consumer is, and what became of each message. */
export class ConsumerMetrics {
  readonly lag: Gauge<'group' | 'topic' | 'partition'>;
  readonly lagSeconds: Gauge<'group' | 'topic' | 'partition'>;
  readonly messages: Counter<'group' | 'topic' | 'outcome'>;
  readonly failures: Counter<'group' | 'topic'>;

  constructor(registry: Registry = globalRegistry) {
    const registers = [registry];
    this.lag = metric(
      registry,
      'consumer_lag_messages',
      () =>
        new Gauge({
          name: 'consumer_lag_messages',
          help: 'Messages in the partition after the last one this group has processed',
          labelNames: ['group', 'topic', 'partition'] as const,
          registers,
        }),
    );
    this.lagSeconds = metric(
      registry,
      'consumer_lag_seconds',
      () =>
        new Gauge({
          name: 'consumer_lag_seconds',
          help: 'Age of the last processed message when it was processed (0 when caught up)',
          labelNames: ['group', 'topic', 'partition'] as const,
          registers,
        }),
    );
    this.messages = metric(
      registry,
      'consumer_messages_total',
      () =>
        new Counter({
          name: 'consumer_messages_total',
          help: 'Messages handled, by outcome (processed or dead_lettered)',
          labelNames: ['group', 'topic', 'outcome'] as const,
          registers,
        }),
    );
    this.failures = metric(
      registry,
      'consumer_handler_failures_total',
      () =>
        new Counter({
          name: 'consumer_handler_failures_total',
          help: 'Failed handler attempts, retried or dead-lettered',
          labelNames: ['group', 'topic'] as const,
          registers,
        }),
    );
  }
}
