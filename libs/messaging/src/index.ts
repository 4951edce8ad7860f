export { ConsumerMetrics } from './consumer/consumer-metrics';
export { BatchHandler, ConsumedMessage, MessageHandler } from './consumer/consumed-message';
export { ConsumerRunner, ConsumerRunnerOptions } from './consumer/consumer-runner';
export { deadLetterTopic } from './consumer/dead-letters';
export { publishCommits } from './relay/publish-commits';
export { OutboxRelay, OutboxRelayOptions, RelayLease } from './relay/outbox-relay';
export { RelayMetrics } from './relay/relay-metrics';
export { createTopicsWithLeaders, ensureEventTopics, missingTopics, waitForTopics } from './topic-provisioner';
export { eventTopicConfigs, minInsyncReplicasFor, StreamType, streamTopics, TopicSettings, topicFor } from './topics';
