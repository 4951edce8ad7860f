import type { Db, Document } from 'mongodb';
import type { EventEnvelope } from '@cm/event-store';
import { topicFor } from '@cm/messaging';
import { evolveCoverage, evolveNeedView, matchableNeedDocOf, type NeedView } from '@cm/read-models';
import { storeFor } from '../support/event-log';
import { waitFor } from '../support/processes';
import type { AcceptedCommand } from './command-load';
import { canonical, liveDocs, readTopic } from './stack-reads';

export interface Verdict {
  problems: string[];
  summary: string;
}

/**
 * The proof's verdict. Source of truth: the event store. Every command answered 2xx must be exactly one event in it
 * (versions 1..n, no command twice); the topic must carry each stream's events in version order (a repeat only as
 * the same event); and each read model must equal a fold of the store: the need documents (last version applied,
 * every field), each need's coverage entry, its matchable_needs document (or its absence), and one audit entry per
 * event in stream order.
 */
export async function checkEverythingOnce(
  db: Db,
  brokers: string,
  accepted: AcceptedCommand[],
  progress: (line: string) => void,
): Promise<Verdict> {
  const problems: string[] = [];
  const acceptedByStream = new Map<string, number[]>();
  for (const command of accepted) {
    acceptedByStream.set(command.streamId, [...(acceptedByStream.get(command.streamId) ?? []), command.version]);
  }
  const store = storeFor(db);
  const streams = new Map<string, EventEnvelope[]>();
  for (const streamId of acceptedByStream.keys()) streams.set(streamId, (await store.readStream(streamId)).events);
  const storedEvents = [...streams.values()].reduce((n, events) => n + events.length, 0);
  progress(
    `event store: ${streams.size} need streams, ${storedEvents} events for ${accepted.length} accepted commands`,
  );

  for (const [streamId, versions] of acceptedByStream) {
    const events = streams.get(streamId)!;
    const expected = events.map((_, i) => i + 1);
    if (canonical(events.map((e) => e.version)) !== canonical(expected)) {
      problems.push(`${streamId}: stored versions ${events.map((e) => e.version).join(',')}`);
    }
    if (canonical([...versions].sort((a, b) => a - b)) !== canonical(expected)) {
      problems.push(`${streamId}: answered versions ${versions.join(',')} but ${events.length} stored events`);
    }
    if (new Set(events.map((e) => e.metadata.commandId)).size !== events.length) {
      problems.push(`${streamId}: a command stored twice`);
    }
  }

  const needs = new Map<string, NeedView>();
  for (const [streamId, events] of streams) {
    const folded = events.reduce<NeedView | null>((doc, event) => evolveNeedView(doc, event), null);
    if (folded) needs.set(streamId, folded);
  }
  // Caught up: every need document, and its coverage entry written after it, at the store's last version. A read
  // model that never gets there is reported below, document by document, rather than as a bare timeout.
  await waitFor(
    async () => {
      const docs = new Map((await liveDocs(db, 'needs', 'needs')).map((doc) => [String(doc._id), doc]));
      const entries = new Map(
        (await liveDocs(db, 'coverage', 'needs')).flatMap((cell) =>
          Object.entries(cell.contributions as Record<string, { version: number }>),
        ),
      );
      const matchable = new Map((await liveDocs(db, 'matchable_needs', 'needs')).map((doc) => [String(doc._id), doc]));
      const audit = await liveDocs(db, 'needAudit', 'needAudit');
      const behind = [...needs.values()].filter(
        (need) =>
          (docs.get(need.id)?.version ?? 0) < need.version ||
          (entries.get(need.id)?.version ?? 0) < need.version ||
          (matchableNeedDocOf(need) ? (matchable.get(need.id)?.version ?? 0) < need.version : matchable.has(need.id)),
      ).length;
      return behind === 0 && audit.length >= storedEvents ? true : undefined;
    },
    'the read models to catch up with the store',
    120_000,
  ).catch((error: Error) => progress(error.message));

  const needDocs = new Map((await liveDocs(db, 'needs', 'needs')).map((doc) => [String(doc._id), doc]));
  const coverage = await liveDocs(db, 'coverage', 'needs');
  const contributions = new Map<string, unknown>();
  for (const cell of coverage) {
    for (const [needId, entry] of Object.entries(cell.contributions as Record<string, unknown>)) {
      if (contributions.has(needId)) problems.push(`coverage: need ${needId} counted in two cells`);
      contributions.set(needId, entry);
    }
  }
  for (const need of needs.values()) {
    const doc = needDocs.get(need.id);
    if (canonical(doc) !== canonical(need)) {
      problems.push(`needs/${need.id}: read model ${canonical(doc)} != fold of the store ${canonical(need)}`);
    }
    const entry = evolveCoverage(null, need).contributions[need.id];
    if (canonical(contributions.get(need.id)) !== canonical(entry)) {
      problems.push(`coverage/${need.id}: ${canonical(contributions.get(need.id))} != ${canonical(entry)}`);
    }
  }

  // matchable_needs: a need that can still receive something (open status, something remaining) is there once, as
  // derived from its folded document (remaining amounts, status, version); any other need is absent.
  const matchableDocs = await liveDocs(db, 'matchable_needs', 'needs');
  const matchableById = new Map(matchableDocs.map((doc) => [String(doc._id), doc]));
  if (matchableById.size !== matchableDocs.length) problems.push('matchable_needs: a need listed twice');
  const needIds = new Set([...needs.values()].map((need) => need.id));
  for (const id of matchableById.keys()) {
    if (!needIds.has(id)) problems.push(`matchable_needs: ${id}, which no accepted command wrote`);
  }
  let matchableCount = 0;
  for (const need of needs.values()) {
    const wanted = matchableNeedDocOf(need);
    if (wanted) matchableCount += 1;
    if (canonical(matchableById.get(need.id)) !== canonical(wanted)) {
      problems.push(
        `matchable_needs/${need.id}: read model ${canonical(matchableById.get(need.id))} != ${canonical(wanted)}`,
      );
    }
  }

  const audit = (await liveDocs(db, 'needAudit', 'needAudit')).sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
  const auditByStream = new Map<string, Document[]>();
  for (const entry of audit) {
    auditByStream.set(entry.streamId as string, [...(auditByStream.get(entry.streamId as string) ?? []), entry]);
  }
  for (const streamId of auditByStream.keys()) {
    if (!streams.has(streamId)) problems.push(`audit: entries of ${streamId}, which no accepted command wrote`);
  }
  for (const [streamId, events] of streams) {
    const entries = auditByStream.get(streamId) ?? [];
    const seen = entries.map((e) => `${e.version as number}:${String(e._id)}`);
    const wanted = events.map((e) => `${e.version}:${e.eventId}`);
    if (canonical(seen) !== canonical(wanted))
      problems.push(`audit ${streamId}: ${seen.join(',')} != ${wanted.join(',')}`);
  }

  const published = await readTopic(brokers, topicFor('need'), storedEvents);
  const firstIds = new Map<string, Map<number, string>>();
  let repeats = 0;
  for (const event of published) {
    const versions = firstIds.get(event.streamId) ?? new Map<number, string>();
    firstIds.set(event.streamId, versions);
    const known = versions.get(event.version);
    if (known === undefined) {
      if (event.version !== versions.size + 1) problems.push(`topic: ${event.streamId} v${event.version} out of order`);
      versions.set(event.version, event.eventId);
    } else {
      repeats += 1;
      if (known !== event.eventId) problems.push(`topic: ${event.streamId} v${event.version} with two event ids`);
    }
  }
  for (const [streamId, events] of streams) {
    if ((firstIds.get(streamId)?.size ?? 0) !== events.length) problems.push(`topic: ${streamId} incomplete`);
  }

  const summary =
    `Checked: ${accepted.length} commands answered 2xx = ${storedEvents} events in ${streams.size} streams; ` +
    `${needs.size} need documents and coverage entries equal to a fold of the store; ${matchableCount} matchable ` +
    `needs, each once and equal to its fold (${needs.size - matchableCount} closed or covered, absent); ` +
    `${audit.length} audit entries ` +
    `(one per event, in stream order); ${published.length} messages on ${topicFor('need')} ` +
    `(${repeats} redelivered by the relay after the faults, every one the same event). Problems: ${problems.length}.`;
  return { problems: problems.slice(0, 20), summary };
}
