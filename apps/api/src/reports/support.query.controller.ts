import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { publishedRates } from '@cm/domain';
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
    const { items, rates } = await this.sources.supportReport({ groupBy, from, to, basis });
    return {
      groupBy,
      from: from ?? null,
      to: to ?? null,
      basis,
      rateTable: publishedRates.version,
      items,
      rates,
    };
  }
}
