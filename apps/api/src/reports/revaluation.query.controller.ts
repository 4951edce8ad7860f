import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, publishedRates } from '@cm/domain';
import { revaluationReport } from '@cm/reporting';
import { ReportSources } from '@cm/application';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Problem } from '../problems/problem';
import { analysts, RevaluationQuery } from './report-queries';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class RevaluationReportQueryController {
  constructor(private readonly sources: ReportSources) {}

  @Get('revaluation')
  @Roles(...analysts, 'donor')
  @ApiOperation({
    summary: 'Pledged but not delivered, per donor and currency: USD at the pledge-date rate and at the latest rate',
    description:
      'The pledge-date rate is the annual average of the pledge year (or, with basis=daily, that day); the latest ' +
      'rate is the last daily rate published for the currency. Each figure names its rate, date and source.',
  })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: a donor asking for another donor' })
  async revaluation(@Query() { donorId, basis }: RevaluationQuery, @CurrentActor() actor: Actor) {
    const donor = analysts.includes(actor.role) ? donorId : actor.participantId;
    if (!analysts.includes(actor.role) && donorId !== undefined && donorId !== actor.participantId) {
      throw Problem.forbidden(`donor ${actor.participantId ?? actor.sub} may revalue only its own pledges`);
    }
    const pledges = await this.sources.pledges(donor === undefined ? {} : { donorId: donor });
    return {
      donorId: donor ?? null,
      basis,
      rateTable: publishedRates.version,
      items: revaluationReport(pledges, basis),
    };
  }
}
