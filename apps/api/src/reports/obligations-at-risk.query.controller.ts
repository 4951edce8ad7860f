import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { publishedRates } from '@cm/domain';
import { obligationsAtRisk } from '@cm/reporting';
import { ReportSources } from '@cm/application';
import { Roles } from '../auth/auth.decorators';
import { analysts, AtRiskQuery } from './report-queries';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ObligationsAtRiskQueryController {
  constructor(private readonly sources: ReportSources) {}

  @Get('obligations-at-risk')
  @Roles(...analysts)
  @ApiOperation({
    summary: 'Art. 3 and Art. 4 deadlines within the horizon (or passed) whose linked needs are not covered',
    description:
      'A need serves the obligation of its pillar: clearance and risk education Art. 4, stockpile destruction Art. 3. ' +
      'The shortfall is what no allocation holds, in USD at the annual average of the asOf year.',
  })
  async obligationsAtRisk(@Query() { horizonMonths, asOf }: AtRiskQuery) {
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    const [participants, needs] = await Promise.all([
      this.sources.participants({ kind: 'state' }),
      this.sources.needs({ pillar: { $in: ['clearance', 'risk_education', 'stockpile_destruction'] } }),
    ]);
    return {
      asOf: day,
      horizonMonths,
      rateTable: publishedRates.version,
      items: obligationsAtRisk(participants, needs, { asOf: day, horizonMonths }),
    };
  }
}
