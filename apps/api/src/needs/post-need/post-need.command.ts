import { CommandContext } from '../../commands/command-context';
import { PostNeedRequest } from './post-need.request.dto';

export class PostNeedCommand {
  constructor(
    readonly request: PostNeedRequest,
    readonly context: CommandContext,
  ) {}
}
