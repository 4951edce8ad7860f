import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, publishedRates } from '@cm/domain';
import { reconciliationReport } from '@cm/reporting';
import { ReportSources } from '@cm/application';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Problem } from '../problems/problem';
import { assertPeriod } from '../queries/query-params';
import { amountsNote, analysts, ReconciliationQuery } from './report-queries';

/** What the actor may see: staff everything, a donor what it reported, an affected State what it received. */
function ownFilterOf(actor: Actor): { donorId?: string; recipientId?: string } {
  if (analysts.includes(actor.role)) return {};
  return actor.role === 'donor' ? { donorId: actor.participantId } : { recipientId: actor.participantId };
}

@ApiTags('reports')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'FORBIDDEN: another participant’s rows' })
@Controller('reports')
export class ReconciliationHttpController {
  constructor(private readonly sources: ReportSources) {}

  @Get('reconciliation')
  @Roles(...analysts, 'donor', 'affected_state')
  @ApiOperation({
    summary: 'Donor-reported against recipient-confirmed deliveries, per donor × recipient × year of delivery',
    description:
      'reported (every delivery not withdrawn), confirmed, disputed, awaitingConfirmation, unresolved (disputed + ' +
      'awaiting) and withdrawn, with the oldest open dispute and unanswered delivery in days as of asOf. ' +
      `${amountsNote} A donor sees its own rows, an affected State what it received; staff see all.`,
  })
  async reconciliation(@Query() query: ReconciliationQuery, @CurrentActor() actor: Actor) {
    const { basis, ...filters } = query;
    assertPeriod(filters.from, filters.to);
    const own = ownFilterOf(actor);
    for (const field of ['donorId', 'recipientId'] as const) {
      if (field in own && filters[field] !== undefined && filters[field] !== own[field]) {
        throw Problem.forbidden(
          `${actor.role} ${actor.participantId ?? actor.sub} may reconcile only its own deliveries`,
        );
      }
    }
    const donorId = own.donorId ?? filters.donorId;
    const recipientId = own.recipientId ?? filters.recipientId;
    const asOf = filters.asOf ?? new Date().toISOString().slice(0, 10);
    const allocations = await this.sources.allocations({
      ...(donorId !== undefined && { donorId }),
      ...(recipientId !== undefined && { recipientId }),
    });
    const { rows, rates } = reconciliationReport(allocations, { ...filters, donorId, recipientId, asOf, basis });
    return {
      donorId: donorId ?? null,
      recipientId: recipientId ?? null,
      year: filters.year ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
      asOf,
      basis,
      rateTable: publishedRates.version,
      items: rows,
      rates,
    };
  }
}
