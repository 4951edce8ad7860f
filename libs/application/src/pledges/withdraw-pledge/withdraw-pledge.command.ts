import { CommandContext } from '../../command-context';

export class WithdrawPledgeCommand {
  constructor(
    readonly pledgeId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
