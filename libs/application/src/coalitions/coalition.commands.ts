import type { FormCoalition } from '@cm/domain';
import { CommandContext } from '../command-context';

/** The participants it names are read from their streams by the handler. */
export type FormCoalitionRequest = Omit<FormCoalition['data'], 'coalitionId' | 'participants'>;

export class FormCoalitionCommand {
  constructor(
    readonly request: FormCoalitionRequest,
    readonly context: CommandContext,
  ) {}
}

export class JoinCoalitionCommand {
  constructor(
    readonly coalitionId: string,
    readonly participantId: string,
    readonly context: CommandContext,
  ) {}
}

export class LeaveCoalitionCommand {
  constructor(
    readonly coalitionId: string,
    readonly participantId: string,
    readonly reason: string | undefined,
    readonly context: CommandContext,
  ) {}
}

export class ChangeLeadPartnerCommand {
  constructor(
    readonly coalitionId: string,
    readonly participantId: string,
    readonly context: CommandContext,
  ) {}
}

export class DissolveCoalitionCommand {
  constructor(
    readonly coalitionId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
