import { DomainError } from './errors';

export const assistanceTypes = ['technical', 'material', 'financial'] as const;
export type AssistanceType = (typeof assistanceTypes)[number];

export const pillars = [
  'clearance',
  'risk_education',
  'victim_assistance',
  'stockpile_destruction',
  'capacity_building',
] as const;
export type Pillar = (typeof pillars)[number];

export const priorities = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];

export const treatyStatuses = ['state_party', 'signatory', 'not_party'] as const;
export type TreatyStatus = (typeof treatyStatuses)[number];

export const participantKinds = ['state', 'organization'] as const;
export type ParticipantKind = (typeof participantKinds)[number];

const stateIdPattern = /^[A-Z]{3}$/;
/** Any participant's id: alpha-3 for a state, an upper-case slug for an organisation (EU, UNMAS, ICRC). */
export const participantIdPattern = /^[A-Z][A-Z0-9_-]{1,31}$/;
/** A lower-case tag, such as metal_detectors. */
export const categoryPattern = /^[a-z][a-z0-9_]{0,63}$/;

/** Narrows an untrusted value to one of the vocabulary's values or throws INVALID_FIELD. */
export function oneOf<T extends string>(allowed: readonly T[], value: unknown, field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainError('INVALID_FIELD', `${field} must be one of ${allowed.join(', ')}`, field);
}

export function stateId(value: unknown, field: string): string {
  if (typeof value === 'string' && stateIdPattern.test(value)) return value;
  throw new DomainError('INVALID_FIELD', `${field} must be an ISO 3166-1 alpha-3 code`, field);
}

/** A participant id: alpha-3 for a state, an upper-case slug for an organisation (EU, UNMAS, ICRC). */
export function participantId(value: unknown, field: string, kind?: ParticipantKind): string {
  if (kind === 'state') return stateId(value, field);
  if (typeof value === 'string' && participantIdPattern.test(value)) return value;
  throw new DomainError('INVALID_FIELD', `${field} must be an upper-case participant id`, field);
}

export function category(value: unknown, field = 'category'): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && categoryPattern.test(value)) return value;
  throw new DomainError('INVALID_FIELD', `${field} must be a lower-case tag like metal_detectors`, field);
}

export function text(value: unknown, field: string, maxLength: number): string {
  if (typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength) return value;
  throw new DomainError('INVALID_FIELD', `${field} must be a non-empty text of at most ${maxLength} characters`, field);
}

export function optionalText(value: unknown, field: string, maxLength: number): string | undefined {
  return value === undefined ? undefined : text(value, field, maxLength);
}
