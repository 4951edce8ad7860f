import { once } from 'node:events';
import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Ports for the servers the tests start themselves (apps, the faults test's broker and database, the cluster's
 * brokers). They come from 20000-32767, below Linux's ephemeral range (32768-60999), so no outgoing connection holds
 * one while its server restarts on it, and never one of the worktrees' infrastructure ports (x9092, x9093, x7017 and
 * this shell's KAFKA_PORT, KAFKA_CONTROLLER_PORT, MONGODB_PORT). A port is reserved machine-wide by creating a file
 * in the temporary directory that names the reserving process, so two test runs at once (other worktrees) never
 * pick the same one; a reservation whose process has ended is taken over.
 */
const portRange = { from: 20_000, to: 32_767 };
const portReservations = join(tmpdir(), 'cm-article6-test-ports');
const infrastructurePort = (port: number) =>
  [9092, 9093, 7017].includes(port % 10_000) ||
  ['KAFKA_PORT', 'KAFKA_CONTROLLER_PORT', 'MONGODB_PORT'].some((name) => Number(process.env[name]) === port);

/** True when this process now holds the port's reservation: a new one, or one whose owner process has ended. */
function reserve(port: number): boolean {
  const file = join(portReservations, String(port));
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    try {
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner === process.pid || processAlive(owner)) return false;
      writeFileSync(file, String(process.pid));
      return true;
    } catch {
      return false;
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function listenable(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  const ok = await Promise.race([once(server, 'listening').then(() => true), once(server, 'error').then(() => false)]);
  if (ok) {
    server.close();
    await once(server, 'close');
  }
  return ok;
}

export async function freePort(): Promise<number> {
  mkdirSync(portReservations, { recursive: true });
  const span = portRange.to - portRange.from + 1;
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const port = portRange.from + randomInt(span);
    if (infrastructurePort(port) || !reserve(port)) continue;
    if (await listenable(port)) return port;
  }
  throw new Error(`no free port in ${portRange.from}-${portRange.to} (reservations in ${portReservations})`);
}
