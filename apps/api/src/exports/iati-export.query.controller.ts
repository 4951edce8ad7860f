import { Readable } from 'node:stream';
import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@cm/domain';
import { IatiExport } from '@cm/application';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Problem } from '../problems/problem';
import { ParticipantIdPipe } from '../http/participant-id.pipe';

const staff: Role[] = ['analyst', 'coordinator', 'admin'];

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class IatiExportHttpController {
  constructor(private readonly exports: IatiExport) {}

  @Get('iati/:donorId')
  @Roles(...staff, 'donor')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOperation({
    summary: "IATI 2.03 activities file of a donor's money pledges (12), commitments (2) and confirmed deliveries (3)",
    description: 'Staff, or the donor itself. Sector DAC 15250; values in the original currency at the effective date.',
  })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: another donor' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such participant' })
  async iati(
    @Param('donorId', ParticipantIdPipe) donorId: string,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    if (!staff.includes(actor.role) && actor.participantId !== donorId) {
      throw Problem.forbidden(`donor ${actor.participantId ?? actor.sub} may export only its own activities`);
    }
    // Refusals (403, 404) are answered before the first byte; the file is then written activity by activity.
    const parts = await this.exports.partsOf(donorId, new Date().toISOString());
    return new StreamableFile(Readable.from(parts), { type: 'application/xml; charset=utf-8' });
  }
}
