import { Module } from '@nestjs/common';
import { IatiExportModule } from '../exports/iati-export.module';
import { ReportSources } from './report-sources';
import { ReconciliationHttpController } from './reconciliation.http.controller';
import { ReportsHttpController } from './reports.http.controller';

/** Analyst reports over the read models, and (imported here) the IATI export built from the same sources. */
@Module({
  imports: [IatiExportModule],
  controllers: [ReportsHttpController, ReconciliationHttpController],
  providers: [ReportSources],
})
export class ReportsModule {}
