import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandAnswer } from '../../../../apps/api/src/http/command-answer';
import { newIdFor } from '../../../../apps/api/src/http/command-context';
import { CoalitionChanges } from './coalition-changes';
import {
  ChangeLeadPartnerCommand,
  DissolveCoalitionCommand,
  FormCoalitionCommand,
  JoinCoalitionCommand,
  LeaveCoalitionCommand,
} from './coalition.commands';

@CommandHandler(FormCoalitionCommand)
export class FormCoalitionHandler implements ICommandHandler<FormCoalitionCommand, CommandAnswer> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ request, context }: FormCoalitionCommand): Promise<CommandAnswer> {
    const coalitionId = newIdFor(context, 'coalition');
    const named = [request.affectedStateId, request.leadPartnerId];
    return this.coalitions.apply('FormCoalition', { ...request, coalitionId }, context, named);
  }
}

@CommandHandler(JoinCoalitionCommand)
export class JoinCoalitionHandler implements ICommandHandler<JoinCoalitionCommand, CommandAnswer> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ coalitionId, participantId, context }: JoinCoalitionCommand): Promise<CommandAnswer> {
    return this.coalitions.apply('JoinCoalition', { coalitionId, participantId }, context, [participantId]);
  }
}

@CommandHandler(LeaveCoalitionCommand)
export class LeaveCoalitionHandler implements ICommandHandler<LeaveCoalitionCommand, CommandAnswer> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ coalitionId, participantId, reason, context }: LeaveCoalitionCommand): Promise<CommandAnswer> {
    const data = { coalitionId, participantId, ...(reason !== undefined && { reason }) };
    return this.coalitions.apply('LeaveCoalition', data, context);
  }
}

@CommandHandler(ChangeLeadPartnerCommand)
export class ChangeLeadPartnerHandler implements ICommandHandler<ChangeLeadPartnerCommand, CommandAnswer> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ coalitionId, participantId, context }: ChangeLeadPartnerCommand): Promise<CommandAnswer> {
    return this.coalitions.apply('ChangeLeadPartner', { coalitionId, participantId }, context);
  }
}

@CommandHandler(DissolveCoalitionCommand)
export class DissolveCoalitionHandler implements ICommandHandler<DissolveCoalitionCommand, CommandAnswer> {
  constructor(private readonly coalitions: CoalitionChanges) {}

  execute({ coalitionId, reason, context }: DissolveCoalitionCommand): Promise<CommandAnswer> {
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
