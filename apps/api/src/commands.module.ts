import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationModule } from '@cm/application';
import { AcceptAllocationHttpController } from './allocations/commands/accept-allocation.http.controller';
import { CancelAllocationHttpController } from './allocations/commands/cancel-allocation.http.controller';
import { ConfirmDeliveryHttpController } from './allocations/commands/confirm-delivery.http.controller';
import { CorrectDeliveryHttpController } from './allocations/commands/correct-delivery.http.controller';
import { DeclineAllocationHttpController } from './allocations/commands/decline-allocation.http.controller';
import { DisputeDeliveryHttpController } from './allocations/commands/dispute-delivery.http.controller';
import { RecordDeliveryHttpController } from './allocations/commands/record-delivery.http.controller';
import { RequestAllocationHttpController } from './allocations/commands/request-allocation.http.controller';
import { WithdrawDeliveryDisputeHttpController } from './allocations/commands/withdraw-delivery-dispute.http.controller';
import { WithdrawDeliveryHttpController } from './allocations/commands/withdraw-delivery.http.controller';
import { CoalitionCommandsHttpController } from './coalitions/commands/coalition-commands.http.controller';
import { PostNeedHttpController } from './needs/commands/post-need.http.controller';
import { ReviseNeedHttpController } from './needs/commands/revise-need.http.controller';
import { WithdrawNeedHttpController } from './needs/commands/withdraw-need.http.controller';
import { RegisterParticipantHttpController } from './participants/commands/register-participant.http.controller';
import { TreatyHttpController } from './participants/commands/treaty.http.controller';
import { RevisePledgeHttpController } from './pledges/commands/revise-pledge.http.controller';
import { SubmitPledgeHttpController } from './pledges/commands/submit-pledge.http.controller';
import { WithdrawPledgeHttpController } from './pledges/commands/withdraw-pledge.http.controller';
import { AuthModule } from './auth/auth.module';
import { RequestLimitsModule } from './http/request-limits.module';

/**
 * The write side of the api: one controller per use case, each sending its command on the CommandBus to the
 * handler in ApplicationModule. Needs an EVENT_STORE and MONGO_DB in scope (EventStoreModule and PlatformModule in
 * the app; fakes in unit tests); validation, problem+json and idempotency are the api module's (requestPipeline).
 */
@Module({
  // RequestLimitsModule first: its rate limit guard runs before authentication, so floods without a token count too.
  imports: [CqrsModule.forRoot(), RequestLimitsModule, AuthModule, ApplicationModule],
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
})
export class CommandsModule {}
