import { createHash } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { AbuseRequest } from './abuse-request';
import { Answer } from './abuse-http';

/** Bookkeeping that a refused request may touch by design: idempotency claims keep refusals replayable. */
const bookkeeping = /^(idempotency|relay|lease|projection-checkpoint|consumer)/i;

/** Why an answer is wrong, or undefined when it is right. */
export function judge(request: AbuseRequest, answer: Answer): string | undefined {
  if (answer.status === 0) return 'no answer (the connection failed twice)';
  if (answer.status >= 500) return 'a server error';
  const isCommand = request.method !== 'GET';
  if (isCommand && answer.status < 400) return 'a mutated command was accepted';
  if (answer.status < 400) return undefined;
  if (!answer.contentType.startsWith('application/problem+json')) return `refused as ${answer.contentType}`;
  if (typeof answer.body?.code !== 'string') return 'a problem without a code';
  if ([400, 413, 415].includes(answer.status)) {
    const fields = (answer.body.errors ?? []).map((error) => error.field);
    if (fields.length === 0 || fields.some((field) => typeof field !== 'string' || field === '')) {
      return 'a refusal that names no field';
    }
    // With odd values in other fields too, those may be what is named (If-Match is checked after the body).
    if (
      answer.body.code === 'VALIDATION_FAILED' &&
      request.field &&
      request.edges.length === 0 &&
      !(fields as string[]).some((field) => field === request.field || field.startsWith(`${request.field}.`))
    ) {
      return `a refusal that does not name ${request.field}`;
    }
  }
  return undefined;
}

/** Document count and content hash of every collection but the bookkeeping ones; `events` sums the store's. */
export async function snapshot(mongo: MongoClient, name: string) {
  const db = mongo.db(name);
  const guarded: Record<string, string> = {};
  const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  for (const collection of collections) {
    if (bookkeeping.test(collection)) continue;
    const documents = await db.collection(collection).find({}).sort({ _id: 1 }).toArray();
    const hash = createHash('sha256').update(JSON.stringify(documents)).digest('hex').slice(0, 16);
    guarded[collection] = `${documents.length} documents, ${hash}`;
  }
  const commits = await db
    .collection('event_commits')
    .find({}, { projection: { events: 1 } })
    .toArray();
  guarded.events = `${commits.reduce((sum, commit) => sum + (commit.events as unknown[]).length, 0)} events`;
  return { guarded };
}
