import type { Db } from 'mongodb';
import { collectionNameOf, liveAlias, readModelsBySet, type ProjectionSetName } from './aliases';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Every document of a generation's read models, sorted by `_id` with keys sorted: equal dumps, equal read models. */
export async function dumpGeneration(db: Db, set: ProjectionSetName, generation: string): Promise<string> {
  const models: Record<string, unknown[]> = {};
  for (const model of readModelsBySet[set]) {
    const docs = await db.collection(collectionNameOf(model, generation)).find({}).toArray();
    docs.sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0));
    models[model] = docs.map(canonical);
  }
  return JSON.stringify(models);
}

export async function dumpLive(db: Db, set: ProjectionSetName): Promise<string> {
  return dumpGeneration(db, set, (await liveAlias(db, set)).generation);
}
