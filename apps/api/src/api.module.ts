import { Module } from '@nestjs/common';
import { PlatformModule } from '@cm/platform';

@Module({
  imports: [PlatformModule.forApp({ name: 'api', defaultPort: 3000 })],
})
export class ApiModule {}
