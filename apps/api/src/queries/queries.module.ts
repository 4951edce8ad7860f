import { Module } from '@nestjs/common';
import { CoalitionAccess } from '../coalitions/coalition-access';
import { CoalitionsQueryController } from '../coalitions/coalitions.query.controller';
import { ConsistencyTokens } from '../../../../libs/application/src/consistency/consistency-tokens';
import { AllocationsQueryController } from './allocations/allocations.query.controller';
import { ConsistencyGate } from './consistency-gate';
import { NeedsQueryController } from './needs/needs.query.controller';
import { ParticipantsQueryController } from './participants/participants.query.controller';
import { PledgesQueryController } from './pledges/pledges.query.controller';
import { ReadModelQueries } from './read-model-queries';

/**
 * The read side of the api: read models kept by the projector, read by `_id` or by pages in `_id` order. Auth and
 * problem+json come from the app-wide guard and filter (AuthModule, CommandsModule).
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
