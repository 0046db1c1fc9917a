// Local persistence: the workspace survives a reload, and every workspace that something
// replaced (a shared link, an example, reset, an opened archive, a restore) goes onto a
// bounded history, so opening things never loses work. When storage refuses, the caller
// learns it: nothing here fails silently.

import { snapshotFromJson, snapshotToJson, type Snapshot, type WorkspaceFile } from "./snapshot";

const CURRENT = "ksymns:workspace:v1";
/** What the saved workspace is ("Shared link", an example's title), for its History entry. */
const CURRENT_TITLE = "ksymns:workspace-title:v1";
const HISTORY = "ksymns:history:v1";
/** The single set-aside slot of earlier versions, moved into the history when first read. */
const OLD_SET_ASIDE = "ksymns:set-aside:v1";

/** How many replaced workspaces the history keeps (the oldest go first). */
export const HISTORY_LIMIT = 20;

/** The subset of Web Storage used here (so tests pass a Map-backed fake). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** One replaced workspace, newest first in the history. */
export interface HistoryEntry {
  id: string;
  /** What it was: an example's title, "Shared link", or its first file's name. */
  title: string;
  /** When it was replaced (ms since the epoch). */
  at: number;
  /** Bytes of its files. */
  size: number;
  snapshot: Snapshot;
}

/** Why storage refused: full (after dropping what could be dropped), or not usable at all. */
export type StorageProblem = "full" | "unavailable";

export type PushOutcome = { ok: true; id: string; dropped: number } | { ok: false; problem: StorageProblem };

// ---- the current workspace

function readSnapshot(storage: KeyValueStorage, key: string): Snapshot | null {
  try {
    const text = storage.getItem(key);
    return text ? snapshotFromJson(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

/** The saved workspace, or null when there is none (or it cannot be read). */
export function loadSaved(storage: KeyValueStorage): Snapshot | null {
  return readSnapshot(storage, CURRENT);
}

/** The saved workspace's title, when one was saved with it. */
export function loadSavedTitle(storage: KeyValueStorage): string | null {
  try {
    return storage.getItem(CURRENT_TITLE);
  } catch {
    return null;
  }
}

/** Saves the workspace (and its title, when given); when storage is full, the oldest history
 *  entries make room (counted in `dropped`). */
export function saveWorkspace(storage: KeyValueStorage, s: Snapshot, title?: string): { saved: boolean; dropped: number } {
  const text = JSON.stringify(snapshotToJson(s));
  let dropped = 0;
  for (;;) {
    const problem = trySet(storage, CURRENT, text);
    if (!problem) {
      // the title is a nicety: a refusal to store it costs nothing but the name
      if (title !== undefined) trySet(storage, CURRENT_TITLE, title);
      return { saved: true, dropped };
    }
    // the work in front of the user matters more than the oldest work it replaced
    if (problem !== "full" || !dropOldest(storage)) return { saved: false, dropped };
    dropped++;
  }
}

/** Saves the workspace; false when the browser refused. */
export function saveCurrent(storage: KeyValueStorage, s: Snapshot): boolean {
  return saveWorkspace(storage, s).saved;
}

/** Forgets the saved workspace (the history stays). */
export function clearSaved(storage: KeyValueStorage): void {
  storage.removeItem(CURRENT);
  storage.removeItem(CURRENT_TITLE);
}

// ---- the history of replaced workspaces

interface EntryJson {
  id: string;
  title: string;
  at: number;
  size: number;
  s: unknown;
}

function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; code?: number } | null;
  return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22 || e.code === 1014);
}

function trySet(storage: KeyValueStorage, key: string, text: string): StorageProblem | null {
  try {
    storage.setItem(key, text);
    return null;
  } catch (err) {
    return isQuotaError(err) ? "full" : "unavailable";
  }
}

function readEntries(storage: KeyValueStorage): EntryJson[] {
  try {
    const data: unknown = JSON.parse(storage.getItem(HISTORY) ?? "[]");
    return Array.isArray(data) ? data.filter((e: Partial<EntryJson>) => e && typeof e.id === "string" && typeof e.title === "string" && typeof e.at === "number") : [];
  } catch {
    return [];
  }
}

function writeEntries(storage: KeyValueStorage, entries: EntryJson[]): StorageProblem | null {
  if (entries.length === 0) {
    storage.removeItem(HISTORY);
    return null;
  }
  return trySet(storage, HISTORY, JSON.stringify(entries));
}

function dropOldest(storage: KeyValueStorage): boolean {
  const entries = readEntries(storage);
  return entries.length > 0 && writeEntries(storage, entries.slice(0, -1)) === null;
}

/** Bytes the files take (UTF-8 for text). */
export function workspaceSize(files: readonly WorkspaceFile[]): number {
  const utf8 = new TextEncoder();
  return files.reduce((n, f) => n + (typeof f.content === "string" ? utf8.encode(f.content).length : f.content.length), 0);
}

/** A key equal for equal sets of files, whatever their order. */
function fileSetKey(files: readonly (readonly [string, unknown])[]): string {
  return JSON.stringify([...files].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

function newId(at: number): string {
  return `${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Moves the single set-aside slot of earlier versions into the history (once; kept if storage refuses). */
function migrateSetAside(storage: KeyValueStorage): void {
  let old: Snapshot | null;
  try {
    if (storage.getItem(OLD_SET_ASIDE) === null) return;
    old = readSnapshot(storage, OLD_SET_ASIDE);
  } catch {
    return;
  }
  if (!old) return storage.removeItem(OLD_SET_ASIDE);
  if (pushEntry(storage, old, "Work set aside", Date.now()).ok) storage.removeItem(OLD_SET_ASIDE);
}

function pushEntry(storage: KeyValueStorage, s: Snapshot, title: string, at: number): PushOutcome {
  const json = snapshotToJson(s);
  const key = fileSetKey(json.f);
  const entries = readEntries(storage);
  const isSame = (e: EntryJson) => fileSetKey((e.s as { f?: [string, unknown][] } | null)?.f ?? []) === key;
  // the same files already in the history move to the top instead of appearing twice, keeping
  // the name they were first kept under (a later caller may know less about them)
  const entry: EntryJson = { id: newId(at), title: entries.find(isSame)?.title ?? title, at, size: workspaceSize(s.files), s: json };
  let older = entries.filter((e) => !isSame(e)).slice(0, HISTORY_LIMIT - 1);
  let dropped = 0;
  for (;;) {
    const problem = writeEntries(storage, [entry, ...older]);
    if (!problem) return { ok: true, id: entry.id, dropped };
    if (problem !== "full" || older.length === 0) return { ok: false, problem };
    older = older.slice(0, -1);
    dropped++;
  }
}

/** Puts a replaced workspace on top of the history: identical file sets are kept once, at most
 *  HISTORY_LIMIT entries are kept, and when storage is full the oldest make room. */
export function pushHistory(storage: KeyValueStorage, s: Snapshot, title: string, at = Date.now()): PushOutcome {
  migrateSetAside(storage);
  return pushEntry(storage, s, title, at);
}

/** The history, newest first (entries that cannot be read are left out). */
export function loadHistory(storage: KeyValueStorage): HistoryEntry[] {
  migrateSetAside(storage);
  const out: HistoryEntry[] = [];
  for (const e of readEntries(storage)) {
    try {
      out.push({ id: e.id, title: e.title, at: e.at, size: typeof e.size === "number" ? e.size : 0, snapshot: snapshotFromJson(e.s) });
    } catch {
      // a damaged entry is skipped, the others stay usable
    }
  }
  return out;
}

/** Removes one entry; false when storage refused. */
export function removeHistory(storage: KeyValueStorage, id: string): boolean {
  return writeEntries(storage, readEntries(storage).filter((e) => e.id !== id)) === null;
}

/** A title for work with no better name: its first module, else its first file. */
export function fallbackTitle(files: readonly WorkspaceFile[]): string {
  return (files.find((f) => f.name.endsWith(".c")) ?? files[0])?.name ?? "Empty workspace";
}

let unreported: { snapshot: Snapshot; problem: StorageProblem } | null = null;

/** Keeps the saved workspace `s` in the history (the work a shared link replaced), under the
 *  title saved with it; false when storage refused. Its caller decides the opening workspace
 *  before the page can show anything, so a refusal waits in takeUnreportedSetAside() for the
 *  page to report it. */
export function setAside(storage: KeyValueStorage, s: Snapshot): boolean {
  const pushed = pushHistory(storage, s, loadSavedTitle(storage) ?? fallbackTitle(s.files));
  if (!pushed.ok) unreported = { snapshot: s, problem: pushed.problem };
  return pushed.ok;
}

/** The work setAside() could not keep, and why; once. */
export function takeUnreportedSetAside(): { snapshot: Snapshot; problem: StorageProblem } | null {
  const u = unreported;
  unreported = null;
  return u;
}
