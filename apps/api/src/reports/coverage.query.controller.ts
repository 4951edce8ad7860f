import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { coverageReport } from '@cm/reporting';
import { ReportSources } from '@cm/application';
import { Roles } from '../auth/auth.decorators';
import { NoQueryPipe } from '../queries/query-params';
import { amountsNote, analysts } from './report-queries';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class CoverageReportQueryController {
  constructor(private readonly sources: ReportSources) {}

  @Get('coverage')
  @Roles(...analysts)
  @ApiOperation({
    summary: 'Per recipient × pillar: requested, allocated, delivered, unmet, shares',
    description: amountsNote,
  })
  async coverage(@Query(NoQueryPipe) _query: unknown) {
    return { items: coverageReport(await this.sources.coverageCells()) };
  }
}
