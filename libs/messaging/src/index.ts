export { ConsumerMetrics } from './consumer/consumer-metrics';
export {
  BatchHandler,
  ConsumedMessage,
  ConsumerRunner,
  ConsumerRunnerOptions,
  deadLetterTopic,
  MessageHandler,
} from './consumer/consumer-runner';
export { OutboxRelay, OutboxRelayOptions, RelayLease } from './relay/outbox-relay';
export { RelayMetrics } from './relay/relay-metrics';
export { createTopicsWithLeaders, ensureEventTopics } from './topic-provisioner';
export { eventTopicConfigs, minInsyncReplicasFor, StreamType, streamTopics, TopicSettings, topicFor } from './topics';
