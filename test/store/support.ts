// Map-backed stand-ins for localStorage, for the persistence tests: one without limits, one
// that holds at most `limit` characters of keys and values in all and refuses more as browsers
// do, and one that refuses every write.

import type { KeyValueStorage } from "../../src/store";

export type TestStorage = KeyValueStorage & { map: Map<string, string>; writes: number };

export function memoryStorage(): TestStorage {
  const map = new Map<string, string>();
  const s: TestStorage = {
    map,
    writes: 0,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      s.writes++;
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
  return s;
}

/** Characters used by keys and values, as Chromium counts them against its quota. */
export function usedChars(storage: TestStorage, except?: string): number {
  return [...storage.map].reduce((n, [k, v]) => n + (k === except ? 0 : k.length + v.length), 0);
}

/** A storage holding at most `limit` characters in all (Chromium: 5 Mi), refusing more. */
export function quotaStorage(limit: number): TestStorage {
  const s = memoryStorage();
  s.setItem = (k, v) => {
    s.writes++;
    if (usedChars(s, k) + k.length + v.length > limit) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    s.map.set(k, v);
  };
  return s;
}

/** A storage that refuses every write (private mode, disabled storage). */
export function refusingStorage(name = "QuotaExceededError"): TestStorage {
  const s = memoryStorage();
  s.setItem = () => {
    s.writes++;
    throw new DOMException("refused", name);
  };
  return s;
}
