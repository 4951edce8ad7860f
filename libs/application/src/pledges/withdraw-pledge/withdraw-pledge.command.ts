import { CommandContext } from '../../../../../apps/api/src/commands/command-context';

export class WithdrawPledgeCommand {
  constructor(
    readonly pledgeId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
