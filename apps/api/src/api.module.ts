import { Module } from '@nestjs/common';
import { eventRegistrations } from '@cm/domain';
import { EventStoreModule } from '@cm/event-store';
import { PlatformModule } from '@cm/platform';
import { AuditModule } from './audit/audit.module';
import { AuditSearchModule } from './audit/audit-search.module';
import { CommandsModule } from './commands.module';
import { requestPipeline } from './http/request-pipeline';
import { ConsoleModule } from './console/console.module';
import { LiveModule } from './live/live.module';
import { MatchingModule } from './matching/matching.module';
import { QueriesModule } from './queries/queries.module';
import { ReportsModule } from './reports/reports.module';

@Module({
  imports: [
    PlatformModule.forApp({ name: 'api', defaultPort: 3000 }),
    EventStoreModule.forRoot({ registrations: eventRegistrations }),
    CommandsModule,
    QueriesModule,
    AuditModule,
    MatchingModule,
    AuditSearchModule,
    ReportsModule,
    LiveModule,
    ConsoleModule,
  ],
  providers: requestPipeline,
})
export class ApiModule {}
