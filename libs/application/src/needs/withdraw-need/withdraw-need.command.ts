import { CommandContext } from '../../command-context';

export class WithdrawNeedCommand {
  constructor(
    readonly needId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
