import { Controller, Get, Injectable, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@cm/domain';
import { AuditStreams, EventPage, StreamStateAt } from '@cm/application';
import { StreamVerification } from '@cm/event-store';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Problem } from '../problems/problem';
import { defaultPageSize, instantOf, StreamEventsQuery, StreamStateQuery } from './audit-queries';

/** Every role may ask; donors and affected States are then limited to the streams they are party to. */
const auditors: Role[] = ['analyst', 'coordinator', 'admin', 'donor', 'affected_state'];

/** `<type>-<id>`, refused before it reaches the store otherwise; the document states the pattern. */
@Injectable()
class StreamIdPipe implements PipeTransform<string, string> {
  static readonly pattern = /^[a-z]+-[A-Za-z0-9_-]{1,100}$/;

  transform(value: string): string {
    if (!StreamIdPipe.pattern.test(value)) {
      throw Problem.validation([{ field: 'streamId', message: 'must be a stream id such as need-<id>' }]);
    }
    return value;
  }
}

@ApiTags('audit')
@ApiBearerAuth()
@ApiParam({ name: 'streamId', description: '`<type>-<id>`: participant-LAO, need-<uuid>, pledge-…, allocation-…' })
@ApiResponse({ status: 403, description: 'FORBIDDEN: a donor or affected State not party to the stream' })
@ApiResponse({ status: 404, description: 'STREAM_NOT_FOUND' })
@Controller('audit/streams')
export class AuditStreamsHttpController {
  constructor(private readonly streams: AuditStreams) {}

  @Get(':streamId/events')
  @Roles(...auditors)
  @ApiOperation({ summary: 'The full history of one stream with envelopes (who, why, hashes), by version' })
  events(
    @Param('streamId', StreamIdPipe) streamId: string,
    @Query() query: StreamEventsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<EventPage> {
    const page = { after: Number(query.cursor ?? 0), limit: query.limit ?? defaultPageSize };
    return this.streams.events(actor, streamId, page);
  }

  @Get(':streamId/state')
  @Roles(...auditors)
  @ApiOperation({ summary: 'The aggregate as it was at a time: the fold of the events recorded up to then' })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: `at` is missing or not a time' })
  state(
    @Param('streamId', StreamIdPipe) streamId: string,
    @Query() query: StreamStateQuery,
    @CurrentActor() actor: Actor,
  ): Promise<StreamStateAt> {
    return this.streams.stateAt(actor, streamId, instantOf(query.at));
  }

  @Get(':streamId/verify')
  @Roles(...auditors)
  @ApiOperation({ summary: 'Checks the hash chain; names the first version whose content or link does not hold' })
  verify(@Param('streamId', StreamIdPipe) streamId: string, @CurrentActor() actor: Actor): Promise<StreamVerification> {
    return this.streams.verify(actor, streamId);
  }
}
