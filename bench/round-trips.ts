/**
 * Counts the database commands a piece of code sends, through the driver's command monitoring: what one command or
 * one projected event costs in round trips, by collection and operation. The client must be created with
 * `monitorCommands: true`; connection handshakes and heartbeats are not commands and are not counted.
 */
import type { CommandStartedEvent, MongoClient } from 'mongodb';

const housekeeping = new Set(['hello', 'isMaster', 'ismaster', 'ping', 'endSessions', 'buildInfo']);

export interface RoundTrips {
  /** Commands sent since the last `take()`, by `<operation> <collection>`, and their total. */
  take(): { total: number; by: Record<string, number> };
  stop(): void;
}

export function countRoundTrips(client: MongoClient): RoundTrips {
  let by: Record<string, number> = {};
  const listener = (event: CommandStartedEvent) => {
    if (housekeeping.has(event.commandName)) return;
    const collection = event.command[event.commandName];
    const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`.trim();
    by[key] = (by[key] ?? 0) + 1;
  };
  client.on('commandStarted', listener);
  return {
    take() {
      const taken = by;
      by = {};
      return { total: Object.values(taken).reduce((sum, n) => sum + n, 0), by: taken };
    },
    stop: () => client.off('commandStarted', listener),
  };
}
