import { Module } from '@nestjs/common';
import { PlatformModule } from '@cm/platform';
import { ProjectionWorkers } from './projection-workers';

@Module({
  imports: [PlatformModule.forApp({ name: 'projector', defaultPort: 3001 })],
  providers: [ProjectionWorkers],
})
export class ProjectorModule {}
