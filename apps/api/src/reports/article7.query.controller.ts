import { Readable } from 'node:stream';
import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cm/domain';
import { article7CsvChunks } from '@cm/reporting';
import { Article7Export } from '@cm/application';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ParticipantIdPipe } from '../http/participant-id.pipe';
import { Problem } from '../problems/problem';
import { amountsNote, analysts, Article7Query } from './report-queries';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class Article7ReportQueryController {
  constructor(private readonly reports: Article7Export) {}

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
  ) {
    if (!analysts.includes(actor.role) && actor.participantId !== participantId) {
      throw Problem.forbidden(`${actor.role} ${actor.participantId ?? actor.sub} may read only its own report`);
    }
    // Refusals (403, 404) and read failures come before the first byte; the CSV is then written 500 rows at a time.
    const report = await this.reports.reportOf(participantId, year, basis);
    if (format === 'json') return report;
    return new StreamableFile(Readable.from(article7CsvChunks(report), { objectMode: false }), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="article7-${participantId}-${year}.csv"`,
    });
  }
}
