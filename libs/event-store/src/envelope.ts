/** Who did it, as authenticated at the API. */
export interface EventActor {
  sub: string;
  role: string;
  participantId?: string;
}

/** Why and by whom: carried by every event of one command. */
export interface EventMetadata {
  /** Idempotency: appending again with a command id already on the stream writes nothing. */
  commandId: string;
  /** The request or workflow this command belongs to (one per HTTP request, kept across a saga). */
  correlationId: string;
  /** The command or event that caused this one (for a direct HTTP command: the command id itself). */
  causationId: string;
  actor: EventActor;
}

/** An event as stored in MongoDB and published to Kafka (the value is this object as JSON). */
export interface EventEnvelope<Data = unknown> {
  eventId: string; // UUIDv7
  type: string; // stable registered name, never a class name
  schemaVersion: number;
  streamId: string;
  streamType: string;
  version: number; // 1-based position in its stream
  occurredAt: string; // ISO time the fact happened (the command's time)
  recordedAt: string; // ISO time the store wrote it
  data: Data;
  metadata: EventMetadata;
  prevHash: string; // hash of the previous event of the stream; 64 zeros for the first
  hash: string; // SHA-256 over the canonical envelope without `hash`
}

/** What a command handler hands to `append`: the domain event plus the time it happened. */
export interface NewEvent<Data = unknown> {
  type: string;
  data: Data;
  /** Defaults to the append's recording time. */
  occurredAt?: string;
}
