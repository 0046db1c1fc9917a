// History: the workspaces that something replaced, newest first, in one localStorage value.
// Entries are ranked: the user's own work is pinned above a stranger's link opened unedited, so
// links (however many arrive) only ever push out other links, and nothing is deleted to make
// room unless deleting it does make room.

import { snapshotFromJson, snapshotToJson, type Snapshot, type WorkspaceFile } from "./snapshot";

const HISTORY = "ksymns:history:v1";
/** The single set-aside slot of earlier versions, moved into the history when first read. */
const OLD_SET_ASIDE = "ksymns:set-aside:v1";

/** How many replaced workspaces the history keeps; past it, the oldest link-opened entry goes
 *  first, and the user's own work only when the history holds nothing else. */
export const HISTORY_LIMIT = 20;

/** The most characters a browser keeps for one site in localStorage (Chromium, Firefox and
 *  Safari: 5 Mi UTF-16 units, keys included): a workspace larger than this is never saved. */
export const STORAGE_CHARS = 5 * 1024 * 1024;

/** The subset of Web Storage used here (so tests pass a Map-backed fake). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** What a workspace is worth keeping as: the user's own work (edited, typed, opened from disk),
 *  a link opened and not edited since, or an example exactly as shipped (never kept). */
export type WorkKind = "own" | "link" | "pristine";

/** One replaced workspace, newest first in the history. */
export interface HistoryEntry {
  id: string;
  /** What it was: an example's title, "Shared link", or its first file's name. */
  title: string;
  /** When it was replaced (ms since the epoch). */
  at: number;
  /** Bytes of its files. */
  size: number;
  /** Own work is pinned: only link-opened entries make room for others. */
  kind: "own" | "link";
  snapshot: Snapshot;
}

/** Why storage refused: full (after dropping what could be dropped), larger than any browser
 *  stores, or not usable at all. */
export type StorageProblem = "full" | "too-large" | "unavailable";

export type PushOutcome = { ok: true; id: string; dropped: number } | { ok: false; problem: StorageProblem };

/** How to keep a workspace: its rank, when, and (for work rescued from another tab) that tab,
 *  whose earlier rescued entry it replaces. */
export interface PushOptions {
  kind?: "own" | "link";
  at?: number;
  fromTab?: string;
}

interface EntryJson {
  id: string;
  title: string;
  at: number;
  size: number;
  kind?: "own" | "link";
  tab?: string;
  s: unknown;
}

function isQuotaError(err: unknown): boolean {
  const e = err as { name?: string; code?: number } | null;
  return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22 || e.code === 1014);
}

/** Writes one value; the problem when storage refuses. */
export function trySet(storage: KeyValueStorage, key: string, text: string): StorageProblem | null {
  try {
    storage.setItem(key, text);
    return null;
  } catch (err) {
    return isQuotaError(err) ? "full" : "unavailable";
  }
}

function readHistoryText(storage: KeyValueStorage): string | null {
  try {
    return storage.getItem(HISTORY);
  } catch {
    return null;
  }
}

function parseEntries(text: string | null): EntryJson[] {
  try {
    const data: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(data)
      ? data.filter((e: Partial<EntryJson>) => e && typeof e.id === "string" && typeof e.title === "string" && typeof e.at === "number")
      : [];
  } catch {
    return [];
  }
}

const readEntries = (storage: KeyValueStorage) => parseEntries(readHistoryText(storage));

/** Entries from before ranks existed are the user's own work: never demoted. */
const kindOf = (e: EntryJson): "own" | "link" => (e.kind === "link" ? "link" : "own");

function writeEntries(storage: KeyValueStorage, entries: EntryJson[]): StorageProblem | null {
  if (entries.length === 0) {
    try {
      storage.removeItem(HISTORY);
      return null;
    } catch {
      return "unavailable";
    }
  }
  return trySet(storage, HISTORY, JSON.stringify(entries));
}

/** Puts the history back exactly as it was read (after a deletion that did not make room). */
function restoreHistoryText(storage: KeyValueStorage, text: string | null): void {
  if (text === null) storage.removeItem(HISTORY);
  else trySet(storage, HISTORY, text);
}

/** Bytes the files take (UTF-8 for text). */
export function workspaceSize(files: readonly WorkspaceFile[]): number {
  const utf8 = new TextEncoder();
  return files.reduce((n, f) => n + (typeof f.content === "string" ? utf8.encode(f.content).length : f.content.length), 0);
}

/** A cheap lower bound of the characters a workspace takes once serialized (base64 for bytes). */
export function serializedLowerBound(files: readonly WorkspaceFile[]): number {
  return files.reduce((n, f) => n + f.name.length + (typeof f.content === "string" ? f.content.length : Math.ceil(f.content.length / 3) * 4), 0);
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
    const text = storage.getItem(OLD_SET_ASIDE);
    if (text === null) return;
    old = snapshotFromJson(JSON.parse(text));
  } catch {
    old = null;
  }
  if (!old) return void storage.removeItem(OLD_SET_ASIDE);
  if (pushEntry(storage, old, "Work set aside", { kind: "own", at: Date.now() }).ok) storage.removeItem(OLD_SET_ASIDE);
}

/** Which entries to give up when the history holds more than HISTORY_LIMIT: the oldest links
 *  first, then the oldest own work; never the newest entry. */
function overLimit(entries: EntryJson[]): EntryJson[] {
  const excess = entries.length - HISTORY_LIMIT;
  if (excess <= 0) return [];
  const older = entries.slice(1).reverse();
  const links = older.filter((e) => kindOf(e) === "link");
  const own = older.filter((e) => kindOf(e) === "own");
  return [...links, ...own].slice(0, excess);
}

/** The entries that may make room for work of rank `kind`, in the order they go: link-opened
 *  entries only, oldest first, never `keep`; an example as shipped makes no room at all. */
function evictable(entries: readonly EntryJson[], kind: WorkKind, keep?: string): string[] {
  if (kind === "pristine") return [];
  return entries
    .filter((e) => kindOf(e) === "link" && e.id !== keep)
    .map((e) => e.id)
    .reverse();
}

function pushEntry(storage: KeyValueStorage, s: Snapshot, title: string, options: PushOptions): PushOutcome {
  if (serializedLowerBound(s.files) > STORAGE_CHARS) return { ok: false, problem: "too-large" };
  const json = snapshotToJson(s);
  if (JSON.stringify(json).length > STORAGE_CHARS) return { ok: false, problem: "too-large" };
  const kind = options.kind ?? "own";
  const at = options.at ?? Date.now();
  const key = fileSetKey(json.f);
  const entries = readEntries(storage);
  const isSame = (e: EntryJson) => fileSetKey((e.s as { f?: [string, unknown][] } | null)?.f ?? []) === key;
  const same = entries.find(isSame);
  // the same files already in the history move to the top instead of appearing twice, keeping
  // the name they were first kept under (a later caller may know less) and the higher rank;
  // work rescued from another tab replaces that tab's earlier rescue (own work only by own work)
  const replaced = (e: EntryJson) => isSame(e) || (options.fromTab !== undefined && e.tab === options.fromTab && (kind === "own" || kindOf(e) === "link"));
  const entry: EntryJson = {
    id: newId(at),
    title: same && !options.fromTab ? same.title : title,
    at,
    size: workspaceSize(s.files),
    kind: same && kindOf(same) === "own" ? "own" : kind,
    ...(options.fromTab ? { tab: options.fromTab } : {}),
    s: json,
  };
  const next = [entry, ...entries.filter((e) => !replaced(e))];
  const beyond = new Set(overLimit(next));
  let kept = next.filter((e) => !beyond.has(e));
  // when storage is full, link-opened entries make room, oldest first; nothing is written
  // until the whole list fits, so a refusal leaves the history as it was
  const victims = evictable(kept, kind, entry.id);
  let dropped = 0;
  for (;;) {
    const problem = writeEntries(storage, kept);
    if (!problem) return { ok: true, id: entry.id, dropped };
    if (problem !== "full" || dropped >= victims.length) return { ok: false, problem };
    const victim = victims[dropped++];
    kept = kept.filter((e) => e.id !== victim);
  }
}

/** Puts a replaced workspace on top of the history: identical file sets are kept once, at most
 *  HISTORY_LIMIT entries are kept (links go first), and when storage is full older link-opened
 *  entries make room; the user's own work is never deleted to make room. */
export function pushHistory(storage: KeyValueStorage, s: Snapshot, title: string, options: PushOptions = {}): PushOutcome {
  migrateSetAside(storage);
  return pushEntry(storage, s, title, options);
}

/** The history, newest first (entries that cannot be read are left out). */
export function loadHistory(storage: KeyValueStorage): HistoryEntry[] {
  migrateSetAside(storage);
  const out: HistoryEntry[] = [];
  for (const e of readEntries(storage)) {
    try {
      out.push({ id: e.id, title: e.title, at: e.at, size: typeof e.size === "number" ? e.size : 0, kind: kindOf(e), snapshot: snapshotFromJson(e.s) });
    } catch {
      // a damaged entry is skipped, the others stay usable
    }
  }
  return out;
}

/** Removes entries by id; false when storage refused. */
export function removeHistory(storage: KeyValueStorage, ...ids: string[]): boolean {
  return (
    writeEntries(
      storage,
      readEntries(storage).filter((e) => !ids.includes(e.id)),
    ) === null
  );
}

/** Runs `write` again (storage refused it as full) after deleting the link-opened entries that
 *  may make room for work of rank `kind`, never the newest. When it still fails the history goes
 *  back exactly as it was; when it succeeds the deleted entries go back, newest first, while
 *  they fit. Returns the problem left (null when written) and how many entries stayed deleted. */
export function writeMakingRoom(
  storage: KeyValueStorage,
  kind: WorkKind,
  write: () => StorageProblem | null,
): { problem: StorageProblem | null; dropped: number } {
  const before = readHistoryText(storage);
  const entries = parseEntries(before);
  const victims = new Set(evictable(entries, kind, entries[0]?.id));
  if (victims.size === 0) return { problem: "full", dropped: 0 };
  if (
    writeEntries(
      storage,
      entries.filter((e) => !victims.has(e.id)),
    )
  )
    return { problem: "full", dropped: 0 };
  const problem = write();
  if (problem) {
    restoreHistoryText(storage, before);
    return { problem, dropped: 0 };
  }
  // the deleted entries, newest first, go back where they were while they fit
  let back = new Set<string>();
  for (const e of entries) {
    if (!victims.has(e.id)) continue;
    const tried = new Set([...back, e.id]);
    if (
      writeEntries(
        storage,
        entries.filter((x) => !victims.has(x.id) || tried.has(x.id)),
      )
    )
      break;
    back = tried;
  }
  return { problem: null, dropped: victims.size - back.size };
}

/** A title for work with no better name: its first module, else its first file. */
export function fallbackTitle(files: readonly WorkspaceFile[]): string {
  return (files.find((f) => f.name.endsWith(".c")) ?? files[0])?.name ?? "Empty workspace";
}
