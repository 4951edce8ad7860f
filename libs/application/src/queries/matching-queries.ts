import { Inject, Injectable } from '@nestjs/common';
import { Db, Document, Filter } from 'mongodb';
import {
  MatchableNeed,
  MatchablePledge,
  MatchContext,
  planPortfolio,
  PortfolioFilters,
  PortfolioPlan,
  rankNeedsForPledge,
  rankPledgesForNeed,
  RankedCandidate,
} from '@cm/matching';
import { MONGO_DB } from '@cm/platform';
import {
  DeliveryPairDoc,
  FormerUserDoc,
  liveCollection,
  matchableNeedOf,
  MatchableNeedDoc,
  matchablePledgeOf,
  MatchablePledgeDoc,
  matchContextOf,
  needAsMatchable,
  pledgeAsMatchable,
  NeedView,
  PledgeView,
  ReadModelName,
} from '@cm/read-models';
import { CoalitionScope } from './coalition-access';
import { notFound, QueryError } from './query-errors';

export interface NeedMatches {
  need: NeedView;
  candidates: { candidate: RankedCandidate; pledge: MatchablePledge }[];
}

export interface PledgeMatches {
  pledge: PledgeView;
  candidates: { candidate: RankedCandidate; need: MatchableNeed }[];
}

/**
 * Candidates and plans from the matching read models: the need or pledge asked about is read by `_id` from its own
 * read model (so that X-Consistent-With covers it and a closed one still answers), its counterparts from the open
 * items only, filtered on the terms every compatible pair shares; the context holds only the links and pairs involved.
 */
@Injectable()
export class MatchingQueries {
  /** Replaceable in tests. */
  clock: () => Date = () => new Date();

  constructor(@Inject(MONGO_DB) private readonly db: Db) {}

  async forNeed(id: string, limit: number, scope?: CoalitionScope): Promise<NeedMatches> {
    const need = await this.byId<NeedView>('needs', id, 'need');
    if (scope && need.requesterId !== scope.recipientId) {
      throw new QueryError('NOT_MEMBER', `need ${id} is not a need of coalition ${scope.coalitionId}'s State`);
    }
    const matchable = needAsMatchable(need);
    const [pledges, context] = await Promise.all([
      this.find<MatchablePledgeDoc>('matchable_pledges', {
        ...(scope && { donorId: { $in: scope.donorIds } }),
        assistanceType: need.assistanceType,
        pillars: need.pillar,
        ...(need.assistanceType !== 'financial' && need.category !== undefined && { category: need.category }),
      }),
      this.context({ usedClusterMunitionsIn: need.requesterId }, { recipientId: need.requesterId }),
    ]);
    const byId = new Map(pledges.map((doc) => [doc.id, matchablePledgeOf(doc)]));
    const ranked = rankPledgesForNeed(matchable, [...byId.values()], context, limit);
    return { need, candidates: ranked.map((candidate) => ({ candidate, pledge: byId.get(candidate.id)! })) };
  }

  async forPledge(id: string, limit: number, scope?: CoalitionScope): Promise<PledgeMatches> {
    const pledge = await this.byId<PledgeView>('pledges', id, 'pledge');
    if (scope && !scope.donorIds.includes(pledge.donorId)) {
      throw new QueryError('NOT_MEMBER', `pledge ${id} is not a pledge of coalition ${scope.coalitionId}'s partners`);
    }
    // A pledge targeted elsewhere has no candidate among the coalition State's needs.
    if (scope && pledge.recipientId !== undefined && pledge.recipientId !== scope.recipientId) {
      return { pledge, candidates: [] };
    }
    const recipientId = scope?.recipientId ?? pledge.recipientId;
    const matchable = pledgeAsMatchable(pledge);
    const [needs, context] = await Promise.all([
      this.find<MatchableNeedDoc>('matchable_needs', {
        assistanceType: pledge.assistanceType,
        pillar: { $in: [...pledge.pillars] },
        ...(pledge.assistanceType !== 'financial' && pledge.category !== undefined && { category: pledge.category }),
        ...(recipientId !== undefined && { requesterId: recipientId }),
      }),
      this.context({ _id: pledge.donorId as never }, { donorId: pledge.donorId }),
    ]);
    const byId = new Map(needs.map((doc) => [doc.id, matchableNeedOf(doc)]));
    const ranked = rankNeedsForPledge(matchable, [...byId.values()], context, limit);
    return { pledge, candidates: ranked.map((candidate) => ({ candidate, need: byId.get(candidate.id)! })) };
  }

  /** The optimal plan over the open needs and pledges of the portfolio (DESIGN §7), as of now. */
  async plan(filters: PortfolioFilters, donorIds?: readonly string[]): Promise<{ plan: PortfolioPlan; now: string }> {
    const [needs, pledges, context] = await Promise.all([
      this.find<MatchableNeedDoc>('matchable_needs', {
        ...(filters.pillar && { pillar: filters.pillar }),
        ...(filters.recipientId && { requesterId: filters.recipientId }),
        ...(filters.assistanceType && { assistanceType: filters.assistanceType }),
      }),
      this.find<MatchablePledgeDoc>('matchable_pledges', {
        ...(donorIds && { donorId: { $in: [...donorIds] } }),
        ...(filters.pillar && { pillars: filters.pillar }),
        ...(filters.assistanceType && { assistanceType: filters.assistanceType }),
      }),
      this.context({}, filters.recipientId ? { recipientId: filters.recipientId } : {}),
    ]);
    const plan = planPortfolio(needs.map(matchableNeedOf), pledges.map(matchablePledgeOf), context, filters);
    return { plan, now: context.now };
  }

  private async context(formerUsers: Filter<Document>, pairs: Filter<Document>): Promise<MatchContext> {
    const [links, deliveries] = await Promise.all([
      this.find<FormerUserDoc>('former_users', formerUsers),
      this.find<DeliveryPairDoc>('delivery_pairs', pairs),
    ]);
    return matchContextOf(this.clock().toISOString(), links, deliveries);
  }

  private async find<T extends Document>(model: ReadModelName, filter: Filter<Document>): Promise<T[]> {
    const collection = await liveCollection<T>(this.db, model);
    return (await collection.find(filter as Filter<T>).toArray()) as T[];
  }

  private async byId<T extends Document>(model: ReadModelName, id: string, name: string): Promise<T> {
    const collection = await liveCollection<T>(this.db, model);
    const doc = await collection.findOne({ _id: id } as Filter<T>);
    if (!doc) throw notFound(`${name} ${id} does not exist`);
    return doc as T;
  }
}
