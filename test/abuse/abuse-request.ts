import { Role } from '@cm/domain';
import { Random } from './random';

/** One request the fuzzer sends, with what it did to a valid request, for the failure report. */
export interface AbuseRequest {
  route: string;
  method: string;
  path: string;
  role: Role | 'none' | 'forged';
  headers: Record<string, string>;
  body?: string;
  /** The mutation that must make a command refused, e.g. `wrongType:quantity`; queries have none. */
  breaker?: string;
  /** The field that mutation targets, which a 400 must name. */
  field?: string;
  edges: string[];
}

const roles: Role[] = ['admin', 'coordinator', 'analyst', 'donor', 'affected_state'];

/** Mostly a role the route admits (so that requests reach validation), sometimes another, none or a forged one. */
export function pickRole(random: Random, allowed: Role[]): AbuseRequest['role'] {
  const roll = random.next();
  if (roll < 0.8) return random.pick(allowed);
  if (roll < 0.95) return random.pick(roles);
  return random.chance(0.5) ? 'none' : 'forged';
}
