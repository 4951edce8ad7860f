import { RevisePledge } from '@cm/domain';
import { CommandContext } from '../../command-context';

export class RevisePledgeCommand {
  constructor(
    readonly pledgeId: string,
    readonly request: Omit<RevisePledge['data'], 'pledgeId'>,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {}
}
