// The options of a .config as a table read in place: a profile's .config has 11,000 options,
// read at every start, copied for each run's configuration and written out as autoconf.h,
// while a run asks for a few dozen of them. Rows hold byte ranges of the file, so neither
// reading nor copying makes a string; a value becomes one when it is asked for.

import { ByteWriter, hashBytes, hashString } from "../util/bytes";

// per row: key start, key end, value start, value end; a start below zero is -1 - the index
// of a string of `texts` (an option set by name, or a line read as text)
const STRIDE = 4;
const NONE = new Uint8Array(0);
const CONFIG_ = "CONFIG_";

export class ConfigTable {
  count: i32 = 0;
  private rows: StaticArray<i32>;
  private slots: StaticArray<i32>;
  private texts: string[] = [];

  constructor(
    private bytes: Uint8Array = NONE,
    capacity: i32 = 16,
  ) {
    this.rows = new StaticArray<i32>(max(capacity, 4) * STRIDE);
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.slots = new StaticArray<i32>(size);
  }

  /** A table of its own with the same rows (the file's bytes are shared: nothing writes them). */
  clone(): ConfigTable {
    const c = new ConfigTable(this.bytes, 0);
    c.count = this.count;
    c.rows = copied(this.rows);
    c.slots = copied(this.slots);
    c.texts = this.texts.slice(0);
    c.no = this.no;
    return c;
  }

  /** Row of option `key`, or -1. */
  find(key: string): i32 {
    const mask = this.slots.length - 1;
    let h = hashOf(key) & mask;
    while (true) {
      const v = unchecked(this.slots[h]);
      if (v == 0) return -1;
      if (this.keyIs(v - 1, key)) return v - 1;
      h = (h + 1) & mask;
    }
    return -1;
  }

  key(row: i32): string {
    return this.part(row * STRIDE);
  }
  value(row: i32): string {
    return this.part(row * STRIDE + 2);
  }

  /** Sets option `key` (a new one goes last; one set again keeps its row). */
  set(key: string, value: string): void {
    const row = this.find(key);
    const v = this.text(value);
    if (row >= 0) {
      unchecked((this.rows[row * STRIDE + 2] = v));
      unchecked((this.rows[row * STRIDE + 3] = v));
      return;
    }
    const k = this.text(key);
    this.add(k, k, v, v, hashOf(key));
  }

  /** Sets the option whose key is bytes [ka, ke) of the file (ASCII: it hashes as its string
   *  does) to bytes [va, ve), or with `va` -1 to "n" (a line "# CONFIG_X is not set"). */
  setRange(ka: i32, ke: i32, va: i32, ve: i32): void {
    if (va < 0) {
      if (this.no == 0) this.no = this.text("n");
      va = this.no;
      ve = this.no;
    }
    const hash = hashRange(this.bytes, ka, ke);
    const mask = this.slots.length - 1;
    let h = hash & mask;
    while (true) {
      const v = unchecked(this.slots[h]);
      if (v == 0) break;
      const r = (v - 1) * STRIDE;
      if (this.keyIsRange(v - 1, ka, ke)) {
        unchecked((this.rows[r + 2] = va));
        unchecked((this.rows[r + 3] = ve));
        return;
      }
      h = (h + 1) & mask;
    }
    this.add(ka, ke, va, ve, hash);
  }
  /** The text index of "n" (0 until first used). */
  private no: i32 = 0;

  /** Writes row `row`'s key (`part` 0) or value (`part` 2) as UTF-8. */
  write(row: i32, part: i32, out: ByteWriter): void {
    const r = row * STRIDE + part;
    const a = unchecked(this.rows[r]);
    if (a < 0) {
      const s = this.texts[-1 - a];
      const len = String.UTF8.byteLength(s, false);
      String.UTF8.encodeUnsafe(changetype<usize>(s), s.length, out.claim(len), false);
    } else out.chunk(this.bytes.dataStart + <usize>a, unchecked(this.rows[r + 1]) - a);
  }

  /** The first byte of row `row`'s value (-1 when it is empty), and its length in bytes. */
  valueByte(row: i32): i32 {
    const a = unchecked(this.rows[row * STRIDE + 2]);
    if (a < 0) {
      const s = this.texts[-1 - a];
      return s.length > 0 ? s.charCodeAt(0) : -1;
    }
    return unchecked(this.rows[row * STRIDE + 3]) > a ? <i32>load<u8>(this.bytes.dataStart + <usize>a) : -1;
  }
  valueLength(row: i32): i32 {
    const a = unchecked(this.rows[row * STRIDE + 2]);
    if (a < 0) return String.UTF8.byteLength(this.texts[-1 - a], false);
    return unchecked(this.rows[row * STRIDE + 3]) - a;
  }

  /** Whether row `row`'s key starts with CONFIG_ (a line read as text may name anything). */
  keyStartsWithConfig(row: i32): bool {
    const a = unchecked(this.rows[row * STRIDE]);
    if (a < 0) return this.texts[-1 - a].startsWith("CONFIG_");
    if (unchecked(this.rows[row * STRIDE + 1]) - a < 7) return false;
    const p = this.bytes.dataStart + <usize>a;
    for (let i = 0; i < 7; i++) if (<i32>load<u8>(p + <usize>i) != CONFIG_.charCodeAt(i)) return false;
    return true;
  }

  /** Whether both hold the same options with the same values, in the same order. */
  sameAs(o: ConfigTable): bool {
    if (o.count != this.count) return false;
    if (o.bytes === this.bytes) {
      // copies of one table: rows that point into the file must be the same rows, and those
      // set by name the same texts (each copy numbers its own texts: equal numbers may name
      // different texts)
      for (let i = 0; i < this.count * STRIDE; i++) {
        const a = unchecked(this.rows[i]),
          b = unchecked(o.rows[i]);
        if (a >= 0 || b >= 0) {
          if (a != b) return false;
        } else if (this.texts[-1 - a] != o.texts[-1 - b]) return false;
      }
      return true;
    }
    for (let i = 0; i < this.count; i++) if (this.key(i) != o.key(i) || this.value(i) != o.value(i)) return false;
    return true;
  }

  private add(ka: i32, ke: i32, va: i32, ve: i32, hash: i32): void {
    if ((this.count + 1) * STRIDE > this.rows.length) this.rows = copied(this.rows, this.rows.length << 1);
    const r = this.count * STRIDE;
    unchecked((this.rows[r] = ka));
    unchecked((this.rows[r + 1] = ke));
    unchecked((this.rows[r + 2] = va));
    unchecked((this.rows[r + 3] = ve));
    this.count++;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(this.count - 1, hash);
  }

  private place(row: i32, hash: i32): void {
    const mask = this.slots.length - 1;
    let h = hash & mask;
    while (unchecked(this.slots[h]) != 0) h = (h + 1) & mask;
    unchecked((this.slots[h] = row + 1));
  }

  private rehash(): void {
    this.slots = new StaticArray<i32>(this.slots.length << 1);
    for (let i = 0; i < this.count; i++) {
      const a = unchecked(this.rows[i * STRIDE]);
      this.place(i, a < 0 ? hashOf(this.texts[-1 - a]) : hashRange(this.bytes, a, unchecked(this.rows[i * STRIDE + 1])));
    }
  }

  private text(s: string): i32 {
    this.texts.push(s);
    return -this.texts.length;
  }

  private part(r: i32): string {
    const a = unchecked(this.rows[r]);
    if (a < 0) return this.texts[-1 - a];
    const e = unchecked(this.rows[r + 1]);
    // most values are y, m or n: not made again for each one asked
    if (e == a + 1) {
      const c = <i32>load<u8>(this.bytes.dataStart + <usize>a);
      if (c == 121) return "y";
      if (c == 109) return "m";
      if (c == 110) return "n";
    }
    return String.UTF8.decodeUnsafe(this.bytes.dataStart + <usize>a, <usize>(e - a));
  }

  private keyIsRange(row: i32, ka: i32, ke: i32): bool {
    const r = row * STRIDE;
    const a = unchecked(this.rows[r]);
    if (a >= 0) return sameRange(this.bytes, ka, ke, a, unchecked(this.rows[r + 1]));
    const key = this.texts[-1 - a];
    if (ke - ka != key.length) return false;
    const p = this.bytes.dataStart;
    for (let i = 0; i < key.length; i++) if (<i32>load<u8>(p + <usize>(ka + i)) != key.charCodeAt(i)) return false;
    return true;
  }

  private keyIs(row: i32, key: string): bool {
    const r = row * STRIDE;
    const a = unchecked(this.rows[r]);
    if (a < 0) return this.texts[-1 - a] == key;
    const e = unchecked(this.rows[r + 1]);
    if (e - a != key.length) return false;
    const p = this.bytes.dataStart;
    for (let i = 0; i < key.length; i++) if (<i32>load<u8>(p + <usize>(a + i)) != key.charCodeAt(i)) return false;
    return true;
  }
}

function copied(a: StaticArray<i32>, length: i32 = a.length): StaticArray<i32> {
  const b = new StaticArray<i32>(length);
  memory.copy(changetype<usize>(b), changetype<usize>(a), (<usize>min(a.length, length)) << 2);
  return b;
}

// util/bytes.ts' FNV-1a, non-negative: a key read from bytes is ASCII, so its bytes and its
// string's characters hash the same
function hashOf(s: string): i32 {
  return <i32>(hashString(s) >>> 1);
}

function hashRange(b: Uint8Array, a: i32, e: i32): i32 {
  return <i32>(hashBytes(b.dataStart + <usize>a, e - a) >>> 1);
}

function sameRange(b: Uint8Array, a: i32, e: i32, c: i32, d: i32): bool {
  return e - a == d - c && memory.compare(b.dataStart + <usize>a, b.dataStart + <usize>c, <usize>(e - a)) == 0;
}
