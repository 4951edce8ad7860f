import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { publishedRates } from '@cm/domain';
import { flowsWithUsd, ratesUsedOfFlows, supportReportOfFlows } from '@cm/reporting';
import { ReportSources } from '@cm/application';
import { Roles } from '../auth/auth.decorators';
import { assertPeriod } from '../queries/query-params';
import { amountsNote, analysts, dimensionsOf, SupportQuery } from './report-queries';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class SupportReportQueryController {
  constructor(private readonly sources: ReportSources) {}

  @Get('support')
  @Roles(...analysts)
  @ApiOperation({
    summary: 'Pledged, committed and delivered-confirmed support, grouped',
    description: `${amountsNote} \`rates\` lists every rate used, with its date and source.`,
  })
  async support(@Query() query: SupportQuery) {
    const { from, to, basis } = query;
    assertPeriod(from, to);
    const groupBy = dimensionsOf(query.groupBy);
    const flows = flowsWithUsd(await this.sources.supportFlows(), basis);
    return {
      groupBy,
      from: from ?? null,
      to: to ?? null,
      basis,
      rateTable: publishedRates.version,
      items: supportReportOfFlows(flows, { groupBy, from, to, basis }),
      rates: ratesUsedOfFlows(flows, { groupBy, from, to, basis }),
    };
  }
}
