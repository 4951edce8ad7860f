import { Module } from '@nestjs/common';
import { ReportSources } from '@cm/application';
import { IatiExportHttpController } from './iati-export.query.controller';

@Module({ controllers: [IatiExportHttpController], providers: [ReportSources] })
export class IatiExportModule {}
