import { CommandContext } from '../../../../apps/api/src/http/command-context';
import { FormCoalitionRequest } from '../../../../apps/api/src/coalitions/commands/coalition.requests';

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
