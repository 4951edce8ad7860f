import { Module } from '@nestjs/common';
import { CoalitionAccess, ConsistencyTokens, ReadModelQueries } from '@cm/application';
import { CoalitionsQueryController } from '../coalitions/queries/coalitions.query.controller';
import { AllocationsQueryController } from '../allocations/queries/allocations.query.controller';
import { ConsistencyGate } from './consistency-gate';
import { NeedsQueryController } from '../needs/queries/needs.query.controller';
import { ParticipantsQueryController } from '../participants/queries/participants.query.controller';
import { PledgesQueryController } from '../pledges/queries/pledges.query.controller';

/**
 * The read side of the api: read models kept by the projector, read by `_id` or by pages in `_id` order. Auth and
 * problem+json come from the app-wide guard and filter (AuthModule, ApiModule).
 */
@Module({
  controllers: [
    ParticipantsQueryController,
    NeedsQueryController,
    PledgesQueryController,
    AllocationsQueryController,
    CoalitionsQueryController,
  ],
  providers: [ReadModelQueries, ConsistencyGate, ConsistencyTokens, CoalitionAccess],
})
export class QueriesModule {}
