export interface RetryPolicy {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export type RetryOutcome =
  { outcome: 'done' } | { outcome: 'stopped' } | { outcome: 'exhausted'; error: Error; attempts: number };

export interface RetryHooks {
  /** False once the consumer is stopping: no further attempt is made. */
  isRunning: () => boolean;
  /** Called between attempts, so a long backoff does not cost the group membership. */
  heartbeat: () => Promise<void>;
  /** Called after each failed attempt that will be retried. */
  onRetry: (error: Error, attempt: number) => void;
  /** Called after every failed attempt, the last one included. */
  onFailure: () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, with exponential backoff between attempts: `exhausted` after the last attempt
 * failed (checked first, so a failure at the last attempt is always reported as such), `stopped` when the consumer
 * stops while attempts are left.
 */
export async function retrying(
  policy: RetryPolicy,
  hooks: RetryHooks,
  attempt: () => Promise<void>,
): Promise<RetryOutcome> {
  let backoff = policy.initialBackoffMs;
  for (let attempts = 1; ; attempts++) {
    try {
      await attempt();
      return { outcome: 'done' };
    } catch (caught) {
      const error = caught as Error;
      hooks.onFailure();
      if (attempts >= policy.maxAttempts) return { outcome: 'exhausted', error, attempts };
      if (!hooks.isRunning()) return { outcome: 'stopped' };
      hooks.onRetry(error, attempts);
      await sleep(backoff);
      await hooks.heartbeat();
      backoff = Math.min(backoff * 2, policy.maxBackoffMs);
    }
  }
}
