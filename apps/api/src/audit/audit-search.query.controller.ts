import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { Db } from 'mongodb';
import { Actor, Role } from '@cm/domain';
import { MONGO_DB } from '@cm/platform';
import { auditEntries, auditPage } from '@cm/read-models';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { auditExportChunks, auditItemOf, exportContentTypes, exportFileNameOf } from './audit-export';
import { AuditExportQuery, auditExportQueryOf, AuditPageQuery, auditPageQueryOf } from './audit-search.query';

/** Staff search everything; donors and affected States only the events of streams they are party to. */
const searchers: Role[] = ['analyst', 'coordinator', 'admin', 'donor', 'affected_state'];

@ApiTags('audit')
@ApiBearerAuth()
@ApiResponse({ status: 400, description: 'VALIDATION_FAILED: errors[] names each bad parameter' })
@Controller('audit')
export class AuditSearchHttpController {
  constructor(@Inject(MONGO_DB) private readonly db: Db) {}

  @Get('events')
  @Roles(...searchers)
  @ApiOperation({ summary: 'Search every recorded event (audit read model), in recording order' })
  async events(@Query() query: AuditPageQuery, @CurrentActor() actor: Actor) {
    const { filter, limit, after } = auditPageQueryOf(actor, query);
    const page = await auditPage(this.db, filter, limit, after);
    return { items: page.items.map(auditItemOf), next: page.next };
  }

  @Get('export')
  @Roles(...searchers)
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiOperation({ summary: 'Every matching event as a file, streamed in recording order (constant memory)' })
  exportEvents(@Query() query: AuditExportQuery, @CurrentActor() actor: Actor): StreamableFile {
    const { filter, format } = auditExportQueryOf(actor, query);
    const chunks = Readable.from(auditExportChunks(auditEntries(this.db, filter), format), { objectMode: false });
    return new StreamableFile(chunks, {
      type: exportContentTypes[format],
      disposition: `attachment; filename="${exportFileNameOf(format, new Date())}"`,
    });
  }
}
