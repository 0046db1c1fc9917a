// Keeping replaced work: whatever replaces the workspace (an example, reset, an opened archive,
// a shared link, a restore) first puts the open work on History (src/store/history.ts) with its
// rank (the user's own work, or a link opened unedited), and the notice says where it went — or,
// when storage refuses, says so and offers the work as a download, so it is never dropped silently.

import {
  STORAGE_CHARS,
  defaultSnapshot,
  sameFiles,
  selectSnapshot,
  selectWorkKind,
  selectWorkTitle,
  type Keeper,
  type KeyValueStorage,
  type Notice,
  type PlaygroundStore,
  type Snapshot,
  type StorageProblem,
  type Work,
  type WorkspaceFile,
} from "../store";
import { h } from "../views";
import { zipWorkspace } from "./archive";
import { historyDialog } from "./historydialog";

/** What keeping the open work came to. */
export type Kept = { kind: "kept"; id: string; work: Work } | { kind: "nothing" } | { kind: "refused"; problem: StorageProblem; snapshot: Snapshot };

/** The page's storage; one that refuses everything (reported as unavailable) when the browser
 *  denies access, so that opening files still works. */
export function browserStorage(): KeyValueStorage {
  try {
    return localStorage;
  } catch {
    const refuse = () => {
      throw new DOMException("Storage is disabled.", "SecurityError");
    };
    return { getItem: () => null, setItem: refuse, removeItem: () => undefined };
  }
}

/** The open workspace with its rank and name, as History keeps it. */
export function currentWork(store: PlaygroundStore): Work {
  const s = store.getState();
  return { snapshot: selectSnapshot(s), kind: selectWorkKind(s), title: selectWorkTitle(s) };
}

function worthKeeping(work: Work): boolean {
  return work.kind !== "pristine" && work.snapshot.files.length > 0 && !sameFiles(work.snapshot.files, defaultSnapshot().files);
}

/** Puts the open workspace on History, unless it is empty, the example, or an untouched preset. */
export function keepCurrent(store: PlaygroundStore, keeper: Keeper): Kept {
  const work = currentWork(store);
  if (!worthKeeping(work)) return { kind: "nothing" };
  const pushed = keeper.keep(work);
  return pushed.ok ? { kind: "kept", id: pushed.id, work } : { kind: "refused", problem: pushed.problem, snapshot: work.snapshot };
}

/** Offers `files` as a .zip download. */
export function downloadRescue(files: readonly WorkspaceFile[], name = "ksymns-kept-workspace.zip"): void {
  const url = URL.createObjectURL(new Blob([zipWorkspace([...files]) as BlobPart], { type: "application/zip" }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Why storage refused, as the end of a sentence. */
export function storageWords(problem: StorageProblem): string {
  if (problem === "too-large") return `it is larger than a browser stores for one site (${STORAGE_CHARS / 1024 / 1024} MiB)`;
  return problem === "full" ? "this browser's storage is full" : "this browser's storage is unavailable";
}

/** The error notice for work History could not take: never silent, and the work stays downloadable. */
export function refusedNotice(done: string, kept: Extract<Kept, { kind: "refused" }>): Notice {
  return {
    kind: "error",
    text: `${done} Your previous work could not be kept in History: ${storageWords(kept.problem)}. Download it to keep it${kept.problem === "full" ? ", or delete entries from History" : ""}.`,
    action: { label: "Download it", run: () => downloadRescue(kept.snapshot.files) },
  };
}

/** Shows where the replaced work went after `done` (the sentence saying what replaced it). */
export function announceKept(store: PlaygroundStore, keeper: Keeper, kept: Kept, done: string, action?: Notice["action"]): void {
  const s = store.getState();
  if (kept.kind === "refused") return s.showNotice(refusedNotice(done, kept));
  if (kept.kind === "nothing") return action ? s.showNotice({ kind: "info", text: done, action }) : undefined;
  s.showNotice({
    kind: "info",
    text: `${done} ${kept.work.kind === "own" ? "Your work was kept in History." : "The shared workspace you had open was kept in History."}`,
    action: action ?? { label: "Restore", run: () => restoreFromHistory(store, keeper, kept.id) },
    more: { label: "Open History", run: () => openHistory(store, keeper) },
  });
}

/** Brings back a History entry, keeping the open work first; nothing is replaced when that fails. */
export function restoreFromHistory(store: PlaygroundStore, keeper: Keeper, id: string): boolean {
  const s = store.getState();
  const entry = keeper.history().find((e) => e.id === id);
  if (!entry) {
    s.showNotice({ kind: "error", text: "That workspace is no longer in History." });
    return false;
  }
  const kept = keepCurrent(store, keeper);
  if (kept.kind === "refused") {
    s.showNotice({
      kind: "error",
      text: `“${entry.title}” was not restored: the open workspace could not be kept in History (${storageWords(kept.problem)}). Download it or delete entries from History, then try again.`,
      action: { label: "Download it", run: () => downloadRescue(kept.snapshot.files) },
    });
    return false;
  }
  // the entry becomes the open workspace, which is saved as such; History holds the others
  keeper.remove(entry.id);
  s.loadSnapshot(entry.snapshot, { kind: entry.kind, title: entry.title });
  const back = `“${entry.title}” is back.`;
  if (kept.kind === "kept") {
    store.getState().showNotice({
      kind: "info",
      text: `${back} The workspace you had open was kept in History.`,
      action: { label: "Undo", run: () => restoreFromHistory(store, keeper, kept.id) },
    });
  } else {
    store.getState().showNotice({ kind: "info", text: back });
  }
  return true;
}

/** Opens the History dialog. */
export function openHistory(store: PlaygroundStore, keeper: Keeper): void {
  historyDialog({
    entries: () => keeper.history(),
    restore: (id) => void restoreFromHistory(store, keeper, id),
    remove: (id) => {
      if (!keeper.remove(id))
        store.getState().showNotice({ kind: "error", text: `An entry could not be deleted from History: ${storageWords("unavailable")}.` });
    },
  });
}
