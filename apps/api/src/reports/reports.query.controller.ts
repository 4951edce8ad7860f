import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, publishedRates, Role } from '@cm/domain';
import {
  article7Csv,
  article7Report,
  coverageReport,
  formerUsersReport,
  obligationsAtRisk,
  ratesUsed,
  revaluationReport,
  supportDimensions,
  supportReport,
} from '@cm/reporting';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Problem } from '../problems/problem';
import { ParticipantIdPipe } from '../commands/participant-id.pipe';
import { participantIdPattern } from '../commands/request-fields';
import { article7Query, atRiskQuery, noQuery, reportQueryOf, revaluationQuery, supportQuery } from './report-queries';
import { ReportSources } from './report-sources';

export const analysts: Role[] = ['analyst', 'coordinator', 'admin'];

interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

export const amountsNote =
  'Amounts are exact decimal text: per original unit (byUnit) and in USD, each amount converted at the published ' +
  'rate of its own effective date (pledgedOn, committedOn, deliveredOn): the annual average of that year (Fed H.10, ' +
  'else ECB), or with basis=daily the rate of that day.';
/** A calendar date, as isoDate in report-queries accepts it. */
const dateSchema = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const groupByPattern = `^((${supportDimensions.join('|')})(,(${supportDimensions.join('|')}))*)?$`;

export const basisQuery = {
  name: 'basis',
  required: false,
  enum: ['annual', 'daily'],
  description: 'annual (default): annual average of the effective year; daily: the rate of the effective day',
};

@ApiTags('reports')
@ApiBearerAuth()
@ApiResponse({ status: 400, description: 'VALIDATION_FAILED: errors[] names each bad parameter' })
@ApiResponse({ status: 403, description: 'FORBIDDEN' })
@Controller('reports')
export class ReportsHttpController {
  constructor(private readonly sources: ReportSources) {}

  @Get('support')
  @Roles(...analysts)
  @ApiQuery({
    name: 'groupBy',
    required: false,
    description: 'Comma list of donor, recipient, pillar, year, assistanceType',
    schema: { type: 'string', pattern: groupByPattern },
  })
  @ApiQuery({ name: 'from', required: false, description: 'Effective date on or after (ISO date)', schema: dateSchema })
  @ApiQuery({ name: 'to', required: false, description: 'Effective date on or before (ISO date)', schema: dateSchema })
  @ApiQuery(basisQuery)
  @ApiOperation({
    summary: 'Pledged, committed and delivered-confirmed support, grouped',
    description: `${amountsNote} \`rates\` lists every rate used, with its date and source.`,
  })
  async support(@Query() query: unknown) {
    const { groupBy, from, to, basis } = reportQueryOf(supportQuery, query);
    const [pledges, allocations] = await Promise.all([this.sources.pledges(), this.sources.allocations()]);
    const input = { pledges, allocations };
    return {
      groupBy,
      from: from ?? null,
      to: to ?? null,
      basis,
      rateTable: publishedRates.version,
      items: supportReport(input, { groupBy, from, to, basis }),
      rates: ratesUsed(input, { groupBy, from, to, basis }),
    };
  }

  @Get('revaluation')
  @Roles(...analysts, 'donor')
  @ApiQuery({
    name: 'donorId',
    required: false,
    description: 'One donor (a donor may ask only for itself)',
    schema: { type: 'string', pattern: participantIdPattern.source },
  })
  @ApiQuery(basisQuery)
  @ApiOperation({
    summary: 'Pledged but not delivered, per donor and currency: USD at the pledge-date rate and at the latest rate',
    description:
      'The pledge-date rate is the annual average of the pledge year (or, with basis=daily, that day); the latest ' +
      'rate is the last daily rate published for the currency. Each figure names its rate, date and source.',
  })
  async revaluation(@Query() query: unknown, @CurrentActor() actor: Actor) {
    const { donorId, basis } = reportQueryOf(revaluationQuery, query);
    const donor = analysts.includes(actor.role) ? donorId : actor.participantId;
    if (!analysts.includes(actor.role) && donorId !== undefined && donorId !== actor.participantId) {
      throw Problem.forbidden(`donor ${actor.participantId ?? actor.sub} may revalue only its own pledges`);
    }
    const pledges = await this.sources.pledges(donor === undefined ? {} : { donorId: donor });
    return {
      donorId: donor ?? null,
      basis,
      rateTable: publishedRates.version,
      items: revaluationReport(pledges, basis),
    };
  }

  @Get('coverage')
  @Roles(...analysts)
  @ApiOperation({
    summary: 'Per recipient × pillar: requested, allocated, delivered, unmet, shares',
    description: amountsNote,
  })
  async coverage(@Query() query: unknown) {
    reportQueryOf(noQuery, query);
    return { items: coverageReport(await this.sources.coverageCells()) };
  }

  @Get('obligations-at-risk')
  @Roles(...analysts)
  @ApiQuery({
    name: 'horizonMonths',
    required: false,
    description: 'Deadlines up to this many months ahead (24)',
    schema: { type: 'integer', minimum: 0, maximum: 240 },
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO date the horizon starts from (today)',
    schema: dateSchema,
  })
  @ApiOperation({
    summary: 'Art. 3 and Art. 4 deadlines within the horizon (or passed) whose linked needs are not covered',
    description:
      'A need serves the obligation of its pillar: clearance and risk education Art. 4, stockpile destruction Art. 3. ' +
      'The shortfall is what no allocation holds, in USD at the annual average of the asOf year.',
  })
  async obligationsAtRisk(@Query() query: unknown) {
    const { horizonMonths, asOf } = reportQueryOf(atRiskQuery, query);
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    const [participants, needs] = await Promise.all([
      this.sources.participants({ kind: 'state' }),
      this.sources.needs({ pillar: { $in: ['clearance', 'risk_education', 'stockpile_destruction'] } }),
    ]);
    return {
      asOf: day,
      horizonMonths,
      rateTable: publishedRates.version,
      items: obligationsAtRisk(participants, needs, { asOf: day, horizonMonths }),
    };
  }

  @Get('former-users')
  @Roles(...analysts)
  @ApiOperation({
    summary: 'Art. 4(4): assistance from former user States to the States where they used cluster munitions',
    description: amountsNote,
  })
  async formerUsers(@Query() query: unknown) {
    reportQueryOf(noQuery, query);
    const [pledges, allocations, participants] = await Promise.all([
      this.sources.pledges(),
      this.sources.allocations(),
      this.sources.participants(),
    ]);
    return { items: formerUsersReport({ pledges, allocations, participants }) };
  }

  @Get('article7/:participantId')
  @Roles(...analysts, 'donor', 'affected_state')
  @ApiQuery({
    name: 'year',
    required: true,
    description: 'Calendar year of the effective dates',
    schema: { type: 'integer', minimum: 2000, maximum: 2100 },
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiQuery(basisQuery)
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Assistance a participant provided and received in a year, for its Article 7 report',
    description: `Staff, or the participant itself. ${amountsNote}`,
  })
  async article7(
    @Param('participantId', ParticipantIdPipe) participantId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HeaderSink,
  ) {
    if (!analysts.includes(actor.role) && actor.participantId !== participantId) {
      throw Problem.forbidden(`${actor.role} ${actor.participantId ?? actor.sub} may read only its own report`);
    }
    const { year, format, basis } = reportQueryOf(article7Query, query);
    await this.sources.participant(participantId);
    const concerned = { $or: [{ donorId: participantId }, { recipientId: participantId }] };
    const [pledges, allocations, participants] = await Promise.all([
      this.sources.pledges({ donorId: participantId }),
      this.sources.allocations(concerned),
      this.sources.participants(),
    ]);
    const report = article7Report({ pledges, allocations, participants }, participantId, year, basis);
    if (format === 'json') return report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="article7-${participantId}-${year}.csv"`);
    return article7Csv(report);
  }
}
