import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { assistanceTypes, pillars } from '@cm/domain';
import { Actor } from '@cm/domain';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { CoalitionAccess } from '../../coalitions/coalition-access';
import { recordIdPattern } from '../../http/request-fields';
import { Problem } from '../../problems/problem';
import { QueryRoute } from '../../queries/query-route';
import { planAnswer, planExample } from '../matching-answers';
import { coalitionParamOf, portfolioFiltersOf } from '../matching-params';
import { MatchingQueries } from '../matching-queries';

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
  @ApiQuery({ name: 'pillar', required: false, enum: pillars, example: 'clearance' })
  @ApiQuery({ name: 'recipientId', required: false, example: 'LAO' })
  @ApiQuery({ name: 'assistanceType', required: false, enum: assistanceTypes, example: 'financial' })
  @ApiQuery({
    name: 'coalition',
    required: false,
    schema: { type: 'string', pattern: recordIdPattern.source },
    description: "Only the coalition's State's needs and its lead and supporting partners' pledges",
  })
  @ApiOkResponse({
    description:
      'Maximises priority-weighted coverage (USD for money) with diminishing returns per need, under what every ' +
      'open pledge and need has left. Roles: coordinator, admin, analyst.',
    schema: { example: planExample },
  })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: only coordinators, admins and analysts plan' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: ?coalition= names no coalition' })
  async plan(@Query() query: unknown, @CurrentActor() actor: Actor) {
    const given = portfolioFiltersOf(query);
    const coalitionId = coalitionParamOf(query);
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
