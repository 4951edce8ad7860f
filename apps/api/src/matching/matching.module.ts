import { Module } from '@nestjs/common';
import { Db } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import { liveCollection, PledgeView } from '@cm/read-models';
import {
  CoalitionAccess,
  ConsistencyTokens,
  FAILURE_PROBLEMS,
  MatchingQueries,
  MongoIdempotencyKeys,
  PLAN_ENTRY_KEYS,
  PLAN_JOBS,
  PlanApplication,
  PlanJobRunner,
  PlanJobs,
  PLEDGE_UNITS,
  PledgeUnits,
} from '@cm/application';
import { problemOf } from '../problems/problem-mapping';
import { ConsistencyGate } from '../queries/consistency-gate';
import { MatchesQueryController } from './candidates/matches.query.controller';
import { ApplyPlanHttpController } from './plan/apply-plan.http.controller';
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
    { provide: FAILURE_PROBLEMS, useValue: problemOf },
    { provide: PLAN_JOBS, inject: [MONGO_DB], useFactory: (db: Db) => new PlanJobs(db) },
    PlanJobRunner,
  ],
})
export class MatchingModule {}
