import { Module } from '@nestjs/common';
import { Db } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import { AcceptAllocationHandler } from './allocations/accept-allocation/accept-allocation.handler';
import { AllocationChanges } from './allocations/allocation-changes';
import { CancelAllocationHandler } from './allocations/cancel-allocation/cancel-allocation.handler';
import { ConfirmDeliveryHandler } from './allocations/confirm-delivery/confirm-delivery.handler';
import { CorrectDeliveryHandler } from './allocations/correct-delivery/correct-delivery.handler';
import { DeclineAllocationHandler } from './allocations/decline-allocation/decline-allocation.handler';
import { DisputeDeliveryHandler } from './allocations/dispute-delivery/dispute-delivery.handler';
import { RecordDeliveryHandler } from './allocations/record-delivery/record-delivery.handler';
import { RequestAllocationHandler } from './allocations/request-allocation/request-allocation.handler';
import { ALLOCATION_INTENTS, MongoAllocationIntents } from './allocations/saga/allocation-intents';
import { AllocationRecovery } from './allocations/saga/allocation-recovery';
import { AllocationSaga } from './allocations/saga/allocation-saga';
import { WithdrawDeliveryDisputeHandler } from './allocations/withdraw-delivery-dispute/withdraw-delivery-dispute.handler';
import { WithdrawDeliveryHandler } from './allocations/withdraw-delivery/withdraw-delivery.handler';
import { CoalitionChanges } from './coalitions/coalition-changes';
import { coalitionHandlers } from './coalitions/coalition.handlers';
import { CommandExecutor } from './command-executor';
import { ConsistencyTokens } from './consistency/consistency-tokens';
import { PostNeedHandler } from './needs/post-need/post-need.handler';
import { ReviseNeedHandler } from './needs/revise-need/revise-need.handler';
import { WithdrawNeedHandler } from './needs/withdraw-need/withdraw-need.handler';
import { RegisterParticipantHandler } from './participants/register-participant/register-participant.handler';
import { TreatyHandler } from './participants/treaty/treaty.handler';
import { PledgeExpiry } from './pledges/pledge-expiry';
import { RevisePledgeHandler } from './pledges/revise-pledge/revise-pledge.handler';
import { SubmitPledgeHandler } from './pledges/submit-pledge/submit-pledge.handler';
import { WithdrawPledgeHandler } from './pledges/withdraw-pledge/withdraw-pledge.handler';

const commandHandlers = [
  RegisterParticipantHandler,
  TreatyHandler,
  PostNeedHandler,
  ReviseNeedHandler,
  WithdrawNeedHandler,
  SubmitPledgeHandler,
  RevisePledgeHandler,
  WithdrawPledgeHandler,
  RequestAllocationHandler,
  AcceptAllocationHandler,
  DeclineAllocationHandler,
  CancelAllocationHandler,
  RecordDeliveryHandler,
  ConfirmDeliveryHandler,
  DisputeDeliveryHandler,
  CorrectDeliveryHandler,
  WithdrawDeliveryHandler,
  WithdrawDeliveryDisputeHandler,
  ...coalitionHandlers,
];

/**
 * The use cases: one handler per command (routed by the CommandBus of the app that imports this module), the
 * executor they share, the allocation saga with its recovery sweep, and pledge expiry. Needs EVENT_STORE, MONGO_DB
 * and APP_CONFIG in scope (EventStoreModule and PlatformModule in the app; fakes in unit tests).
 */
@Module({
  providers: [
    { provide: ALLOCATION_INTENTS, inject: [MONGO_DB], useFactory: (db: Db) => new MongoAllocationIntents(db) },
    CommandExecutor,
    ConsistencyTokens,
    AllocationSaga,
    AllocationChanges,
    AllocationRecovery,
    PledgeExpiry,
    CoalitionChanges,
    ...commandHandlers,
  ],
  exports: [CommandExecutor, ConsistencyTokens],
})
export class ApplicationModule {}
