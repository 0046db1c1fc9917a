// Saves the workspace while the user works (debounced, and at once when the page is hidden),
// and drops a share link from the address bar once the workspace no longer matches it. What
// storage refuses is said on the page: an unsaved workspace, History entries dropped to make
// room, work that History could not take.

import { saveWorkspace, selectSnapshot, takeUnreportedSetAside, type KeyValueStorage, type Notice, type PlaygroundStore, type Snapshot } from "../store";
import { connectHistory, currentTitle, refusedNotice } from "./history";

/** Connects local persistence; returns the dispose function. */
export function connectPersistence(store: PlaygroundStore, storage: KeyValueStorage, delay = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing = false;
  const disconnectHistory = connectHistory(store, storage);
  // an error on screen may offer the only download of replaced work: add to it, never hide it
  const tell = (notice: Notice) => {
    const shown = store.getState().notice;
    store.getState().showNotice(shown?.kind === "error" && shown.text !== notice.text ? { ...shown, text: `${shown.text} ${notice.text}` } : notice);
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const { saved, dropped } = saveWorkspace(storage, selectSnapshot(store.getState()), currentTitle(store));
    // say so once when the browser refuses (storage full or disabled), and once when it works again
    if (!saved && !failing) {
      tell({ kind: "error", text: "Your work is not being saved in this browser (storage is full or disabled). Download it or copy the link to keep it." });
    } else if (saved && failing) {
      tell({ kind: "info", text: "Your work is saved in this browser again." });
    } else if (dropped > 0) {
      tell({ kind: "info", text: `This browser's storage was full: the ${dropped === 1 ? "oldest workspace" : `${dropped} oldest workspaces`} in History ${dropped === 1 ? "was" : "were"} deleted to save your work.` });
    }
    failing = !saved;
    // a shared link opened while storage refused to keep the work it replaced
    const lost = takeUnreportedSetAside();
    if (lost) {
      const notice = refusedNotice("You opened a shared workspace.", { kind: "refused", ...lost });
      store.getState().showNotice(saved ? notice : { ...notice, text: `${notice.text} Nor is the open workspace being saved.` });
    }
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
    disconnectHistory();
    unsub();
    removeEventListener("pagehide", onHide);
    document.removeEventListener("visibilitychange", onHide);
  };
}
