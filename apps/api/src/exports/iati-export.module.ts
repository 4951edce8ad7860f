import { Module } from '@nestjs/common';
import { IatiExport, ReportSources } from '@cm/application';
import { IatiExportHttpController } from './iati-export.query.controller';

@Module({ controllers: [IatiExportHttpController], providers: [ReportSources, IatiExport] })
export class IatiExportModule {}
