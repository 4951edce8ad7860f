import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@cm/domain';
import { CoalitionAccess, MatchingQueries } from '@cm/application';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { Problem } from '../../problems/problem';
import { QueryRoute } from '../../queries/query-route';
import { planAnswer, planExample } from '../matching-answers';
import { PortfolioQuery, portfolioFiltersOf } from '../matching-params';

@ApiTags('matching')
@Controller('matching/plan')
export class PlanQueryController {
  constructor(
    private readonly matching: MatchingQueries,
    private readonly coalitions: CoalitionAccess,
  ) {}

  @Get()
  @Roles('coordinator', 'admin', 'analyst')
  @QueryRoute('The optimal allocation plan of a portfolio (pillar, recipient, assistance type) as of now')
  @ApiOkResponse({
    description:
      'Maximises priority-weighted coverage (USD for money) with diminishing returns per need, under what every ' +
      'open pledge and need has left. Roles: coordinator, admin, analyst.',
    schema: { example: planExample },
  })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: only coordinators, admins and analysts plan' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: ?coalition= names no coalition' })
  async plan(@Query() query: PortfolioQuery, @CurrentActor() actor: Actor) {
    const given = portfolioFiltersOf(query);
    const coalitionId = query.coalition;
    if (coalitionId === undefined) {
      const { plan, now } = await this.matching.plan(given);
      return planAnswer(given, plan, now);
    }
    const scope = await this.coalitions.scopeFor(actor, coalitionId);
    if (given.recipientId !== undefined && given.recipientId !== scope.recipientId) {
      throw Problem.validation([
        { field: 'recipientId', message: `coalition ${coalitionId} is ${scope.recipientId}'s` },
      ]);
    }
    const filters = { ...given, recipientId: scope.recipientId };
    const { plan, now } = await this.matching.plan(filters, scope.donorIds);
    return { ...planAnswer(filters, plan, now), coalition: coalitionId };
  }
}
