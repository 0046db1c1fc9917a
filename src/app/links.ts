// Shared links in the page: the notice for the link the page opened with, and links that arrive
// later as a new hash (pasted into the address bar, or sent by a page that opened this one).
// The open work goes to History first by its rank, so a run of links only ever pushes out
// other links, never the user's own work.

import { decodeLink, sameFiles, type Keeper, type PlaygroundStore } from "../store";
import { currentWork, downloadRescue, keepCurrent, openHistory, refusedNotice, restoreFromHistory, storageWords } from "./history";
import type { Start } from "./start";

const OPENED = "You opened a shared workspace.";

/** Shows what the opening decision has to say, and takes a consumed link out of the address bar. */
export function announceStart(store: PlaygroundStore, keeper: Keeper, start: Start): void {
  if (start.hadLink) history.replaceState(null, "", location.pathname + location.search);
  const s = store.getState();
  if (start.refused) {
    const { problem, work } = start.refused;
    const kept = work.kind === "own" ? " It stays saved in this browser until History can take it." : "";
    return s.showNotice({
      kind: "error",
      text: `${OPENED} Your previous work could not be kept in History: ${storageWords(problem)}.${kept} Download it to keep it.`,
      action: { label: "Download it", run: () => downloadRescue(work.snapshot.files) },
      more: { label: "Open History", run: () => openHistory(store, keeper) },
    });
  }
  if (!start.message) return;
  const { kind, text } = start.message;
  const keptId = start.keptId;
  s.showNotice(
    kind === "kept" && keptId
      ? {
          kind: "info",
          text,
          action: { label: "Back to my work", run: () => restoreFromHistory(store, keeper, keptId) },
          more: { label: "Open History", run: () => openHistory(store, keeper) },
        }
      : { kind: kind === "broken" ? "error" : "info", text },
  );
}

/** Opens the link in `hash` in the open page, keeping the open work in History first. */
export function openLink(store: PlaygroundStore, keeper: Keeper, hash: string): void {
  history.replaceState(null, "", location.pathname + location.search);
  let linked;
  try {
    linked = decodeLink(hash);
  } catch (err) {
    store.getState().showNotice({ kind: "error", text: `${(err as Error).message} Your workspace stays as it was.` });
    return;
  }
  if (sameFiles(currentWork(store).snapshot.files, linked.files)) return;
  const kept = keepCurrent(store, keeper);
  store.getState().loadSnapshot(linked, { kind: "link", title: "Shared link" });
  const s = store.getState();
  if (kept.kind === "refused") return s.showNotice(refusedNotice(OPENED, kept));
  if (kept.kind === "nothing") return s.showNotice({ kind: "info", text: OPENED });
  s.showNotice({
    kind: "info",
    text: `${OPENED} ${kept.work.kind === "own" ? "Your own work was kept in History." : "The shared workspace you had open was kept in History."}`,
    action: { label: "Back to my work", run: () => restoreFromHistory(store, keeper, kept.id) },
    more: { label: "Open History", run: () => openHistory(store, keeper) },
  });
}
