// A module's .modinfo: NUL-separated `key=value` strings (include/linux/moduleparam.h
// MODULE_INFO), looked up as kernel/module/main.c get_modinfo/get_next_modinfo do: in
// section order, the first match for one value, every match for import_ns and friends.

import { ElfFile, ElfSection } from "./elf";

export class ModInfo {
  keys: string[] = [];
  values: string[] = [];

  /** The first value of `key`, or null: get_modinfo(). */
  get(key: string): string | null {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] == key) return this.values[i];
    return null;
  }

  has(key: string): bool {
    return this.get(key) != null;
  }

  /** Every value of `key`, in order: the get_next_modinfo() loop. */
  all(key: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] == key) out.push(this.values[i]);
    return out;
  }
}

/** Reads the strings of a .modinfo section (which must be present). A string without `=`
 *  is kept with an empty key, as modinfo(8) would show nothing for it. */
export function readModInfo(e: ElfFile, s: ElfSection): ModInfo {
  const m = new ModInfo();
  if (!e.present(s)) return m;
  const b = e.b;
  const end = <i32>(s.offset + s.size);
  let p = <i32>s.offset;
  while (p < end) {
    if (b.u8(p) == 0) {
      p++;
      continue;
    }
    let q = p;
    let eq = -1;
    while (q < end && b.u8(q) != 0) {
      if (eq < 0 && b.u8(q) == 61) eq = q;
      q++;
    }
    const base = b.data.dataStart;
    if (eq < 0) {
      m.keys.push("");
      m.values.push(String.UTF8.decodeUnsafe(base + <usize>p, <usize>(q - p)));
    } else {
      m.keys.push(String.UTF8.decodeUnsafe(base + <usize>p, <usize>(eq - p)));
      m.values.push(String.UTF8.decodeUnsafe(base + <usize>(eq + 1), <usize>(q - eq - 1)));
    }
    p = q + 1;
  }
  return m;
}
