import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { RegisterParticipantRequest } from '../../../../../apps/api/src/participants/commands/register-participant.request.dto';

export class RegisterParticipantCommand {
  constructor(
    readonly request: RegisterParticipantRequest,
    readonly context: CommandContext,
  ) {}
}
