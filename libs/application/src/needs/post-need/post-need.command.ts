import { CommandContext } from '../../../../../apps/api/src/commands/command-context';
import { PostNeedRequest } from '../../../../../apps/api/src/needs/post-need/post-need.request.dto';

export class PostNeedCommand {
  constructor(
    readonly request: PostNeedRequest,
    readonly context: CommandContext,
  ) {}
}
