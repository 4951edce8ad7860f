import { Module } from '@nestjs/common';
import { Db } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import { liveCollection, PledgeView } from '@cm/read-models';
import { ConsistencyTokens } from '@cm/application';
import { CoalitionAccess } from '../coalitions/coalition-access';
import { MongoIdempotencyKeys } from '../idempotency/idempotency-keys';
import { ConsistencyGate } from '../queries/consistency-gate';
import { MatchesQueryController } from './candidates/matches.query.controller';
import { MatchingQueries } from './matching-queries';
import { ApplyPlanHttpController } from './plan/apply-plan.http.controller';
import { PLAN_ENTRY_KEYS, PlanApplication, PLEDGE_UNITS, PledgeUnits } from './plan/plan-application';
import { PLAN_JOBS, PlanJobRunner } from './plan/jobs/plan-job-runner';
import { PlanJobs } from './plan/jobs/plan-jobs';
import { PlanJobsHttpController } from './plan/jobs/plan-jobs.http.controller';
import { PlanQueryController } from './plan/plan.query.controller';

const pledgeUnitsOf =
  (db: Db): PledgeUnits =>
  async (pledgeId) => {
    const pledges = await liveCollection<PledgeView>(db, 'pledges');
    const pledge = await pledges.findOne({ _id: pledgeId }, { projection: { quantity: 1 } });
    return pledge?.quantity.unit;
  };

/**
 * Matching over the matching read models (kept by the projector with the needs, pledges, participants and
 * allocations): candidates, the portfolio plan, and plan jobs applying a plan through the allocation command in the
 * background (the CommandBus is global; the allocation handler and its saga live in ApplicationModule).
 */
@Module({
  controllers: [MatchesQueryController, PlanQueryController, ApplyPlanHttpController, PlanJobsHttpController],
  providers: [
    MatchingQueries,
    CoalitionAccess,
    ConsistencyGate,
    ConsistencyTokens,
    PlanApplication,
    { provide: PLAN_ENTRY_KEYS, inject: [MONGO_DB], useFactory: (db: Db) => new MongoIdempotencyKeys(db) },
    { provide: PLEDGE_UNITS, inject: [MONGO_DB], useFactory: pledgeUnitsOf },
    { provide: PLAN_JOBS, inject: [MONGO_DB], useFactory: (db: Db) => new PlanJobs(db) },
    PlanJobRunner,
  ],
})
export class MatchingModule {}
