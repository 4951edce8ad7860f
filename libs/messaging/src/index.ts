export { Lease, LeaseOptions } from './relay/lease';
export { OutboxRelay, OutboxRelayOptions } from './relay/outbox-relay';
export { RelayMetrics } from './relay/relay-metrics';
export { ensureEventTopics } from './topic-provisioner';
export { eventTopicConfigs, StreamType, streamTopics, TopicSettings, topicFor } from './topics';
