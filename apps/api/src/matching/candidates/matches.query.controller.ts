import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor, streamTypes } from '@cm/domain';
import { CoalitionAccess, MatchingQueries } from '@cm/application';
import { CurrentActor } from '../../auth/auth.decorators';
import { RecordIdPipe } from '../../http/record-id.pipe';
import { ConsistentRead } from '../../queries/consistent-read';
import { QueryRoute } from '../../queries/query-route';
import { needMatchesAnswer, needMatchesExample, pledgeMatchesAnswer } from '../matching-answers';
import { CandidatesQuery } from '../matching-params';

const coalitionFailures = [
  { status: 403, description: 'FORBIDDEN: ?coalition= names a coalition the caller is not a member of' },
  { status: 422, description: "NOT_MEMBER: the need or pledge asked about is outside the coalition's reach" },
];

const reasonsNote =
  'Ranked by score (points out of 100), ties by id; every score component is a reason with its value and weight. ' +
  '`amount` is the most one allocation of the pair could carry, in the pledge unit (`needAmount` in the need unit).';

/**
 * Candidates are built from the need or pledge asked about and from the matching documents every projection set
 * derives from its streams (open items, former users, delivery pairs): a write on any of them changes the answer.
 */
const matchingReads = streamTypes;

/** Candidates for one need or one pledge (DESIGN §7): compatible, open, with something left; best first. */
@ApiTags('matching')
@Controller()
export class MatchesQueryController {
  constructor(
    private readonly matching: MatchingQueries,
    private readonly coalitions: CoalitionAccess,
  ) {}

  private scopeOf({ coalition }: CandidatesQuery, actor: Actor) {
    return coalition === undefined ? undefined : this.coalitions.scopeFor(actor, coalition);
  }

  @Get('needs/:id/matches')
  @QueryRoute('The pledges that could serve this need now, best first, with the reasons')
  @ConsistentRead(...matchingReads)
  @ApiResponse(coalitionFailures[0])
  @ApiResponse(coalitionFailures[1])
  @ApiOkResponse({ description: reasonsNote, schema: { example: needMatchesExample } })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such need' })
  async forNeed(@Param('id', RecordIdPipe) id: string, @Query() query: CandidatesQuery, @CurrentActor() actor: Actor) {
    const scope = await this.scopeOf(query, actor);
    return needMatchesAnswer(await this.matching.forNeed(id, query.limit, scope));
  }

  @Get('pledges/:id/matches')
  @QueryRoute('The needs this pledge could serve now, best first, with the reasons')
  @ConsistentRead(...matchingReads)
  @ApiResponse(coalitionFailures[0])
  @ApiResponse(coalitionFailures[1])
  @ApiOkResponse({
    description: reasonsNote,
    schema: {
      example: {
        pledge: {
          id: '0194f5a2-7c1e-7b3a-9d2f-1a2b3c4d5e6f',
          status: 'open',
          remaining: { amount: 80, unit: 'items' },
        },
        items: [
          {
            needId: '0194f5a1-2b3c-7d4e-8f90-a1b2c3d4e5f6',
            requesterId: 'LAO',
            pillar: 'clearance',
            priority: 'critical',
            needRemaining: { amount: 120, unit: 'items' },
            score: 68.33,
            reasons: needMatchesExample.items[0].reasons,
            amount: { amount: 80, unit: 'items' },
            needAmount: { amount: 80, unit: 'items' },
          },
        ],
      },
    },
  })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such pledge' })
  async forPledge(
    @Param('id', RecordIdPipe) id: string,
    @Query() query: CandidatesQuery,
    @CurrentActor() actor: Actor,
  ) {
    const scope = await this.scopeOf(query, actor);
    return pledgeMatchesAnswer(await this.matching.forPledge(id, query.limit, scope));
  }
}
