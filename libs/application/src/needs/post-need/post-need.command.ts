import { CommandContext } from '../../../../../apps/api/src/http/command-context';
import { PostNeedRequest } from '../../../../../apps/api/src/needs/commands/post-need.request.dto';

export class PostNeedCommand {
  constructor(
    readonly request: PostNeedRequest,
    readonly context: CommandContext,
  ) {}
}
