import { needAggregate } from '@cm/domain';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newIdFor } from '../../command-context';
import { CommandExecutor } from '../../command-executor';
import { CommandResult } from '../../command-result';
import { PostNeedCommand } from './post-need.command';

@CommandHandler(PostNeedCommand)
export class PostNeedHandler implements ICommandHandler<PostNeedCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ request, context }: PostNeedCommand): Promise<CommandResult> {
    return this.executor.answer(async () => {
      const needId = newIdFor(context, 'need');
      const data = { ...request, needId };
      const { state, version } = await this.executor.execute(
        needAggregate,
        needId,
        { type: 'PostNeed', data },
        context,
      );
      return { id: needId, version, status: state?.status };
    });
  }
}
