import { PostNeed } from '@cm/domain';
import { CommandContext } from '../../command-context';

export class PostNeedCommand {
  constructor(
    readonly request: Omit<PostNeed['data'], 'needId'>,
    readonly context: CommandContext,
  ) {}
}
