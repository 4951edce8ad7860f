import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators';
import { CommandContext, CommandContextOf } from '../../commands/command-context';
import { MatchingQueries } from '../matching-queries';
import { ApplyPlanRequest } from './apply-plan.request.dto';
import { ApplyReport, PlanApplication, PlanEntry } from './plan-application';

@ApiTags('matching')
@Controller('matching/plan/apply')
export class ApplyPlanHttpController {
  constructor(
    private readonly matching: MatchingQueries,
    private readonly application: PlanApplication,
  ) {}

  @Post()
  @Roles('coordinator')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Propose a plan's allocations through the allocation command, idempotently per entry",
    description:
      'Roles: coordinator. Each entry is proposed as POST /allocations would, keyed by its need, pledge and amount: ' +
      'applying the same entry again creates nothing (`already_applied`). Entries the world has overtaken since ' +
      'the plan (a pledge withdrawn, capacity taken) report `failed` with the code of the refusal.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'As on every POST' })
  @ApiOkResponse({
    schema: {
      example: {
        created: 1,
        alreadyApplied: 1,
        failed: 1,
        entries: [
          {
            needId: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
            pledgeId: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f',
            amountInPledgeUnit: { amount: 250000, unit: 'USD' },
            outcome: 'created',
            allocationId: '0194f5a3-1d2e-7f3a-8b4c-5d6e7f8a9b0c',
            status: 'proposed',
            consistencyToken: 'YWxsb2NhdGlvbjphbGxvY2F0aW9uLTAxOTRmNWEzOjM',
          },
          {
            needId: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
            pledgeId: '0194f5a2-9a8b-7c6d-8e5f-4a3b2c1d0e9f',
            amountInPledgeUnit: { amount: 1000, unit: 'EUR' },
            outcome: 'failed',
            problem: { code: 'PLEDGE_NOT_OPEN', status: 422, detail: 'pledge 0194f5a2-9a8b… is withdrawn' },
          },
        ],
      },
    },
  })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: errors[] names each bad field' })
  @ApiResponse({ status: 401, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: only coordinators apply plans' })
  async apply(@Body() body: ApplyPlanRequest, @CommandContextOf() context: CommandContext): Promise<ApplyReport> {
    const { allocations, ...filters } = body;
    const entries: PlanEntry[] =
      allocations?.map(({ needId, pledgeId, amountInPledgeUnit: { amount, unit } }) => ({
        needId,
        pledgeId,
        amountInPledgeUnit: { amount, unit },
      })) ??
      (await this.matching.plan(filters)).plan.allocations.map((allocation) => ({
        needId: allocation.needId,
        pledgeId: allocation.pledgeId,
        amountInPledgeUnit: {
          amount: Number(allocation.amountInPledgeUnit.amount),
          unit: allocation.amountInPledgeUnit.unit,
        },
      }));
    return this.application.apply(entries, context);
  }
}
