import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@cm/domain';
import { iatiActivitiesXml } from '@cm/reporting';
import { iatiInputOf, ReportSources } from '@cm/application';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Problem } from '../problems/problem';
import { ParticipantIdPipe } from '../http/participant-id.pipe';

const staff: Role[] = ['analyst', 'coordinator', 'admin'];

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class IatiExportHttpController {
  constructor(private readonly sources: ReportSources) {}

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
  async iati(@Param('donorId', ParticipantIdPipe) donorId: string, @CurrentActor() actor: Actor): Promise<string> {
    if (!staff.includes(actor.role) && actor.participantId !== donorId) {
      throw Problem.forbidden(`donor ${actor.participantId ?? actor.sub} may export only its own activities`);
    }
    const donor = await this.sources.participant(donorId);
    const [pledges, allocations] = await Promise.all([
      this.sources.pledges({ donorId }),
      this.sources.allocations({ donorId }),
    ]);
    const recipientIds = [
      ...new Set([...allocations.map((a) => a.recipientId), ...pledges.flatMap((p) => p.recipientId ?? [])]),
    ];
    const recipients = await this.sources.participants({ _id: { $in: recipientIds } });
    return iatiActivitiesXml(iatiInputOf({ donor, pledges, allocations, recipients }, new Date().toISOString()));
  }
}
