import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { session } from '../auth/session';

/**
 * GET /live as server-sent events, read with fetch so the bearer token goes in a header (EventSource cannot send one).
 * Any change the caller may see refetches the queries on screen; reconnects after a pause when the stream drops.
 */
export function useLiveUpdates(): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let timers: ReturnType<typeof setTimeout>[] = [];
    // The projector and this feed read the same topics side by side: refetch soon, and once more when the read
    // models have certainly caught up.
    const refresh = () => {
      timers.forEach(clearTimeout);
      timers = [300, 2000].map((delay) => setTimeout(() => void client.invalidateQueries(), delay));
    };
    const connect = async () => {
      while (!abort.signal.aborted) {
        try {
          const response = await fetch('/live', {
            headers: { authorization: `Bearer ${session.token()}`, accept: 'text/event-stream' },
            signal: abort.signal,
          });
          if (!response.ok || !response.body) throw new Error(`live: ${response.status}`);
          setConnected(true);
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            const blocks = buffer.split('\n\n');
            buffer = blocks.pop() ?? '';
            if (blocks.some((block) => block.includes('event: change'))) refresh();
          }
        } catch {
          if (abort.signal.aborted) return;
        }
        setConnected(false);
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }
    };
    void connect();
    return () => abort.abort();
  }, [client]);
  return connected;
}
