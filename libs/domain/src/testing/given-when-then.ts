import type { Decider } from '../decider';
import { DomainError, type DomainErrorCode } from '../errors';

/**
 * Spec helper: `given(events).when(command).then(events)` or `.thenFails(code)`.
 * State is always rebuilt from events, so specs exercise evolve and decide together.
 */
export function specFor<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return function given(...history: Event[]) {
    const state = history.reduce(decider.evolve, decider.initialState);
    return {
      state,
      when(command: Command) {
        const run = () => decider.decide(command, state);
        return {
          then(expected: Event[]): void {
            expect(run()).toEqual(expected);
          },
          thenFails(code: DomainErrorCode, detail?: RegExp): void {
            let caught: unknown;
            try {
              run();
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(DomainError);
            expect((caught as DomainError).code).toBe(code);
            if (detail) expect((caught as DomainError).detail).toMatch(detail);
          },
        };
      },
    };
  };
}
