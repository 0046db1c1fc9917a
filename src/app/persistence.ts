// Saves the workspace while the user works (debounced, and at once when the page is hidden),
// and drops a share link from the address bar once the workspace no longer matches it.

import { saveCurrent, selectSnapshot, type KeyValueStorage, type PlaygroundStore, type Snapshot } from "../store";

/** Connects local persistence; returns the dispose function. */
export function connectPersistence(store: PlaygroundStore, storage: KeyValueStorage, delay = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    saveCurrent(storage, selectSnapshot(store.getState()));
  };
  const schedule = () => {
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };
  const snapshotKey = (s: Snapshot) => [s.files, s.profile, s.relaxed, s.view.file, s.view.tab] as const;
  const unsub = store.subscribe((s) => snapshotKey(selectSnapshot(s)), schedule, { equalityFn: (a, b) => a.every((x, i) => x === b[i]) });
  const onHide = () => {
    if (timer) flush();
  };
  addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", onHide);
  flush();
  return () => {
    unsub();
    removeEventListener("pagehide", onHide);
    document.removeEventListener("visibilitychange", onHide);
  };
}
