import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newIdFor } from '../command-context';
import { CommandResult } from '../command-result';
import { CoalitionChanges } from './coalition-changes';
import {
  ChangeLeadPartnerCommand,
  DissolveCoalitionCommand,
  FormCoalitionCommand,
  JoinCoalitionCommand,
  LeaveCoalitionCommand,
} from './coalition.commands';

@CommandHandler(FormCoalitionCommand)
export class FormCoalitionHandler implements ICommandHandler<FormCoalitionCommand, CommandResult> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ request, context }: FormCoalitionCommand): Promise<CommandResult> {
    const coalitionId = newIdFor(context, 'coalition');
    const named = [request.affectedStateId, request.leadPartnerId];
    return this.coalitions.apply('FormCoalition', { ...request, coalitionId }, context, named);
  }
}

@CommandHandler(JoinCoalitionCommand)
export class JoinCoalitionHandler implements ICommandHandler<JoinCoalitionCommand, CommandResult> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ coalitionId, participantId, context }: JoinCoalitionCommand): Promise<CommandResult> {
    return this.coalitions.apply('JoinCoalition', { coalitionId, participantId }, context, [participantId]);
  }
}

@CommandHandler(LeaveCoalitionCommand)
export class LeaveCoalitionHandler implements ICommandHandler<LeaveCoalitionCommand, CommandResult> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ coalitionId, participantId, reason, context }: LeaveCoalitionCommand): Promise<CommandResult> {
    const data = { coalitionId, participantId, ...(reason !== undefined && { reason }) };
    return this.coalitions.apply('LeaveCoalition', data, context);
  }
}

@CommandHandler(ChangeLeadPartnerCommand)
export class ChangeLeadPartnerHandler implements ICommandHandler<ChangeLeadPartnerCommand, CommandResult> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ coalitionId, participantId, context }: ChangeLeadPartnerCommand): Promise<CommandResult> {
    return this.coalitions.apply('ChangeLeadPartner', { coalitionId, participantId }, context);
  }
}

@CommandHandler(DissolveCoalitionCommand)
export class DissolveCoalitionHandler implements ICommandHandler<DissolveCoalitionCommand, CommandResult> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ coalitionId, reason, context }: DissolveCoalitionCommand): Promise<CommandResult> {
    return this.coalitions.apply('DissolveCoalition', { coalitionId, reason }, context);
  }
}

export const coalitionHandlers = [
  FormCoalitionHandler,
  JoinCoalitionHandler,
  LeaveCoalitionHandler,
  ChangeLeadPartnerHandler,
  DissolveCoalitionHandler,
];
