import { assistanceTypes, pillars } from '@cm/domain';
import { MATCHABLE_PLEDGE_STATUSES } from '@cm/matching';
import type { Db, Document } from 'mongodb';
import type { AllocationView } from '../allocations/allocation-view';
import { coverageIdOf, type CoverageDoc } from '../need-coverage/coverage';
import type { NeedView } from '../needs/need-view';
import type { PledgeView } from '../pledges/pledge-view';
import { liveCollection, type ReadModelName } from '../projections/aliases';
import type { PipelineSources } from './coalition-pipeline';
import type { CoalitionView } from './coalition-view';

/** Reads at a time: enough to overlap round trips, few enough not to crowd the server. */
const concurrency = 16;

async function byIds<T extends Document>(db: Db, model: ReadModelName, ids: readonly string[]): Promise<T[]> {
  const collection = await liveCollection<T>(db, model);
  const found: T[] = [];
  for (let start = 0; start < ids.length; start += concurrency) {
    const docs = (await Promise.all(
      ids.slice(start, start + concurrency).map((_id) => collection.findOne({ _id } as never)),
    )) as (T | null)[];
    for (const doc of docs) if (doc !== null) found.push(doc);
  }
  return found;
}

/** The open pledges of the coalition's current partners: one query on `{donorId, status}` (indexed on MongoDB). */
async function openPledgesOf(db: Db, coalition: CoalitionView): Promise<PledgeView[]> {
  const partners = coalition.memberships
    .filter((m) => m.until === undefined && m.role !== 'affected_state')
    .map((m) => m.participantId);
  if (partners.length === 0) return [];
  const pledges = await liveCollection<PledgeView>(db, 'pledges');
  const filter = { donorId: { $in: partners }, status: { $in: [...MATCHABLE_PLEDGE_STATUSES] } };
  return pledges.find(filter as never, { sort: { _id: 1 } }).toArray() as Promise<PledgeView[]>;
}

/**
 * Everything a coalition's pipeline is built from. By `_id`: the state's coverage cells (one per pillar and assistance
 * type) name its needs, each need names the allocations that reserved part of it, and the members' allocations name
 * their pledges; their cost grows with the state's own needs and allocations, never with the size of the collections,
 * so the pipeline is computed at query time rather than kept as one more projection across four topics. Plus one
 * filtered read: the partners' open pledges, which hold no allocation to the state yet but could serve it.
 */
export async function pipelineSourcesOf(db: Db, coalition: CoalitionView): Promise<PipelineSources> {
  const cellIds = pillars.flatMap((pillar) =>
    assistanceTypes.map((assistanceType) =>
      coverageIdOf({ requesterId: coalition.affectedStateId, pillar, assistanceType }),
    ),
  );
  const cells = await byIds<CoverageDoc>(db, 'coverage', cellIds);
  const needIds = cells.flatMap((cell) => Object.keys(cell.contributions)).sort();
  const needs = await byIds<NeedView>(db, 'needs', needIds);
  const allocationIds = [...new Set(needs.flatMap((need) => Object.keys(need.reservations)))].sort();
  const allocations = await byIds<AllocationView>(db, 'allocations', allocationIds);
  const members = new Set(coalition.memberIds);
  const pledgeIds = [...new Set(allocations.filter((a) => members.has(a.donorId)).map((a) => a.pledgeId))].sort();
  const [allocated, open] = await Promise.all([
    byIds<PledgeView>(db, 'pledges', pledgeIds),
    openPledgesOf(db, coalition),
  ]);
  const pledges = [...new Map([...allocated, ...open].map((pledge) => [pledge.id, pledge])).values()];
  return { needs, allocations, pledges };
}
