import { Module } from '@nestjs/common';
import { IatiExportModule } from '../exports/iati-export.module';
import { ReportSources } from './report-sources';
import { ReconciliationHttpController } from './reconciliation.query.controller';
import { ReportsHttpController } from './reports.query.controller';

/** Analyst reports over the read models, and (imported here) the IATI export built from the same sources. */
@Module({
  imports: [IatiExportModule],
  controllers: [ReportsHttpController, ReconciliationHttpController],
  providers: [ReportSources],
})
export class ReportsModule {}
