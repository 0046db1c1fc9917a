// What a pane is: a mount function that takes a container and the store and returns a
// dispose function. Panes know nothing of the page around them (the embed mode reuses them).

import type { PlaygroundStore } from "../store";

export interface Pane {
  id: string;
  title: string;
  mount(container: HTMLElement, store: PlaygroundStore): () => void;
}

/** Runs the subscriptions a pane made when it is disposed. */
export function disposeAll(...fns: (() => void)[]): () => void {
  return () => {
    for (const fn of fns.reverse()) fn();
  };
}
