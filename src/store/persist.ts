// Local persistence: the workspace survives a reload. One slot for the current work and one
// for work set aside when a shared link replaced it, so opening a link never loses anything.

import { snapshotFromJson, snapshotToJson, type Snapshot } from "./snapshot";

const CURRENT = "ksymns:workspace:v1";
const SET_ASIDE = "ksymns:set-aside:v1";

/** The subset of Web Storage used here (so tests pass a Map-backed fake). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function read(storage: KeyValueStorage, key: string): Snapshot | null {
  try {
    const text = storage.getItem(key);
    return text ? snapshotFromJson(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

function write(storage: KeyValueStorage, key: string, s: Snapshot): boolean {
  try {
    storage.setItem(key, JSON.stringify(snapshotToJson(s)));
    return true;
  } catch {
    // quota exceeded or storage disabled: the page keeps working, only unsaved
    return false;
  }
}

/** The saved workspace, or null when there is none (or it cannot be read). */
export function loadSaved(storage: KeyValueStorage): Snapshot | null {
  return read(storage, CURRENT);
}

/** Saves the workspace; false when the browser refused. */
export function saveCurrent(storage: KeyValueStorage, s: Snapshot): boolean {
  return write(storage, CURRENT, s);
}

/** Keeps `s` aside (the work a shared link replaced). */
export function setAside(storage: KeyValueStorage, s: Snapshot): boolean {
  return write(storage, SET_ASIDE, s);
}

/** The work set aside, removed from its slot. */
export function takeSetAside(storage: KeyValueStorage): Snapshot | null {
  const s = read(storage, SET_ASIDE);
  storage.removeItem(SET_ASIDE);
  return s;
}

/** Forgets the saved workspace (reset). */
export function clearSaved(storage: KeyValueStorage): void {
  storage.removeItem(CURRENT);
  storage.removeItem(SET_ASIDE);
}
