import { RegisterParticipant } from '@cm/domain';
import { CommandContext } from '../../command-context';

export class RegisterParticipantCommand {
  constructor(
    readonly request: RegisterParticipant['data'],
    readonly context: CommandContext,
  ) {}
}
