import type { Actor, CommandMetadata } from '../actor';

export const now = '2026-03-01T12:00:00Z';

export const admin: Actor = { sub: 'admin-1', role: 'admin' };
export const coordinator: Actor = { sub: 'isu-1', role: 'coordinator' };
export const norway: Actor = { sub: 'nor-1', role: 'donor', participantId: 'NOR' };
export const germany: Actor = { sub: 'deu-1', role: 'donor', participantId: 'DEU' };
export const laos: Actor = { sub: 'lao-1', role: 'affected_state', participantId: 'LAO' };
export const vietnam: Actor = { sub: 'vnm-1', role: 'affected_state', participantId: 'VNM' };

export const by = (actor: Actor, at = now): CommandMetadata => ({ actor, now: at });
