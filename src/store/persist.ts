// The saved workspace: one localStorage slot that a reload reopens, written by a per-tab Keeper
// that never overwrites work it cannot account for. Whatever the slot holds that this tab did
// not write or keep (another tab's edits, work History refused) goes to History before the slot
// is written; when History refuses it too, the slot is left alone and the caller is told.

import { snapshotFromJson, snapshotToJson, sameFiles, type Snapshot, type WorkspaceFile } from "./snapshot";
import {
  STORAGE_CHARS,
  fallbackTitle,
  loadHistory,
  pushHistory,
  removeHistory,
  serializedLowerBound,
  trySet,
  writeMakingRoom,
  type HistoryEntry,
  type KeyValueStorage,
  type PushOutcome,
  type StorageProblem,
  type WorkKind,
} from "./history";

/** The slot: the snapshot's JSON plus `kind`, `title` and `tab` (which earlier versions ignore). */
export const SAVED_KEY = "ksymns:workspace:v1";
/** Where earlier versions kept the saved workspace's title (read when the slot has none). */
const OLD_TITLE = "ksymns:workspace-title:v1";

/** A workspace with what History needs to know about it. */
export interface Work {
  snapshot: Snapshot;
  kind: WorkKind;
  /** What to call it in History. */
  title: string;
}

/** The slot's workspace as saved, with the tab that wrote it (absent before tabs were told apart). */
export interface SavedWork extends Work {
  tab?: string;
}

export type SaveOutcome =
  | { ok: true; dropped: number; rescued: Work | null }
  | {
      ok: false;
      problem: StorageProblem;
      /** The slot held other work that could not be kept in History, so it was left as it was. */
      blocked: boolean;
      rescued: Work | null;
    };

function parseSaved(text: string | null): SavedWork | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as { kind?: unknown; title?: unknown; tab?: unknown };
    const snapshot = snapshotFromJson(data);
    const kind: WorkKind = data.kind === "link" || data.kind === "pristine" ? data.kind : "own";
    return { snapshot, kind, title: typeof data.title === "string" ? data.title : "", ...(typeof data.tab === "string" ? { tab: data.tab } : {}) };
  } catch {
    return null;
  }
}

function readText(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** The saved workspace with its kind, title and writer, or null when there is none (or it cannot be read). */
export function loadSavedWork(storage: KeyValueStorage): SavedWork | null {
  const saved = parseSaved(readText(storage, SAVED_KEY));
  if (saved && !saved.title) saved.title = readText(storage, OLD_TITLE) ?? fallbackTitle(saved.snapshot.files);
  return saved;
}

/** The saved workspace, or null when there is none (or it cannot be read). */
export function loadSaved(storage: KeyValueStorage): Snapshot | null {
  return loadSavedWork(storage)?.snapshot ?? null;
}

/** Forgets the saved workspace (History stays). */
export function clearSaved(storage: KeyValueStorage): void {
  storage.removeItem(SAVED_KEY);
  storage.removeItem(OLD_TITLE);
}

function serialize(work: Work, tab: string): string {
  return JSON.stringify({ ...snapshotToJson(work.snapshot), kind: work.kind, title: work.title, tab });
}

/** A token no slot text equals: the slot holds work this tab must not overwrite unkept. */
const UNACCOUNTED = Symbol("unaccounted");

/** One tab's access to the saved workspace and History. */
export interface Keeper {
  readonly storage: KeyValueStorage;
  /** This tab's id, written with the slot so that other tabs can tell its work apart. */
  readonly tab: string;
  /** The saved workspace (null when none). */
  saved(): SavedWork | null;
  /** Says the slot's current contents are this tab's to replace: it opened them, or they are kept in History. */
  adopt(): void;
  /** Keeps `work` (about to be replaced) in History. When storage refuses and it is the user's
   *  own, it is written to the slot instead (if this tab may) and the slot is protected until
   *  History can take it. */
  keep(work: Work): PushOutcome;
  /** Writes the open workspace to the slot, after keeping in History whatever the slot held
   *  that this tab cannot account for. Own work may delete link-opened History entries to make
   *  room (kept again where they still fit); a link or an example deletes nothing. */
  save(work: Work): SaveOutcome;
  /** Whether another tab wrote the slot since this tab last wrote or adopted it. */
  slotChangedElsewhere(): boolean;
  history(): HistoryEntry[];
  remove(...ids: string[]): boolean;
}

/** A short random id for a tab. */
function newTabId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** The Keeper of one tab over `storage`. */
export function createKeeper(storage: KeyValueStorage, tab = newTabId()): Keeper {
  /** The slot text this tab wrote or adopted last: the one it may overwrite without keeping it. */
  let known: string | null | typeof UNACCOUNTED = null;
  /** Its files: another tab that rewrote the slot with these (only its view changed) left nothing to keep. */
  let knownFiles: readonly WorkspaceFile[] | null = null;
  const accept = (text: string | null, files?: readonly WorkspaceFile[]) => {
    known = text;
    knownFiles = files ?? parseSaved(text)?.snapshot.files ?? null;
  };
  accept(readText(storage, SAVED_KEY));

  /** Keeps the slot's unaccounted work in History, unless `next` holds the same files or it is
   *  an example as shipped; the problem when History refuses. */
  function rescue(next: Work): { ok: true; rescued: Work | null } | { ok: false; problem: StorageProblem } {
    const there = loadSavedWork(storage);
    if (!there || there.kind === "pristine" || sameFiles(there.snapshot.files, next.snapshot.files)) return { ok: true, rescued: null };
    if (known !== UNACCOUNTED && knownFiles && sameFiles(there.snapshot.files, knownFiles)) return { ok: true, rescued: null };
    const fromTab = there.tab && there.tab !== tab ? there.tab : undefined;
    const title = fromTab ? `${there.title} (from another tab)` : there.title;
    const pushed = pushHistory(storage, there.snapshot, title, { kind: there.kind, fromTab });
    return pushed.ok ? { ok: true, rescued: { snapshot: there.snapshot, kind: there.kind, title } } : { ok: false, problem: pushed.problem };
  }

  /** Writes `text` to the slot; only own work may make room (by deleting link-opened entries). */
  function write(text: string, kind: WorkKind): { problem: StorageProblem | null; dropped: number } {
    const set = () => trySet(storage, SAVED_KEY, text);
    const problem = set();
    if (problem !== "full" || kind !== "own") return { problem, dropped: 0 };
    return writeMakingRoom(storage, kind, set);
  }

  return {
    storage,
    tab,
    saved: () => loadSavedWork(storage),
    adopt() {
      accept(readText(storage, SAVED_KEY));
    },
    keep(work) {
      const pushed = pushHistory(storage, work.snapshot, work.title, { kind: work.kind === "link" ? "link" : "own" });
      if (!pushed.ok && work.kind === "own") {
        // the slot keeps it instead: written now if this tab may, and not overwritten until History takes it
        if (readText(storage, SAVED_KEY) === known) trySet(storage, SAVED_KEY, serialize(work, tab));
        known = UNACCOUNTED;
        knownFiles = null;
      }
      return pushed;
    },
    save(work) {
      if (serializedLowerBound(work.snapshot.files) > STORAGE_CHARS) return { ok: false, problem: "too-large", blocked: false, rescued: null };
      const text = serialize(work, tab);
      if (text.length + SAVED_KEY.length > STORAGE_CHARS) return { ok: false, problem: "too-large", blocked: false, rescued: null };
      const current = readText(storage, SAVED_KEY);
      if (current === text) {
        accept(text, work.snapshot.files);
        return { ok: true, dropped: 0, rescued: null };
      }
      let rescued: Work | null = null;
      if (current !== null && current !== known) {
        const r = rescue(work);
        if (!r.ok) return { ok: false, problem: r.problem, blocked: true, rescued: null };
        rescued = r.rescued;
        accept(current);
      }
      const written = write(text, work.kind);
      if (written.problem) return { ok: false, problem: written.problem, blocked: false, rescued };
      accept(text, work.snapshot.files);
      try {
        storage.removeItem(OLD_TITLE);
      } catch {
        // the old title key only names work; leaving it costs nothing
      }
      return { ok: true, dropped: written.dropped, rescued };
    },
    slotChangedElsewhere() {
      const current = readText(storage, SAVED_KEY);
      return current !== null && current !== known;
    },
    history: () => loadHistory(storage),
    remove: (...ids) => removeHistory(storage, ...ids),
  };
}
