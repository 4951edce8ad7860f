import { currentRoleOf, isZero, pillars, priorities, type CoalitionRole, type Pillar, type Quantity } from '@cm/domain';
import { MATCHABLE_PLEDGE_STATUSES } from '@cm/matching';
import type { AllocationView } from '../allocations/allocation-view';
import { sumByUnit, usdOf, usdSum } from '../money';
import type { NeedView } from '../needs/need-view';
import type { PledgeView } from '../pledges/pledge-view';
import type { CoalitionView } from './coalition-view';
import { byId, committedOf, needOf, type PipelineNeed } from './pipeline-needs';

export type { PipelineAllocation, PipelineNeed } from './pipeline-needs';

export interface PipelinePledge {
  id: string;
  status: string;
  quantity: Quantity;
  allocated: Quantity;
  delivered: Quantity;
  remaining: Quantity;
}

export interface PipelineMember {
  participantId: string;
  role: CoalitionRole;
  /**
   * The member's pledges that hold allocations to the state's needs, and its open pledges that could still serve the
   * state (not targeted, or targeted to it); `remaining` is what is not yet allocated anywhere.
   */
  pledges: PipelinePledge[];
  allocations: number;
  /** In USD at each need's posting date, for the money the member committed and delivered. */
  usd: { allocated: string; delivered: string };
}

export interface PillarCoverage {
  pillar: Pillar;
  needs: number;
  /** Per unit, exact decimal strings, and the USD total of the money among them. */
  requested: Record<string, string>;
  allocated: Record<string, string>;
  delivered: Record<string, string>;
  unmet: Record<string, string>;
  usd: { requested: string; allocated: string; allocatedByMembers: string; delivered: string; unmet: string };
}

export interface CoalitionPipeline {
  coalitionId: string;
  affectedStateId: string;
  status: string;
  members: PipelineMember[];
  pillars: PillarCoverage[];
  needs: PipelineNeed[];
  /** The open needs with something unallocated, most urgent priority first. */
  unmet: { needId: string; pillar: Pillar; priority: string; unmet: Quantity; usd?: string }[];
}

/**
 * What the pipeline is computed from: the state's needs, the allocations they hold, and the pledges behind members'
 * ones together with the members' open pledges.
 */
export interface PipelineSources {
  needs: readonly NeedView[];
  allocations: readonly AllocationView[];
  pledges: readonly PledgeView[];
}

function pillarOf(pillar: Pillar, needs: readonly PipelineNeed[], postedAt: Map<string, string>): PillarCoverage {
  const usd = (pick: (need: PipelineNeed) => Quantity) =>
    usdSum(needs.map((need) => usdOf(pick(need), postedAt.get(need.id)!)));
  return {
    pillar,
    needs: needs.length,
    requested: sumByUnit(needs.map((n) => n.quantity)),
    allocated: sumByUnit(needs.map((n) => n.allocated)),
    delivered: sumByUnit(needs.map((n) => n.delivered)),
    unmet: sumByUnit(needs.map((n) => n.unmet)),
    usd: {
      requested: usd((n) => n.quantity),
      allocated: usd((n) => n.allocated),
      allocatedByMembers: usd((n) => n.allocatedByMembers),
      delivered: usd((n) => n.delivered),
      unmet: usd((n) => n.unmet),
    },
  };
}

/**
 * The coalition's view of its state's needs: each need with the current members' allocations and deliveries, coverage
 * by pillar, and what is still unmet. Other donors' allocations count in a need's totals (those are public on the
 * need) but are not listed; delivery notes, references and pledge conditions are left out.
 */
export function coalitionPipelineOf(coalition: CoalitionView, sources: PipelineSources): CoalitionPipeline {
  const isPartner = (participantId: string) => {
    const role = currentRoleOf(coalition, participantId);
    return role === 'lead_partner' || role === 'supporting_partner';
  };
  const needs = sources.needs.filter((need) => need.requesterId === coalition.affectedStateId);
  const needIds = new Set(needs.map((need) => need.id));
  const memberAllocations = sources.allocations.filter((a) => needIds.has(a.needId) && isPartner(a.donorId));
  const postedAt = new Map(needs.map((need) => [need.id, need.postedAt]));
  const pipelineNeeds = needs
    .map((need) =>
      needOf(
        need,
        memberAllocations.filter((a) => a.needId === need.id),
      ),
    )
    .sort(byId);
  const usdOfNeed = (allocation: AllocationView, amount: Quantity) => usdOf(amount, postedAt.get(allocation.needId)!);
  const members = coalition.memberships
    .filter((m) => m.until === undefined)
    .map(({ participantId, role }): PipelineMember => {
      const own = memberAllocations.filter((a) => a.donorId === participantId);
      const pledgeIds = new Set(own.map((a) => a.pledgeId));
      const servesState = (pledge: PledgeView) =>
        pledgeIds.has(pledge.id) ||
        (MATCHABLE_PLEDGE_STATUSES.includes(pledge.status) &&
          (pledge.recipientId === undefined || pledge.recipientId === coalition.affectedStateId));
      return {
        participantId,
        role,
        pledges: sources.pledges
          .filter((p) => p.donorId === participantId && servesState(p))
          .map(({ id, status, quantity, allocated, delivered, remaining }) => ({
            id,
            status,
            quantity,
            allocated,
            delivered,
            remaining,
          }))
          .sort(byId),
        allocations: own.length,
        usd: {
          allocated: usdSum(own.map((a) => usdOfNeed(a, committedOf(a)))),
          delivered: usdSum(own.map((a) => usdOfNeed(a, a.confirmedNeedAmount))),
        },
      };
    });
  const rank = (priority: string) => priorities.indexOf(priority as never);
  return {
    coalitionId: coalition.id,
    affectedStateId: coalition.affectedStateId,
    status: coalition.status,
    members,
    pillars: pillars.map((pillar) =>
      pillarOf(
        pillar,
        pipelineNeeds.filter((need) => need.pillar === pillar),
        postedAt,
      ),
    ),
    needs: pipelineNeeds,
    unmet: pipelineNeeds
      .filter((need) => !isZero(need.unmet))
      .sort((a, b) => rank(a.priority) - rank(b.priority) || byId(a, b))
      .map((need) => {
        const usd = usdOf(need.unmet, postedAt.get(need.id)!);
        return {
          needId: need.id,
          pillar: need.pillar,
          priority: need.priority,
          unmet: need.unmet,
          ...(usd && { usd }),
        };
      }),
  };
}
