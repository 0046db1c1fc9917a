// Saves the workspace while the user works (debounced, and at once when the page is hidden),
// and drops a share link from the address bar once the workspace no longer matches it.

import { saveCurrent, selectSnapshot, type KeyValueStorage, type PlaygroundStore, type Snapshot } from "../store";

/** Connects local persistence; returns the dispose function. */
export function connectPersistence(store: PlaygroundStore, storage: KeyValueStorage, delay = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const saved = saveCurrent(storage, selectSnapshot(store.getState()));
    // say so once when the browser refuses (storage full or disabled), and once when it works again
    if (!saved && !failing) {
      store.getState().showNotice({ kind: "error", text: "Your work is not being saved in this browser (storage is full or disabled). Download it or copy the link to keep it." });
    } else if (saved && failing) {
      store.getState().showNotice({ kind: "info", text: "Your work is saved in this browser again." });
    }
    failing = !saved;
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
