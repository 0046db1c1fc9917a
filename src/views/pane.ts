// What a pane is: a mount function that takes a container and the store and returns a
// dispose function. Panes know nothing of the page around them (the embed mode reuses them).

import type { PlaygroundState, PlaygroundStore } from "../store";

/** The count a tab shows beside its title, and its tone ("bad", "warn" or ""). */
export interface Badge {
  count: number;
  tone: "bad" | "warn" | "";
}

export interface Pane {
  /** The pane's name in the registry, in links (view.tab) and in the DOM. */
  id: string;
  title: string;
  mount(container: HTMLElement, store: PlaygroundStore): () => void;
  /** What its tab shows beside the title, or null for nothing. */
  badge?(state: PlaygroundState): Badge | null;
}
