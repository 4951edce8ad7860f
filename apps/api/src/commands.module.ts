import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { Db } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import { AllocationChanges } from '../../../libs/application/src/allocations/allocation-changes';
import { AcceptAllocationHandler } from '../../../libs/application/src/allocations/accept-allocation/accept-allocation.handler';
import { AcceptAllocationHttpController } from './allocations/commands/accept-allocation.http.controller';
import { CancelAllocationHandler } from '../../../libs/application/src/allocations/cancel-allocation/cancel-allocation.handler';
import { CancelAllocationHttpController } from './allocations/commands/cancel-allocation.http.controller';
import { ConfirmDeliveryHandler } from '../../../libs/application/src/allocations/confirm-delivery/confirm-delivery.handler';
import { ConfirmDeliveryHttpController } from './allocations/commands/confirm-delivery.http.controller';
import { DeclineAllocationHandler } from '../../../libs/application/src/allocations/decline-allocation/decline-allocation.handler';
import { DeclineAllocationHttpController } from './allocations/commands/decline-allocation.http.controller';
import { DisputeDeliveryHandler } from '../../../libs/application/src/allocations/dispute-delivery/dispute-delivery.handler';
import { DisputeDeliveryHttpController } from './allocations/commands/dispute-delivery.http.controller';
import { CorrectDeliveryHandler } from '../../../libs/application/src/allocations/correct-delivery/correct-delivery.handler';
import { CorrectDeliveryHttpController } from './allocations/commands/correct-delivery.http.controller';
import { WithdrawDeliveryHandler } from '../../../libs/application/src/allocations/withdraw-delivery/withdraw-delivery.handler';
import { WithdrawDeliveryHttpController } from './allocations/commands/withdraw-delivery.http.controller';
import { WithdrawDeliveryDisputeHandler } from '../../../libs/application/src/allocations/withdraw-delivery-dispute/withdraw-delivery-dispute.handler';
import { WithdrawDeliveryDisputeHttpController } from './allocations/commands/withdraw-delivery-dispute.http.controller';
import { RecordDeliveryHandler } from '../../../libs/application/src/allocations/record-delivery/record-delivery.handler';
import { RecordDeliveryHttpController } from './allocations/commands/record-delivery.http.controller';
import { RequestAllocationHandler } from '../../../libs/application/src/allocations/request-allocation/request-allocation.handler';
import { RequestAllocationHttpController } from './allocations/commands/request-allocation.http.controller';
import {
  ALLOCATION_INTENTS,
  MongoAllocationIntents,
} from '../../../libs/application/src/allocations/saga/allocation-intents';
import { AllocationRecovery } from '../../../libs/application/src/allocations/saga/allocation-recovery';
import { AllocationSaga } from '../../../libs/application/src/allocations/saga/allocation-saga';
import { AuthModule } from './auth/auth.module';
import { CoalitionChanges } from '../../../libs/application/src/coalitions/coalition-changes';
import { CoalitionCommandsHttpController } from './coalitions/commands/coalition-commands.http.controller';
import { coalitionHandlers } from '../../../libs/application/src/coalitions/coalition.handlers';
import { RequestLimitsModule } from './http/request-limits.module';
import { Streams } from '../../../libs/application/src/command-executor';
import { ConsistencyTokens } from '../../../libs/application/src/consistency/consistency-tokens';
import { IDEMPOTENCY_KEYS, MongoIdempotencyKeys } from './idempotency/idempotency-keys';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { PostNeedHandler } from '../../../libs/application/src/needs/post-need/post-need.handler';
import { PostNeedHttpController } from './needs/commands/post-need.http.controller';
import { ReviseNeedHandler } from '../../../libs/application/src/needs/revise-need/revise-need.handler';
import { ReviseNeedHttpController } from './needs/commands/revise-need.http.controller';
import { WithdrawNeedHandler } from '../../../libs/application/src/needs/withdraw-need/withdraw-need.handler';
import { WithdrawNeedHttpController } from './needs/commands/withdraw-need.http.controller';
import { RegisterParticipantHandler } from '../../../libs/application/src/participants/register-participant/register-participant.handler';
import { RegisterParticipantHttpController } from './participants/commands/register-participant.http.controller';
import { TreatyHandler } from '../../../libs/application/src/participants/treaty/treaty.handler';
import { TreatyHttpController } from './participants/commands/treaty.http.controller';
import { PledgeExpiry } from '../../../libs/application/src/pledges/pledge-expiry';
import { RevisePledgeHandler } from '../../../libs/application/src/pledges/revise-pledge/revise-pledge.handler';
import { RevisePledgeHttpController } from './pledges/commands/revise-pledge.http.controller';
import { SubmitPledgeHandler } from '../../../libs/application/src/pledges/submit-pledge/submit-pledge.handler';
import { SubmitPledgeHttpController } from './pledges/commands/submit-pledge.http.controller';
import { WithdrawPledgeHandler } from '../../../libs/application/src/pledges/withdraw-pledge/withdraw-pledge.handler';
import { WithdrawPledgeHttpController } from './pledges/commands/withdraw-pledge.http.controller';
import { ProblemFilter } from './problems/problem.filter';
import { requestValidationPipe } from './problems/validation';

/**
 * The write side of the api: one controller and one handler per use case, routed by the CommandBus. Needs an
 * EVENT_STORE and MONGO_DB in scope (EventStoreModule and PlatformModule in the app; fakes in unit tests).
 */
@Module({
  // RequestLimitsModule first: its rate limit guard runs before authentication, so floods without a token count too.
  imports: [CqrsModule.forRoot(), RequestLimitsModule, AuthModule],
  controllers: [
    RegisterParticipantHttpController,
    TreatyHttpController,
    PostNeedHttpController,
    ReviseNeedHttpController,
    WithdrawNeedHttpController,
    SubmitPledgeHttpController,
    RevisePledgeHttpController,
    WithdrawPledgeHttpController,
    RequestAllocationHttpController,
    AcceptAllocationHttpController,
    DeclineAllocationHttpController,
    CancelAllocationHttpController,
    RecordDeliveryHttpController,
    ConfirmDeliveryHttpController,
    DisputeDeliveryHttpController,
    CorrectDeliveryHttpController,
    WithdrawDeliveryHttpController,
    WithdrawDeliveryDisputeHttpController,
    CoalitionCommandsHttpController,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: requestValidationPipe },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: IDEMPOTENCY_KEYS, inject: [MONGO_DB], useFactory: (db: Db) => new MongoIdempotencyKeys(db) },
    { provide: ALLOCATION_INTENTS, inject: [MONGO_DB], useFactory: (db: Db) => new MongoAllocationIntents(db) },
    Streams,
    ConsistencyTokens,
    AllocationSaga,
    AllocationChanges,
    AllocationRecovery,
    PledgeExpiry,
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
    CoalitionChanges,
    ...coalitionHandlers,
  ],
})
export class CommandsModule {}
