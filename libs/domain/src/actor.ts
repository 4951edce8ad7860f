import { DomainError } from './errors';

export const roles = ['admin', 'coordinator', 'donor', 'affected_state', 'analyst'] as const;
export type Role = (typeof roles)[number];

/** Who issues a command, as authenticated by the API (JWT claims). */
export interface Actor {
  readonly sub: string;
  readonly role: Role;
  readonly participantId?: string;
}

/** Time and identity arrive with every command: the domain has no clock. */
export interface CommandMetadata {
  readonly actor: Actor;
  /** ISO 8601 timestamp in UTC, e.g. 2026-03-01T10:00:00Z. */
  readonly now: string;
}

/** Coordinators and admins broker on behalf of participants; everyone else acts only for their own id. */
const brokers: readonly Role[] = ['admin', 'coordinator'];

export function assertActsFor(actor: Actor, participantId: string): void {
  if (brokers.includes(actor.role)) return;
  if (actor.participantId !== undefined && actor.participantId === participantId) return;
  throw new DomainError(
    'FORBIDDEN_PARTICIPANT',
    `${actor.role} ${actor.participantId ?? actor.sub} cannot act for participant ${participantId}`,
  );
}
