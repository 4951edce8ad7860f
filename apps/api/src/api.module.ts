import { Module } from '@nestjs/common';
import { eventRegistrations } from '@cm/domain';
import { EventStoreModule } from '@cm/event-store';
import { PlatformModule } from '@cm/platform';
import { AuditModule } from './audit/audit.module';
import { CommandsModule } from './commands.module';
import { QueriesModule } from './queries/queries.module';

@Module({
  imports: [
    PlatformModule.forApp({ name: 'api', defaultPort: 3000 }),
    EventStoreModule.forRoot({ registrations: eventRegistrations }),
    CommandsModule,
    QueriesModule,
    AuditModule,
  ],
})
export class ApiModule {}
