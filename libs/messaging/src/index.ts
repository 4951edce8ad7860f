export { ensureEventTopics } from './topic-provisioner';
export { eventTopicConfigs, StreamType, streamTopics, TopicSettings, topicFor } from './topics';
