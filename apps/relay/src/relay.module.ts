import { Module } from '@nestjs/common';
import { PlatformModule } from '@cm/platform';
import { EventTopics } from './event-topics';

@Module({
  imports: [PlatformModule.forApp({ name: 'relay', defaultPort: 3002 })],
  providers: [EventTopics],
})
export class RelayModule {}
