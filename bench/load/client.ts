import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';

export type Status = number | 'network' | 'timeout' | 'not sent';

/** One arrival of the open loop: a command or a query, timed from when it was due (not from when it was sent). */
export interface Outcome {
  operation: string;
  command: boolean;
  status: Status;
  latencyMs: number;
}

/** Where one step of the load collects what it saw. */
export interface Recorder {
  outcomes: Outcome[];
  /** Command answered → the read model it changed answers `X-Consistency: consistent` for its token. */
  lagsMs: number[];
  /** Probes still stale after `probeForMs`. */
  neverConsistent: number;
}

export type Tokens = Record<'LAO' | 'VNM' | 'NOR' | 'DEU' | 'analyst', string>;

export interface Answer {
  status: Status;
  body: Record<string, unknown>;
  consistency: string | null;
}

export interface ClientOptions {
  timeoutMs: number;
  probeForMs: number;
  lagSample: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const succeeded = (answer: Answer) => typeof answer.status === 'number' && answer.status < 300;

/** The load's HTTP side: sends as one of the standard actors, records each outcome, probes read-your-writes lag. */
export class LoadClient {
  constructor(
    private readonly base: string,
    private readonly tokens: Tokens,
    private readonly options: ClientOptions,
    private readonly random: () => number,
  ) {}

  /** Sends a command and records its outcome. */
  async command(
    operation: string,
    path: string,
    as: keyof Tokens,
    body: unknown,
    dueAt: number,
    recorder: Recorder,
  ): Promise<Answer> {
    const answer = await this.send('POST', path, as, body);
    recorder.outcomes.push({ operation, command: true, status: answer.status, latencyMs: performance.now() - dueAt });
    return answer;
  }

  /** For a sample of commands: read with the answer's token until the read model says consistent. */
  async probe(path: string, as: keyof Tokens, command: Answer, recorder: Recorder): Promise<void> {
    if (this.random() >= this.options.lagSample) return;
    const answered = performance.now();
    const headers = { 'x-consistent-with': command.body.consistencyToken as string };
    while (performance.now() - answered < this.options.probeForMs) {
      const read = await this.send('GET', path, as, undefined, headers);
      if (read.status === 200 && read.consistency === 'consistent') {
        recorder.lagsMs.push(performance.now() - answered);
        return;
      }
      if (read.status !== 200) await sleep(200);
    }
    recorder.neverConsistent += 1;
  }

  async send(
    method: string,
    path: string,
    as: keyof Tokens,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.tokens[as]}`, ...extra };
    if (method === 'POST') Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': uuidv7() });
    try {
      const response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await response.text();
      const parsed = response.ok && text ? (JSON.parse(text) as Record<string, unknown>) : {};
      return { status: response.status, body: parsed, consistency: response.headers.get('x-consistency') };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { status: timedOut ? 'timeout' : 'network', body: {}, consistency: null };
    }
  }
}
