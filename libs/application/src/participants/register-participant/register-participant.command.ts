import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { RegisterParticipantRequest } from '../../../../../apps/api/src/participants/register-participant/register-participant.request.dto';

export class RegisterParticipantCommand {
  constructor(
    readonly request: RegisterParticipantRequest,
    readonly context: CommandContext,
  ) {}
}
