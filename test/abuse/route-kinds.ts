import { Role } from '@cm/domain';

/** Records the fuzzer aims at: real ones, so that refusals come from the real validation and rules. */
export interface Seeded {
  recipientId: string;
  donorId: string;
  needId: string;
  pledgeId: string;
  allocationId: string;
  deliveryId: string;
  streamId: string;
}

/** The pillars the command and query routes accept. */
export const pillars = [
  'clearance',
  'risk_education',
  'victim_assistance',
  'stockpile_destruction',
  'capacity_building',
];

/** What a field holds, so that a mutation knows which values are of the wrong type or out of bounds. */
export type FieldKind =
  | { kind: 'text'; max: number; min?: number }
  | { kind: 'pattern'; bad: string[] }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'date' }
  | { kind: 'amount' }
  | { kind: 'quantity' }
  | { kind: 'list'; bad: unknown[] };

export interface CommandRoute {
  method: 'POST' | 'PATCH';
  path: (ids: Seeded, id?: string) => string;
  /** The route has a record id in its path (the fuzzer also sends hostile ones). */
  hasId: boolean;
  roles: Role[];
  valid: (ids: Seeded) => Record<string, unknown>;
  fields: Record<string, FieldKind & { required?: boolean }>;
}

export interface QueryRoute {
  path: (ids: Seeded, id?: string) => string;
  hasId: boolean;
  roles: Role[];
  /** Its query parameters and values it accepts. */
  params: Record<string, string[]>;
}
