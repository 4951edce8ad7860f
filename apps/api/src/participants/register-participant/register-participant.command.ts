import { CommandContext } from '../../commands/command-context';
import { RegisterParticipantRequest } from './register-participant.request.dto';

export class RegisterParticipantCommand {
  constructor(
    readonly request: RegisterParticipantRequest,
    readonly context: CommandContext,
  ) {}
}
