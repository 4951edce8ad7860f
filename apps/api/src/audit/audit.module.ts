import { Module } from '@nestjs/common';
import { AuditStreams } from '@cm/application';
import { AuditStreamsHttpController } from './audit-streams.query.controller';

/**
 * Audit reads straight from the event store (EVENT_STORE, global in the app): one stream's history, its state at a
 * past time and its hash chain. Authentication and problem+json come from the app-wide guard and filter.
 */
@Module({
  controllers: [AuditStreamsHttpController],
  providers: [AuditStreams],
})
export class AuditModule {}
