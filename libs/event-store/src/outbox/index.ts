export { findByIds, inServedByIdIndex, takesMultiDocumentWrites } from './key-reads';
export { MongoOutbox, MongoOutboxOptions } from './mongo-outbox';
export { Outbox, UnpublishedBatch, UnpublishedCommit, UnpublishedStream } from './outbox';
export { OutboxLease, OutboxLeaseOptions } from './outbox-lease';
