import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cm/domain';
import { article7Csv, article7Report } from '@cm/reporting';
import { ReportSources } from '@cm/application';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ParticipantIdPipe } from '../http/participant-id.pipe';
import { Problem } from '../problems/problem';
import { amountsNote, analysts, Article7Query } from './report-queries';

interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class Article7ReportQueryController {
  constructor(private readonly sources: ReportSources) {}

  @Get('article7/:participantId')
  @Roles(...analysts, 'donor', 'affected_state')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Assistance a participant provided and received in a year, for its Article 7 report',
    description: `Staff, or the participant itself. ${amountsNote}`,
  })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: another participant’s report' })
  async article7(
    @Param('participantId', ParticipantIdPipe) participantId: string,
    @Query() { year, format, basis }: Article7Query,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    if (!analysts.includes(actor.role) && actor.participantId !== participantId) {
      throw Problem.forbidden(`${actor.role} ${actor.participantId ?? actor.sub} may read only its own report`);
    }
    await this.sources.participant(participantId);
    const concerned = { $or: [{ donorId: participantId }, { recipientId: participantId }] };
    const [pledges, allocations, participants] = await Promise.all([
      this.sources.pledges({ donorId: participantId }),
      this.sources.allocations(concerned),
      this.sources.participants(),
    ]);
    const report = article7Report({ pledges, allocations, participants }, participantId, year, basis);
    if (format === 'json') return report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="article7-${participantId}-${year}.csv"`);
    return article7Csv(report);
  }
}
