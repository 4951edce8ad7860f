import { Module } from '@nestjs/common';
import { ReportSources } from '../reports/report-sources';
import { IatiExportHttpController } from './iati-export.query.controller';

@Module({ controllers: [IatiExportHttpController], providers: [ReportSources] })
export class IatiExportModule {}
