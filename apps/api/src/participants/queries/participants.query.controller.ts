import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { emptyTreaty, obligationsOf, participantKinds, treatyStatuses, type Participant } from '@cm/domain';
import { ParticipantView } from '@cm/read-models';
import { ReadModelQueries } from '@cm/application';
import { ParticipantIdPipe } from '../../http/participant-id.pipe';
import { ConsistentRead } from '../../queries/consistent-read';
import { IsCalendarDate, listQueryOf, OneOf, Optional, PageQuery } from '../../queries/query-params';
import { QueryRoute } from '../../queries/query-route';

export class ParticipantsQuery extends PageQuery {
  @OneOf(participantKinds)
  kind?: string;

  @OneOf(treatyStatuses)
  treatyStatus?: string;
}

export class ObligationsQuery {
  @Optional(IsCalendarDate(), {
    description: 'The ISO date the deadlines are counted to (today)',
    example: '2025-01-15',
  })
  asOf?: string;
}

export const participantRecord = ({ _id, ...participant }: ParticipantView) => participant;

@ApiTags('participants')
@Controller('participants')
export class ParticipantsQueryController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get()
  @QueryRoute('List participants (filters: kind, treatyStatus), in id order, by pages')
  @ConsistentRead('participant')
  async list(@Query() query: ParticipantsQuery) {
    const { filter, paging } = listQueryOf(query);
    return this.queries.page('participants', filter, paging, participantRecord);
  }

  @Get(':id')
  @QueryRoute('One participant')
  @ConsistentRead('participant')
  async get(@Param('id', ParticipantIdPipe) id: string) {
    return this.queries.byId('participants', id, participantRecord);
  }

  @Get(':id/obligations')
  @QueryRoute(
    'Entry into force and the Art. 3 and Art. 4 deadlines of a State, with extensions, as of a date (default today)',
  )
  @ConsistentRead('participant')
  async obligations(@Param('id', ParticipantIdPipe) id: string, @Query() query: ObligationsQuery) {
    const asOf = query.asOf ?? new Date().toISOString().slice(0, 10);
    const participant = (await this.queries.byId('participants', id, participantRecord)) as Participant;
    const treaty = participant.treaty ?? emptyTreaty;
    return { participantId: id, asOf, ...obligationsOf(treaty, asOf), treaty };
  }
}
