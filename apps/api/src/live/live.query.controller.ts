import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { filter, interval, map, merge, Observable } from 'rxjs';
import { Actor } from '@cm/domain';
import { LiveFeed, mayReadStream } from '@cm/application';
import { CurrentActor } from '../auth/auth.decorators';

const heartbeatMs = 20_000;

@ApiTags('live')
@Controller('live')
export class LiveHttpController {
  constructor(private readonly feed: LiveFeed) {}

  /** A heartbeat keeps proxies from closing an idle stream; `change` events carry ids and versions, no record data. */
  @Sse()
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Server-sent events: the records the caller may see, as they change' })
  live(@CurrentActor() actor: Actor): Observable<MessageEvent> {
    const changes = this.feed.changes.pipe(
      filter((change) => mayReadStream(actor, change.parties)),
      map(({ parties: _parties, ...change }): MessageEvent => ({
        type: 'change',
        id: `${change.streamId}@${change.version}`,
        data: change,
      })),
    );
    const heartbeats = interval(heartbeatMs).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    return merge(changes, heartbeats);
  }
}
