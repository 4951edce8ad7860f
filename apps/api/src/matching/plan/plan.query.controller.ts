import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { assistanceTypes, pillars } from '@cm/domain';
import { Roles } from '../../auth/auth.decorators';
import { QueryRoute } from '../../queries/query-route';
import { planAnswer, planExample } from '../matching-answers';
import { portfolioFiltersOf } from '../matching-params';
import { MatchingQueries } from '../matching-queries';

@ApiTags('matching')
@Controller('matching/plan')
export class PlanQueryController {
  constructor(private readonly matching: MatchingQueries) {}

  @Get()
  @Roles('coordinator', 'admin', 'analyst')
  @QueryRoute('The optimal allocation plan of a portfolio (pillar, recipient, assistance type) as of now')
  @ApiQuery({ name: 'pillar', required: false, enum: pillars, example: 'clearance' })
  @ApiQuery({ name: 'recipientId', required: false, example: 'LAO' })
  @ApiQuery({ name: 'assistanceType', required: false, enum: assistanceTypes, example: 'financial' })
  @ApiOkResponse({
    description:
      'Maximises priority-weighted coverage (USD for money) with diminishing returns per need, under what every ' +
      'open pledge and need has left. Roles: coordinator, admin, analyst.',
    schema: { example: planExample },
  })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: only coordinators, admins and analysts plan' })
  async plan(@Query() query: unknown) {
    const filters = portfolioFiltersOf(query);
    const { plan, now } = await this.matching.plan(filters);
    return planAnswer(filters, plan, now);
  }
}
