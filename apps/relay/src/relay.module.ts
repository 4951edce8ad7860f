import { Module } from '@nestjs/common';
import { PlatformModule } from '@cm/platform';
import { EventTopics } from './event-topics';
import { OutboxPublisher } from './outbox-publisher';

@Module({
  imports: [PlatformModule.forApp({ name: 'relay', defaultPort: 3002 })],
  providers: [EventTopics, OutboxPublisher],
})
export class RelayModule {}
