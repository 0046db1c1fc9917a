// Keeping replaced work: whatever replaces the workspace (an example, reset, an opened archive,
// a shared link, a restore) first puts the open work on the history (src/store/persist.ts),
// and the notice says where it went — or, when storage refuses, says so and offers the work
// as a download, so it is never dropped silently.

import {
  decodeLink,
  defaultSnapshot,
  fallbackTitle,
  isLinkHash,
  loadHistory,
  loadSaved,
  loadSavedTitle,
  pushHistory,
  removeHistory,
  sameFiles,
  selectSnapshot,
  type KeyValueStorage,
  type Notice,
  type PlaygroundStore,
  type Snapshot,
  type StorageProblem,
  type WorkspaceFile,
} from "../store";
import { h } from "../views";
import { zipWorkspace } from "./archive";
import { historyDialog } from "./history-dialog";

/** What the open workspace came from when its files cannot say (a shared link, a restored entry). */
let origin: string | null = null;
/** File lists opened unchanged from a place that keeps them (the examples): not worth an entry. */
const pristine = new WeakSet<readonly WorkspaceFile[]>();

/** What keeping the open work came to. */
export type Kept = { kind: "kept"; id: string } | { kind: "nothing" } | { kind: "refused"; problem: StorageProblem; snapshot: Snapshot };

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

/** Says the open files are an example exactly as shipped (the gallery keeps it, so History need not). */
export function markPristine(store: PlaygroundStore): void {
  pristine.add(store.getState().files);
}

/** Names the workspace just opened (for its History entry when it is replaced in turn). */
export function noteOrigin(title: string | null): void {
  origin = title;
}

/** What to call the open workspace in History. */
export function currentTitle(store: PlaygroundStore): string {
  const s = store.getState();
  if (s.preset) return `Example: ${s.preset.meta.title}`;
  return origin ?? fallbackTitle(s.files);
}

function worthKeeping(files: readonly WorkspaceFile[]): boolean {
  return files.length > 0 && !pristine.has(files) && !sameFiles(files, defaultSnapshot().files);
}

/** Puts the open workspace on the history, unless it is empty, the example, or an untouched preset. */
export function keepCurrent(store: PlaygroundStore, storage: KeyValueStorage): Kept {
  const snapshot = selectSnapshot(store.getState());
  if (!worthKeeping(snapshot.files)) return { kind: "nothing" };
  const pushed = pushHistory(storage, snapshot, currentTitle(store));
  return pushed.ok ? { kind: "kept", id: pushed.id } : { kind: "refused", problem: pushed.problem, snapshot };
}

function downloadRescue(files: readonly WorkspaceFile[]): void {
  const url = URL.createObjectURL(new Blob([zipWorkspace([...files]) as BlobPart], { type: "application/zip" }));
  const a = h("a", { href: url, download: "ksymns-kept-workspace.zip" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function storageWords(problem: StorageProblem): string {
  return problem === "full" ? "this browser's storage is full" : "this browser's storage is unavailable";
}

/** The error notice for work History could not take: never silent, and the work stays downloadable. */
export function refusedNotice(done: string, kept: Extract<Kept, { kind: "refused" }>): Notice {
  return {
    kind: "error",
    text: `${done} Your previous work could not be kept in History: ${storageWords(kept.problem)}. Download it to keep it.`,
    action: { label: "Download it", run: () => downloadRescue(kept.snapshot.files) },
  };
}

/** Shows where the replaced work went after `done` (the sentence saying what replaced it). */
export function announceKept(store: PlaygroundStore, storage: KeyValueStorage, kept: Kept, done: string, action?: Notice["action"]): void {
  const s = store.getState();
  if (kept.kind === "refused") return s.showNotice(refusedNotice(done, kept));
  if (kept.kind === "nothing") return action ? s.showNotice({ kind: "info", text: done, action }) : undefined;
  s.showNotice({
    kind: "info",
    text: `${done} Your work was kept in History.`,
    action: action ?? { label: "Restore", run: () => restoreFromHistory(store, storage, kept.id) },
    more: { label: "Open History", run: () => openHistory(store, storage) },
  });
}

/** Brings back a History entry, keeping the open work first; nothing is replaced when that fails. */
export function restoreFromHistory(store: PlaygroundStore, storage: KeyValueStorage, id: string): boolean {
  const s = store.getState();
  const entry = loadHistory(storage).find((e) => e.id === id);
  if (!entry) {
    s.showNotice({ kind: "error", text: "That workspace is no longer in History." });
    return false;
  }
  const kept = keepCurrent(store, storage);
  if (kept.kind === "refused") {
    s.showNotice({
      kind: "error",
      text: `“${entry.title}” was not restored: the open workspace could not be kept in History (${storageWords(kept.problem)}). Download it or delete entries from History, then try again.`,
      action: { label: "Download it", run: () => downloadRescue(kept.snapshot.files) },
    });
    return false;
  }
  // the entry becomes the open workspace, which is saved as such; History holds the others
  removeHistory(storage, entry.id);
  s.loadSnapshot(entry.snapshot);
  noteOrigin(entry.title);
  const back = `“${entry.title}” is back.`;
  if (kept.kind === "kept") {
    store.getState().showNotice({ kind: "info", text: `${back} The workspace you had open was kept in History.`, action: { label: "Undo", run: () => restoreFromHistory(store, storage, kept.id) } });
  } else {
    store.getState().showNotice({ kind: "info", text: back });
  }
  return true;
}

/** Opens the History dialog. */
export function openHistory(store: PlaygroundStore, storage: KeyValueStorage): void {
  historyDialog({
    entries: () => loadHistory(storage),
    restore: (id) => void restoreFromHistory(store, storage, id),
    remove: (id) => {
      if (!removeHistory(storage, id)) store.getState().showNotice({ kind: "error", text: `An entry could not be deleted from History: ${storageWords("unavailable")}.` });
    },
  });
}

/** Connects History to the page: the old set-aside slot moved in, and the names of the
 *  workspaces the page opens itself (shared links). Call before the first save. */
export function connectHistory(store: PlaygroundStore, storage: KeyValueStorage): () => void {
  loadHistory(storage); // moves an earlier version's set-aside work into History
  // the saved slot still holds the last session's work: a different workspace came from a link
  const saved = loadSaved(storage);
  noteOrigin(sameFiles(saved?.files ?? defaultSnapshot().files, store.getState().files) ? loadSavedTitle(storage) : "Shared link");
  // a link pasted into the open page: the page opens it (its listener runs first) and keeps
  // the replaced work; this one names the new workspace
  const onHash = (e: HashChangeEvent) => {
    const hash = new URL(e.newURL).hash;
    if (!isLinkHash(hash)) return;
    try {
      decodeLink(hash);
      noteOrigin("Shared link");
    } catch {
      // a broken link opened nothing
    }
  };
  addEventListener("hashchange", onHash);
  return () => removeEventListener("hashchange", onHash);
}
