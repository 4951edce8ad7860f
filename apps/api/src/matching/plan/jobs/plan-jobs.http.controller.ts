import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CommandContext, PLAN_JOBS, PlanJobs } from '@cm/application';
import { Roles } from '../../../auth/auth.decorators';
import { CommandContextOf } from '../../../http/command-context';
import { RecordIdPipe } from '../../../http/record-id.pipe';
import { Problem } from '../../../problems/problem';
import { planJobAnswer, planJobExample } from './plan-job-answer';

@ApiTags('matching')
@Controller('matching/plan/jobs')
export class PlanJobsHttpController {
  constructor(@Inject(PLAN_JOBS) private readonly jobs: PlanJobs) {}

  @Get(':id')
  @Roles('coordinator', 'admin', 'analyst')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A plan job: status, progress, created / already applied / failed so far, each entry and the errors',
    description:
      'Roles: coordinator, admin, analyst. status: queued → running → completed, or cancelled. `entries` lists ' +
      'every entry with its outcome (`pending` until applied); `interruptions` counts resumptions after a failure.',
  })
  @ApiOkResponse({ schema: { example: planJobExample } })
  @ApiResponse({ status: 401, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: only coordinators, admins and analysts read plan jobs' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such job' })
  async get(@Param('id', RecordIdPipe) id: string) {
    return planJobAnswer(await this.found(id));
  }

  @Post(':id/cancel')
  @Roles('coordinator')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Cancel a plan job: no entry after the one being applied now is proposed',
    description:
      'Roles: coordinator. Allocations already proposed stay (cancel them one by one if need be). Cancelling a ' +
      'cancelled job answers it again; a completed one answers 409.',
  })
  @ApiOkResponse({ schema: { example: { ...planJobExample, status: 'cancelled' } } })
  @ApiResponse({ status: 401, description: 'UNAUTHENTICATED' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: only coordinators cancel plan jobs' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such job' })
  @ApiResponse({ status: 409, description: 'JOB_FINISHED: the job completed before it could be cancelled' })
  async cancel(@Param('id', RecordIdPipe) id: string, @CommandContextOf() context: CommandContext) {
    await this.found(id);
    await this.jobs.cancel(id, context.actor.sub);
    const job = await this.found(id);
    if (job.status === 'completed') throw new Problem(409, 'JOB_FINISHED', `plan job ${id} completed already`);
    return planJobAnswer(job);
  }

  private async found(id: string) {
    const job = await this.jobs.get(id);
    if (!job) throw new Problem(404, 'NOT_FOUND', `plan job ${id} does not exist`);
    return job;
  }
}
