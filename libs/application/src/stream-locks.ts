/**
 * Serialises work per stream inside one process: concurrent commands on one pledge queue here instead of colliding
 * in the store. Correctness never depends on it (other instances still race; the expected version decides).
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(streamId, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }
}
