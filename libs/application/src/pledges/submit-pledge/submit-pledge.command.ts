import { SubmitPledge } from '@cm/domain';
import { CommandContext } from '../../command-context';

export class SubmitPledgeCommand {
  constructor(
    readonly request: Omit<SubmitPledge['data'], 'pledgeId'>,
    readonly context: CommandContext,
  ) {}
}
