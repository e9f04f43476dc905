/**
 * A minimal observable store: one state object, replaced (never mutated) by actions, with listeners that
 * receive the next and previous state so they can react only to what changed.
 */
export type Listener<S> = (next: S, previous: S) => void;

export interface Store<S> {
  get(): S;
  /** Applies an action (a pure function of the state); listeners run only when the state changed. */
  update(action: (state: S) => S): void;
  subscribe(listener: Listener<S>): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    update(action) {
      const previous = state;
      const next = action(state);
      if (next === previous) return;
      state = next;
      for (const listener of [...listeners]) listener(next, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
