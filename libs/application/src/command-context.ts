import { createHash } from 'node:crypto';
import { Actor } from '@cm/domain';
import { EventMetadata } from '@cm/event-store';
import { v7 as uuidv7 } from 'uuid';

/** Who, when and why, for one command: everything the executor adds to the domain command and to its events. */
export interface CommandContext {
  readonly actor: Actor;
  /** ISO time the command is decided at. */
  readonly now: string;
  readonly commandId: string;
  readonly correlationId: string;
  /** With an Idempotency-Key, new ids derive from it: a retry after a crash creates the same records again. */
  readonly idempotency?: { readonly recordId: string; readonly createdAt: number };
}

/** A UUIDv7 at `msecs` whose random bits come from the seed: the same seed always gives the same id. */
export function derivedUuid(seed: string, msecs: number): string {
  const random = createHash('sha256').update(seed).digest().subarray(0, 16);
  return uuidv7({ msecs, random: Uint8Array.from(random) });
}

/** A new record's id (need, pledge, allocation, delivery): random, or derived from the Idempotency-Key. */
export function newIdFor(context: CommandContext, purpose: string): string {
  const { idempotency } = context;
  return idempotency ? derivedUuid(`${idempotency.recordId}/${purpose}`, idempotency.createdAt) : uuidv7();
}

/**
 * The metadata of one append. A command touching several streams (the allocation saga) appends once per step, each
 * with its own command id derived from the request's, so that every step is deduplicated on its own.
 */
export function metadataOf(context: CommandContext, step?: string): EventMetadata {
  return {
    commandId: step ? `${context.commandId}/${step}` : context.commandId,
    correlationId: context.correlationId,
    causationId: context.commandId,
    actor: {
      sub: context.actor.sub,
      role: context.actor.role,
      ...(context.actor.participantId && { participantId: context.actor.participantId }),
    },
  };
}
