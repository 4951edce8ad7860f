import { Inject, Injectable } from '@nestjs/common';
import { Db, Filter } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import {
  AllocationView,
  CoverageDoc,
  coverageTotalsOf,
  liveCollection,
  NeedView,
  flowFieldsOfCells,
  ParticipantView,
  PledgeView,
  SupportCellDoc,
} from '@cm/read-models';
import type { FlowFields } from '@cm/reporting';
import { notFound } from './query-errors';

/**
 * The read models the reports are computed from (the computation itself is pure, in @cm/reporting). Pledges and
 * allocations are read whole or for one participant; coverage from its cells, which stay few (recipient × pillar ×
 * assistance type) because the projector keeps them summed.
 */
@Injectable()
export class ReportSources {
  constructor(@Inject(MONGO_DB) private readonly db: Db) {}

  async pledges(filter: Filter<PledgeView> = {}): Promise<PledgeView[]> {
    return (await liveCollection<PledgeView>(this.db, 'pledges')).find(filter).toArray() as Promise<PledgeView[]>;
  }

  async needs(filter: Filter<NeedView> = {}): Promise<NeedView[]> {
    return (await liveCollection<NeedView>(this.db, 'needs')).find(filter).toArray() as Promise<NeedView[]>;
  }

  async allocations(filter: Filter<AllocationView> = {}): Promise<AllocationView[]> {
    return (await liveCollection<AllocationView>(this.db, 'allocations')).find(filter).toArray() as Promise<
      AllocationView[]
    >;
  }

  async participants(filter: Filter<ParticipantView> = {}): Promise<ParticipantView[]> {
    return (await liveCollection<ParticipantView>(this.db, 'participants')).find(filter).toArray() as Promise<
      ParticipantView[]
    >;
  }

  async participant(id: string): Promise<ParticipantView> {
    const found = await (await liveCollection<ParticipantView>(this.db, 'participants')).findOne({ _id: id });
    if (!found) throw notFound(`participant ${id} does not exist`);
    return found as ParticipantView;
  }

  /** The support report's flows, from the cells the projector keeps (one per donor and year of recording). */
  async supportFlows(): Promise<FlowFields[]> {
    const [pledgeCells, allocationCells] = await Promise.all(
      (['pledge_support_cells', 'allocation_support_cells'] as const).map(
        async (model) =>
          (await liveCollection<SupportCellDoc>(this.db, model)).find({}).toArray() as Promise<SupportCellDoc[]>,
      ),
    );
    return [...flowFieldsOfCells(pledgeCells), ...flowFieldsOfCells(allocationCells)];
  }

  async coverageCells() {
    const cells = await (await liveCollection<CoverageDoc>(this.db, 'coverage')).find({}).toArray();
    return cells.map((cell) => coverageTotalsOf(cell as CoverageDoc));
  }
}
