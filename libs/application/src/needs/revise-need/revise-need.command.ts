import { ReviseNeed } from '@cm/domain';
import { CommandContext } from '../../command-context';

export class ReviseNeedCommand {
  constructor(
    readonly needId: string,
    readonly request: Omit<ReviseNeed['data'], 'needId'>,
    readonly context: CommandContext,
    /** From If-Match. */
    readonly expectedVersion?: number,
  ) {}
}
