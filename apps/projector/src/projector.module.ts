import { Module } from '@nestjs/common';
import { PlatformModule } from '@cm/platform';

@Module({
  imports: [PlatformModule.forApp({ name: 'projector', defaultPort: 3001 })],
})
export class ProjectorModule {}
