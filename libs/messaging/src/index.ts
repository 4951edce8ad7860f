export { AppliedVersion, alreadyApplied, SourceEvent, withApplied } from './consumer/applied-versions';
export { ConsumerMetrics } from './consumer/consumer-metrics';
export {
  BatchHandler,
  ConsumedMessage,
  ConsumerRunner,
  ConsumerRunnerOptions,
  deadLetterTopic,
  MessageHandler,
} from './consumer/consumer-runner';
export { Lease, LeaseOptions } from './relay/lease';
export { OutboxRelay, OutboxRelayOptions } from './relay/outbox-relay';
export { RelayMetrics } from './relay/relay-metrics';
export { createTopicsWithLeaders, ensureEventTopics } from './topic-provisioner';
export { eventTopicConfigs, minInsyncReplicasFor, StreamType, streamTopics, TopicSettings, topicFor } from './topics';
