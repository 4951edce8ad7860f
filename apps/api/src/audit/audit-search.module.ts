import { Module } from '@nestjs/common';
import { AuditSearchHttpController } from './audit-search.query.controller';

/** Search and export over the audit read model the projector keeps (MONGO_DB, global in the app). */
@Module({ controllers: [AuditSearchHttpController] })
export class AuditSearchModule {}
