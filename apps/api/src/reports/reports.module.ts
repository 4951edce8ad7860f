import { Module } from '@nestjs/common';
import { Article7Export, ReportSources } from '@cm/application';
import { IatiExportModule } from '../exports/iati-export.module';
import { Article7ReportQueryController } from './article7.query.controller';
import { CoverageReportQueryController } from './coverage.query.controller';
import { FormerUsersReportQueryController } from './former-users.query.controller';
import { ObligationsAtRiskQueryController } from './obligations-at-risk.query.controller';
import { ReconciliationHttpController } from './reconciliation.query.controller';
import { RevaluationReportQueryController } from './revaluation.query.controller';
import { SupportReportQueryController } from './support.query.controller';

/** Analyst reports over the read models, one controller per report, and the IATI export built from the same sources. */
@Module({
  imports: [IatiExportModule],
  controllers: [
    SupportReportQueryController,
    RevaluationReportQueryController,
    CoverageReportQueryController,
    ObligationsAtRiskQueryController,
    FormerUsersReportQueryController,
    Article7ReportQueryController,
    ReconciliationHttpController,
  ],
  providers: [ReportSources, Article7Export],
})
export class ReportsModule {}
