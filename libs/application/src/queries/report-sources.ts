import { Inject, Injectable } from '@nestjs/common';
import { Db, Filter } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import {
  AllocationView,
  cellsAtRateTable,
  CoverageTotalsDoc,
  coverageTotalsOfDoc,
  flowFieldsOfEntries,
  liveCollection,
  NeedView,
  ParticipantView,
  PledgeView,
  SupportCellDoc,
  SupportEntryDoc,
  totalsOfCell,
} from '@cm/read-models';
import {
  flowsWithUsd,
  ratesUsedOfFlows,
  ratesUsedOfTotals,
  supportReportOfFlows,
  supportReportOfTotals,
  totalsAnswer,
  type FlowFields,
  type RateUsed,
  type SupportQuery,
  type SupportRow,
} from '@cm/reporting';
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

  /**
   * The support report: from the cells' totals (O(cells) bytes) when they answer the query, that is on the annual
   * basis over all dates or whole years with every cell at the rate table in force; else from the records' flows.
   */
  async supportReport(query: SupportQuery): Promise<{ items: SupportRow[]; rates: RateUsed[] }> {
    if (totalsAnswer(query)) {
      const cells = await this.supportCells();
      if (cellsAtRateTable(cells)) {
        const totals = cells.flatMap(totalsOfCell);
        return { items: supportReportOfTotals(totals, query), rates: ratesUsedOfTotals(totals, query) };
      }
    }
    const flows = flowsWithUsd(await this.supportFlows(), query.basis ?? 'annual');
    return { items: supportReportOfFlows(flows, query), rates: ratesUsedOfFlows(flows, query) };
  }

  /** The support cells of pledges and of allocations (without the entries a writer may have left pending in them). */
  async supportCells(): Promise<SupportCellDoc[]> {
    const cells = await Promise.all(
      (['pledge_support_cells', 'allocation_support_cells'] as const).map(async (model) =>
        (await liveCollection<SupportCellDoc>(this.db, model)).find({}, { projection: { pending: 0 } }).toArray(),
      ),
    );
    return cells.flat() as SupportCellDoc[];
  }

  /** Every flow of the support report, from the records' entries (one document per pledge and allocation). */
  async supportFlows(): Promise<FlowFields[]> {
    const entries = await Promise.all(
      (['pledge_support_entries', 'allocation_support_entries'] as const).map(async (model) =>
        (await liveCollection<SupportEntryDoc>(this.db, model)).find({}).toArray(),
      ),
    );
    return entries.flatMap((docs) => flowFieldsOfEntries(docs as SupportEntryDoc[]));
  }

  /** The coverage report's cells, from the totals kept beside the coverage cells. */
  async coverageCells() {
    const collection = await liveCollection<CoverageTotalsDoc>(this.db, 'coverage_totals');
    const cells = await collection.find({}, { projection: { pending: 0 } }).toArray();
    return cells.map((cell) => coverageTotalsOfDoc(cell as CoverageTotalsDoc));
  }
}
