/**
 * The api's heap right after a full garbage collection, through the V8 inspector the api was started with
 * (`--inspect=127.0.0.1:<port>`): `HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`. Without the forced
 * collection, heap figures swing with the collector's rhythm and hide or fake a trend. Needs Node's WebSocket client
 * (`--experimental-websocket` on Node 20).
 */
import { mib } from './report';
import type { HeapSample } from './statistics';

interface Socket {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'error' | 'message', listener: (event: { data?: unknown }) => void): void;
}

export class InspectedHeap {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: Record<string, unknown>) => void>();

  private constructor(private readonly socket: Socket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown> };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.result ?? {});
    });
  }

  static async connect(inspectorPort: number): Promise<InspectedHeap> {
    const WebSocketClass = (globalThis as { WebSocket?: new (url: string) => Socket }).WebSocket;
    if (!WebSocketClass) throw new Error('no WebSocket client: run node with --experimental-websocket');
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const socket = new WebSocketClass(targets[0].webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error('the api inspector refused the connection')));
    });
    return new InspectedHeap(socket);
  }

  /** Bytes in use after a full collection. */
  async afterFullGc(): Promise<number> {
    await this.call('HeapProfiler.collectGarbage');
    return (await this.call('Runtime.getHeapUsage')).usedSize as number;
  }

  close(): void {
    this.socket.close();
  }

  private call(method: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer from the inspector`)), 30_000);
      this.waiting.set(id, (result) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(result);
      });
      this.socket.send(JSON.stringify({ id, method }));
    });
  }
}

/**
 * Every `everyMs` until stopped: the api's post-GC heap and its resident set (from `/metrics`). `stop()` takes one
 * last sample and answers them all.
 */
export function sampleHeap(heap: InspectedHeap, base: string, everyMs: number, log: (line: string) => void) {
  const samples: HeapSample[] = [];
  const rss: number[] = [];
  const start = Date.now();
  let running = true;
  const sample = async () => {
    const exposition = await (await fetch(`${base}/metrics`)).text();
    rss.push(gauge(exposition, 'process_resident_memory_bytes') ?? NaN);
    samples.push({ atMs: Date.now() - start, bytes: await heap.afterFullGc() });
    log(`  api heap after full GC: ${mib(samples.at(-1)!.bytes)} MiB (rss ${mib(rss.at(-1)!)} MiB)`);
  };
  const sampleOrSay = () => sample().catch((error: Error) => log(`  api heap not sampled: ${error.message}`));
  const loop = (async () => {
    while (running) {
      await sampleOrSay();
      const next = start + samples.length * everyMs;
      while (running && Date.now() < next) await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await sampleOrSay();
      return { samples, rss };
    },
  };
}

/** One gauge of a Prometheus text exposition (the api's `/metrics`), or undefined when it is absent. */
export function gauge(exposition: string, name: string): number | undefined {
  const line = exposition.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}
