// Copies of the standard Map and Set, for the C reader's checkpoint (source/c/checkpoint.ts):
// a copy keeps the original's insertion order, which is the order the reader iterates in.

/** A new map with the same entries in the same order. */
export function copyMap<K, V>(m: Map<K, V>): Map<K, V> {
  const c = new Map<K, V>();
  const keys = m.keys();
  const values = m.values();
  for (let i = 0; i < keys.length; i++) c.set(unchecked(keys[i]), unchecked(values[i]));
  return c;
}

/** A new set with the same members in the same order. */
export function copySet<T>(s: Set<T>): Set<T> {
  const c = new Set<T>();
  const v = s.values();
  for (let i = 0; i < v.length; i++) c.add(unchecked(v[i]));
  return c;
}
