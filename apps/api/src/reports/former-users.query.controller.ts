import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { formerUsersReport } from '@cm/reporting';
import { ReportSources } from '@cm/application';
import { Roles } from '../auth/auth.decorators';
import { NoQueryPipe } from '../queries/query-params';
import { amountsNote, analysts } from './report-queries';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class FormerUsersReportQueryController {
  constructor(private readonly sources: ReportSources) {}

  @Get('former-users')
  @Roles(...analysts)
  @ApiOperation({
    summary: 'Art. 4(4): assistance from former user States to the States where they used cluster munitions',
    description: amountsNote,
  })
  async formerUsers(@Query(NoQueryPipe) _query: unknown) {
    const [pledges, allocations, participants] = await Promise.all([
      this.sources.pledges(),
      this.sources.allocations(),
      this.sources.participants(),
    ]);
    return { items: formerUsersReport({ pledges, allocations, participants }) };
  }
}
