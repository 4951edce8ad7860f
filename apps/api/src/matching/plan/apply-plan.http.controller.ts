import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@cm/platform';
import {
  CommandContext,
  MatchingQueries,
  newIdFor,
  PLAN_JOBS,
  PlanEntry,
  PlanJobDoc,
  PlanJobRunner,
  PlanJobs,
  PlanJobSource,
} from '@cm/application';
import { Roles } from '../../auth/auth.decorators';
import { CommandContextOf } from '../../http/command-context';
import { Problem } from '../../problems/problem';
import { HeaderSink } from '../../queries/consistency-gate';
import { ApplyPlanRequest } from './apply-plan.request.dto';
import { planJobAnswer, planJobExample, planJobLocation } from './jobs/plan-job-answer';

@ApiTags('matching')
@Controller('matching/plan/apply')
export class ApplyPlanHttpController {
  constructor(
    private readonly matching: MatchingQueries,
    @Inject(PLAN_JOBS) private readonly jobs: PlanJobs,
    private readonly runner: PlanJobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('coordinator')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "Start a job proposing a plan's allocations through the allocation command, idempotently per entry",
    description:
      'Roles: coordinator. The body names what is applied: `allocations` (entries of a plan read with GET ' +
      '/matching/plan), or `applyCurrentPlan: true` with the filters. Answers 202 at once with the job ' +
      '(Location: /matching/plan/jobs/:id); the entries are then proposed in the background, in order, each as POST ' +
      '/allocations would, keyed by its need, pledge and amount: an entry applied before (by this job before an api ' +
      'restart, or by another job) is `already_applied` and creates nothing. Entries the world has overtaken since ' +
      'the plan (a pledge withdrawn, capacity taken) report `failed` with the code of the refusal. At most ' +
      'PLAN_JOB_MAX_ENTRIES entries per job.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'As on every POST: a retry answers the same job',
  })
  @ApiAcceptedResponse({
    description: 'The job, as GET /matching/plan/jobs/:id shows it; its address is in Location',
    headers: { Location: { description: 'The job: /matching/plan/jobs/:id', schema: { type: 'string' } } },
    schema: { example: { ...planJobExample, status: 'queued', processed: 0, progress: 0 } },
  })
  @ApiResponse({
    status: 400,
    description:
      'VALIDATION_FAILED: errors[] names each bad field; a body naming neither allocations nor applyCurrentPlan',
  })
  @ApiResponse({ status: 401, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: only coordinators apply plans' })
  @ApiResponse({ status: 422, description: 'PLAN_TOO_LARGE: the current plan has more than PLAN_JOB_MAX_ENTRIES' })
  async apply(
    @Body() body: ApplyPlanRequest,
    @CommandContextOf() context: CommandContext,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    const { entries, source } = await this.entriesOf(body);
    const now = new Date(context.now);
    const job = await this.jobs.create({
      _id: newIdFor(context, 'plan-job'),
      status: 'queued',
      source,
      entries,
      next: 0,
      results: {},
      counts: { created: 0, already_applied: 0, failed: 0 },
      actor: context.actor,
      correlationId: context.correlationId,
      createdAt: now,
      updatedAt: now,
      leaseId: null,
      leaseUntil: null,
      interruptions: 0,
    } satisfies PlanJobDoc);
    this.runner.wake();
    response.setHeader('Location', planJobLocation(job._id));
    return planJobAnswer(job);
  }

  private async entriesOf(body: ApplyPlanRequest): Promise<{ entries: PlanEntry[]; source: PlanJobSource }> {
    const max = this.config.PLAN_JOB_MAX_ENTRIES;
    const { allocations, applyCurrentPlan, ...scope } = body;
    if (allocations) {
      if (allocations.length > max) {
        throw Problem.validation([{ field: 'allocations', message: `must have at most ${max} entries (one job)` }]);
      }
      const entries = allocations.map(({ needId, pledgeId, amountInPledgeUnit: { amount, unit } }) => ({
        needId,
        pledgeId,
        amountInPledgeUnit: { amount, unit },
      }));
      return { entries, source: { kind: 'entries' } };
    }
    if (applyCurrentPlan !== true) {
      throw Problem.validation([
        {
          field: 'allocations',
          message:
            'name the plan entries to apply, or set applyCurrentPlan: true to apply the current plan of the filters',
        },
      ]);
    }
    const { plan, now } = await this.matching.plan(scope);
    if (plan.allocations.length > max) {
      throw new Problem(
        422,
        'PLAN_TOO_LARGE',
        `the plan of these filters has ${plan.allocations.length} entries, more than ${max} (PLAN_JOB_MAX_ENTRIES): ` +
          'narrow the filters, or apply its entries in several jobs',
      );
    }
    const entries = plan.allocations.map((allocation) => ({
      needId: allocation.needId,
      pledgeId: allocation.pledgeId,
      amountInPledgeUnit: {
        amount: Number(allocation.amountInPledgeUnit.amount),
        unit: allocation.amountInPledgeUnit.unit,
      },
    }));
    return { entries, source: { kind: 'scope', scope, asOf: now } };
  }
}
