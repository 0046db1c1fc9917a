// Byte strings without making strings of them: a growable writer of NUL-ended fields, and a
// hash table keyed by byte ranges of buffers the caller keeps (symbol names of a whole
// kernel, looked up thousands of times a module).

/** Appends NUL-ended fields; reused (reset `n`) between outputs. */
export class ByteWriter {
  buf: Uint8Array = new Uint8Array(4096);
  n: i32 = 0;

  private room(extra: i32): void {
    if (this.n + extra <= this.buf.length) return;
    let cap = this.buf.length << 1;
    while (cap < this.n + extra) cap <<= 1;
    const b = uncleared(cap);
    memory.copy(b.dataStart, this.buf.dataStart, <usize>this.n);
    this.buf = b;
  }

  /** Room for `len` more bytes at once (a large output grown by doubling touches twice the
   *  memory). */
  reserve(len: i32): void {
    this.room(len);
  }

  /** Room for `len` bytes written by the caller at the address returned; counted as written. */
  claim(len: i32): usize {
    this.room(len);
    const p = this.buf.dataStart + <usize>this.n;
    this.n += len;
    return p;
  }

  /** A one-byte field: `c`, then NUL. */
  tag(c: u32): void {
    const p = this.claim(2);
    store<u8>(p, <u8>c);
    store<u8>(p, 0, 1);
  }

  /** What was written, as a buffer of its own (no copy: the writer starts a new buffer of the
   *  same size for what comes next). */
  detach(): Uint8Array {
    const out = this.buf.subarray(0, this.n);
    this.buf = uncleared(this.buf.length);
    this.n = 0;
    return out;
  }

  /** A field: the string's UTF-8, then NUL. */
  field(s: string): void {
    const len = String.UTF8.byteLength(s, false);
    this.room(len + 1);
    String.UTF8.encodeUnsafe(changetype<usize>(s), s.length, this.buf.dataStart + <usize>this.n, false);
    this.n += len;
    store<u8>(this.buf.dataStart + <usize>this.n, 0);
    this.n++;
  }

  /** One byte (no NUL after it). */
  byte(v: u32): void {
    this.room(1);
    store<u8>(this.buf.dataStart + <usize>this.n, <u8>v);
    this.n++;
  }

  /** A little-endian u32 (no NUL). */
  u32(v: u32): void {
    this.room(4);
    store<u32>(this.buf.dataStart + <usize>this.n, v);
    this.n += 4;
  }

  /** Overwrites the u32 at `at`. */
  setU32(at: i32, v: u32): void {
    store<u32>(this.buf.dataStart + <usize>at, v);
  }

  /** A field copied from memory: `len` bytes at `ptr`, then NUL. */
  raw(ptr: usize, len: i32): void {
    this.room(len + 1);
    memory.copy(this.buf.dataStart + <usize>this.n, ptr, <usize>len);
    this.n += len;
    store<u8>(this.buf.dataStart + <usize>this.n, 0);
    this.n++;
  }

  /** Bytes at `ptr`, with no NUL after them. */
  chunk(ptr: usize, len: i32): void {
    memory.copy(this.claim(len), ptr, <usize>len);
  }

  /** Everything another writer holds. */
  append(w: ByteWriter): void {
    this.room(w.n);
    memory.copy(this.buf.dataStart + <usize>this.n, w.buf.dataStart, <usize>w.n);
    this.n += w.n;
  }

  /** What was written, as a buffer of its own. */
  bytes(): ArrayBuffer {
    const out = new ArrayBuffer(this.n);
    memory.copy(changetype<usize>(out), this.buf.dataStart, <usize>this.n);
    return out;
  }
}

/** A buffer of `len` bytes, not cleared: for writers that only read back what they wrote. */
function uncleared(len: i32): Uint8Array {
  return Uint8Array.wrap(changetype<ArrayBuffer>(__new(<usize>len, idof<ArrayBuffer>())));
}

/** FNV-1a over a string's characters: hashBytes' value for its bytes when it is ASCII (as
 *  the keys of tables read from bytes are). */
export function hashString(s: string): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= <u32>s.charCodeAt(i);
    h *= 0x01000193;
  }
  return h;
}

// each byte the same (written as two halves: a 64-bit literal is not exact in JavaScript)
const ONES: u64 = ((<u64>0x01010101) << 32) | 0x01010101;
const HIGHS: u64 = ONES * 0x80;
const NEWLINES: u64 = ONES * 0x0a;

/** Index of the first newline in b at or after `i` (n when none before n), eight bytes a step. */
export function nextNewline(b: Uint8Array, i: i32, n: i32): i32 {
  const base = b.dataStart;
  while (i + 8 <= n) {
    const l = load<u64>(base + <usize>i) ^ NEWLINES;
    // the lowest flagged byte is always a true zero byte of l
    const hit = (l - ONES) & ~l & HIGHS;
    if (hit != 0) return i + <i32>(ctz(hit) >> 3);
    i += 8;
  }
  while (i < n && load<u8>(base + <usize>i) != 10) i++;
  return i;
}

/** The `len` bytes at `ptr` as a string: widened a byte at a time when they are all ASCII
 *  (most of a kernel's generated text, which the UTF-8 decoder reads several times slower),
 *  else decoded as UTF-8. */
export function decodeText(ptr: usize, len: i32): string {
  let high: u64 = 0;
  let i = 0;
  for (; i + 8 <= len; i += 8) high |= load<u64>(ptr + <usize>i);
  for (; i < len; i++) high |= <u64>load<u8>(ptr + <usize>i);
  if ((high & HIGHS) != 0) return String.UTF8.decodeUnsafe(ptr, <usize>len);
  const out = __new((<usize>len) << 1, idof<string>());
  for (let k = 0; k < len; k++) store<u16>(out + ((<usize>k) << 1), load<u8>(ptr + <usize>k));
  return changetype<string>(out);
}

/** FNV-1a over `len` bytes at `ptr`. */
export function hashBytes(ptr: usize, len: i32): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < len; i++) {
    h ^= <u32>load<u8>(ptr + <usize>i);
    h *= 0x01000193;
  }
  return h;
}

/** Byte-range keys (buffer, offset, length) with their hash (the caller's) to i32 values;
 *  the buffers must outlive the table. */
export class ByteTable {
  buffers: Uint8Array[] = [];
  // per key: buffer number, offset, length, value, hash (grown by doubling)
  private keys: StaticArray<i32>;
  private slots: StaticArray<i32>;
  count: i32 = 0;

  /** Room for about `expected` keys before growing. */
  constructor(expected: i32 = 32) {
    let cap = 64;
    while (cap < expected * 2) cap <<= 1;
    this.slots = new StaticArray<i32>(cap);
    this.keys = new StaticArray<i32>((cap >> 1) * 5);
  }

  /** Registers a buffer that keys will point into; returns its number. */
  addBuffer(b: Uint8Array): i32 {
    this.buffers.push(b);
    return this.buffers.length - 1;
  }

  @inline private keyAt(k: i32): usize {
    const q = k * 5;
    return unchecked(this.buffers[unchecked(this.keys[q])]).dataStart + <usize>unchecked(this.keys[q + 1]);
  }

  private find(ptr: usize, len: i32, h: u32): i32 {
    const mask = this.slots.length - 1;
    let i = <i32>(h & (<u32>mask));
    while (true) {
      const v = unchecked(this.slots[i]);
      if (v == 0) return -1 - i;
      const k = v - 1;
      const q = k * 5;
      if (unchecked(this.keys[q + 4]) == <i32>h && unchecked(this.keys[q + 2]) == len && memory.compare(this.keyAt(k), ptr, <usize>len) == 0) return k;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const slots = new StaticArray<i32>(this.slots.length << 1);
    const mask = slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let i = unchecked(this.keys[k * 5 + 4]) & mask;
      while (unchecked(slots[i]) != 0) i = (i + 1) & mask;
      unchecked((slots[i] = k + 1));
    }
    this.slots = slots;
    const keys = new StaticArray<i32>((slots.length >> 1) * 5);
    memory.copy(changetype<usize>(keys), changetype<usize>(this.keys), (<usize>(this.count * 5)) << 2);
    this.keys = keys;
  }

  /** Sets the key at buffer `buf`, [off, off + len), hashed `h`, to `value`; `replace` false
   *  keeps an existing key's value. */
  set(buf: i32, off: i32, len: i32, h: u32, value: i32, replace: bool): void {
    const ptr = this.buffers[buf].dataStart + <usize>off;
    let f = this.find(ptr, len, h);
    if (f >= 0) {
      if (replace) unchecked((this.keys[f * 5 + 3] = value));
      return;
    }
    // keep the table at most half full (the key store holds half as many keys as slots)
    if ((this.count + 1) * 2 > this.slots.length) {
      this.grow();
      f = this.find(ptr, len, h);
    }
    const q = this.count * 5;
    unchecked((this.keys[q] = buf));
    unchecked((this.keys[q + 1] = off));
    unchecked((this.keys[q + 2] = len));
    unchecked((this.keys[q + 3] = value));
    unchecked((this.keys[q + 4] = <i32>h));
    unchecked((this.slots[-1 - f] = this.count + 1));
    this.count++;
  }

  /** The value of the `len` bytes at `ptr`, hashed `h`, or -1. */
  get(ptr: usize, len: i32, h: u32): i32 {
    const f = this.find(ptr, len, h);
    return f >= 0 ? unchecked(this.keys[f * 5 + 3]) : -1;
  }
}
