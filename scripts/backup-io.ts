import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';

/** `.gz` files are compressed on the way out and in; anything else is plain NDJSON. */
export function lineReader(path: string): () => AsyncIterable<string> {
  return () => {
    const file = createReadStream(path);
    return createInterface({ input: path.endsWith('.gz') ? file.pipe(createGunzip()) : file, crlfDelay: Infinity });
  };
}

export interface LineWriter {
  write(line: string): Promise<void>;
  close(): Promise<void>;
}

export function lineWriter(path: string): LineWriter {
  const file = createWriteStream(path, { flags: 'wx' });
  const out: Writable = path.endsWith('.gz') ? createGzip() : file;
  if (out !== file) out.pipe(file);
  return {
    async write(line) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    },
    async close() {
      out.end();
      await once(file, 'close');
    },
  };
}

/** At most one progress line a second, on stderr so that the output stays clean. */
export function throttledLog(everyMs = 1_000): (line: string) => void {
  let last = 0;
  return (line) => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    console.error(line);
  };
}
