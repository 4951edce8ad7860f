import { Inject, Injectable } from '@nestjs/common';
import { Db, Document, Filter } from 'mongodb';
import { MONGO_DB } from '@cm/platform';
import { listPage, liveCollection, Page, ReadModelName } from '@cm/read-models';
import { notFound } from './query-errors';

/** A page of a list: at most `limit` records after the `_id` given. */
export interface Paging {
  limit: number;
  after?: string;
}

const singular: Record<string, string> = {
  participants: 'participant',
  needs: 'need',
  pledges: 'pledge',
  allocations: 'allocation',
  coalitions: 'coalition',
};

/** Reads the live generation of a read model: one document by `_id`, or a page in `_id` order. */
@Injectable()
export class ReadModelQueries {
  constructor(@Inject(MONGO_DB) private readonly db: Db) {}

  async page<T extends Document, R>(
    model: ReadModelName,
    filter: Filter<T>,
    paging: Paging,
    shape: (doc: T) => R,
  ): Promise<Page<R>> {
    const collection = await liveCollection<T>(this.db, model);
    const page = await listPage(collection, filter, paging.limit, paging.after);
    return { items: page.items.map(shape), next: page.next };
  }

  async byId<T extends Document, R>(model: ReadModelName, id: string, shape: (doc: T) => R): Promise<R> {
    const collection = await liveCollection<T>(this.db, model);
    const doc = await collection.findOne({ _id: id } as Filter<T>);
    if (!doc) throw notFound(`${singular[model] ?? model} ${id} does not exist`);
    return shape(doc as T);
  }
}

/** Drops undefined filter values, so that only the filters given constrain the list. */
export const definedOf = (filter: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
