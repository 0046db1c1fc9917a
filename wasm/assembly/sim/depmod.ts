// kmod's depmod (tools/depmod.c, kmod 30, Debian's): the modules of a tree in the order
// depmod keeps them (modules.order, else its hash table's), each module's exports (the last
// module to export a name wins), the module each undefined symbol comes from, the
// topological sort, and modules.dep exactly as `depmod -n` prints it.

import { KoFile } from "../source/ko";
import { readKoSummary } from "../source/kosummary";
import { ByteTable, ByteWriter, hashBytes } from "../util/bytes";
import * as T from "../kernel/messages";

/** One module of the tree (struct mod), as its summary (kosummary.ts) describes it. */
export class DepModule {
  modname: string;
  /** Path relative to lib/modules/<release>, and the same ending in .ko (for modules.order). */
  uncrelpath: string;
  sortIdx: i32 = 1;
  depSortIdx: i32 = I32.MAX_VALUE;
  idx: i32 = 0;
  users: i32 = 0;
  deps: DepModule[] = [];
  /** Its place in the directory walk. */
  found: i32 = 0;
  /** The last allDependencies() call that listed it (instead of searching the list). */
  listedIn: i32 = 0;
  /** kmod could not read the file, and its errno. */
  error: string;
  errno: i32;
  private read: KoFile | null = null;
  constructor(
    public relpath: string,
    public summary: Uint8Array,
  ) {
    const slash = relpath.lastIndexOf("/");
    const baseAt = slash + 1;
    let base = relpath.substring(baseAt);
    const dot = base.indexOf(".");
    if (dot >= 0) base = base.substring(0, dot);
    this.modname = base.replaceAll("-", "_");
    // the relative path cut after the module name and the three characters of ".ko"
    this.uncrelpath = relpath.substring(0, baseAt + base.length + 3);
    // the header: H, error, errno, ...
    const b = summary;
    let p = 0;
    while (p < b.length && b[p] != 0) p++;
    const e0 = p + 1;
    let e1 = e0;
    while (e1 < b.length && b[e1] != 0) e1++;
    this.error = e1 > e0 ? String.UTF8.decodeUnsafe(b.dataStart + <usize>e0, <usize>(e1 - e0)) : "";
    let n = 0;
    for (let q = e1 + 1; q < b.length && b[q] != 0; q++) n = n * 10 + (<i32>b[q] - 48);
    this.errno = n;
  }

  /** The loader's view of the module (summaries of files read whole). */
  get file(): KoFile {
    if (this.read == null) this.read = readKoSummary(this.summary);
    return this.read as KoFile;
  }
}

/** The fields of a summary's header (kosummary.ts), before its records. */
const HEADER_FIELDS = 8;

/** Paul Hsieh's SuperFastHash as kmod's hash.c has it (x86: little-endian, signed char). */
export function superFastHash(key: string): u32 {
  // an ASCII name's characters are its UTF-8 bytes: read them in place, without encoding
  if (isAscii(key)) return superFastHashAt(changetype<usize>(key), key.length, 1);
  const b = utf8(key);
  return superFastHashAt(b.dataStart, b.length, 0);
}

/** The hash of `n` bytes at `ptr`, one byte each, or (shift 1) the low bytes of UTF-16 units. */
function superFastHashAt(ptr: usize, n: i32, shift: i32): u32 {
  let len = n;
  let hash: u32 = <u32>len;
  const rem = len & 3;
  len >>= 2;
  let p = 0;
  for (; len > 0; len--) {
    hash += byteAt(ptr, p, shift) | (byteAt(ptr, p + 1, shift) << 8);
    const tmp: u32 = ((byteAt(ptr, p + 2, shift) | (byteAt(ptr, p + 3, shift) << 8)) << 11) ^ hash;
    hash = (hash << 16) ^ tmp;
    p += 4;
    hash += hash >> 11;
  }
  if (rem == 3) {
    hash += byteAt(ptr, p, shift) | (byteAt(ptr, p + 1, shift) << 8);
    hash ^= hash << 16;
    hash ^= <u32>((<i32>(<i8>byteAt(ptr, p + 2, shift))) << 18);
    hash += hash >> 11;
  } else if (rem == 2) {
    hash += byteAt(ptr, p, shift) | (byteAt(ptr, p + 1, shift) << 8);
    hash ^= hash << 11;
    hash += hash >> 17;
  } else if (rem == 1) {
    hash += <u32>(<i32>(<i8>byteAt(ptr, p, shift)));
    hash ^= hash << 10;
    hash += hash >> 1;
  }
  hash ^= hash << 3;
  hash += hash >> 5;
  hash ^= hash << 4;
  hash += hash >> 17;
  hash ^= hash << 25;
  hash += hash >> 6;
  return hash;
}

function byteAt(ptr: usize, i: i32, shift: i32): u32 {
  return shift != 0 ? <u32>(load<u16>(ptr + ((<usize>i) << 1)) & 0xff) : <u32>load<u8>(ptr + <usize>i);
}

function isAscii(s: string): bool {
  const p = changetype<usize>(s);
  for (let i = 0; i < s.length; i++) if (load<u16>(p + ((<usize>i) << 1)) >= 0x80) return false;
  return true;
}

/** The names in the order of a 512-bucket kmod hash table's iteration: by bucket, then by
 *  name (a counting sort by bucket, each bucket's few names sorted in place). */
function hashOrder(names: string[]): string[] {
  const n = names.length;
  const bucket = new StaticArray<i32>(n);
  const starts = new StaticArray<i32>(513);
  for (let i = 0; i < n; i++) {
    const k = <i32>(superFastHash(unchecked(names[i])) & 511);
    bucket[i] = k;
    starts[k + 1]++;
  }
  for (let k = 0; k < 512; k++) starts[k + 1] += starts[k];
  const out = new Array<string>(n);
  const fill = new StaticArray<i32>(512);
  for (let i = 0; i < n; i++) {
    const k = bucket[i];
    const at = starts[k] + fill[k]++;
    // insertion into the bucket's sorted run
    let j = at;
    const name = unchecked(names[i]);
    while (j > starts[k] && byteCompare(unchecked(out[j - 1]), name) > 0) {
      unchecked((out[j] = out[j - 1]));
      j--;
    }
    unchecked((out[j] = name));
  }
  return out;
}

function byDepSortIdx(a: DepModule, b: DepModule): i32 {
  return a.depSortIdx - b.depSortIdx;
}

/** A name's UTF-8 bytes. */
function utf8(s: string): Uint8Array {
  return Uint8Array.wrap(String.UTF8.encode(s));
}

/** strcmp() of two names: by code unit while both are ASCII, else by their UTF-8 bytes. */
function byteCompare(a: string, b: string): i32 {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i),
      y = b.charCodeAt(i);
    if (x >= 0x80 || y >= 0x80) {
      const u = utf8(a),
        v = utf8(b);
      const m = u.length < v.length ? u.length : v.length;
      for (let j = 0; j < m; j++) if (u[j] != v[j]) return <i32>u[j] - <i32>v[j];
      return u.length - v.length;
    }
    if (x != y) return x - y;
  }
  return a.length - b.length;
}

export class Depmod {
  byName: Map<string, DepModule> = new Map();
  /** The modules in depmod's array order (after finish()). */
  modules: DepModule[] = [];
  /** Every exported name (bytes in the modules' summaries) and the index of its last exporter. */
  symbols: ByteTable = new ByteTable(65536);
  /** What depmod prints on stderr. */
  messages: string[] = [];
  /** The modules could not be ordered (dependency cycles). */
  failed: bool = false;

  /** `dirname` is lib/modules/<release> under the base directory, as messages name it. */
  constructor(public dirname: string) {}

  /** depmod_modules_search_file(): a module found at `relpath`, `found`-th in the walk (the
   *  modules may come in any order). With the default configuration ("search updates"),
   *  one under updates/ wins over any other of its name; otherwise the first found stays. */
  add(relpath: string, summary: Uint8Array, found: i32): void {
    const m = new DepModule(relpath, summary);
    m.found = found;
    if (this.byName.has(m.modname)) {
      const old = this.byName.get(m.modname);
      const newUp = relpath.startsWith("updates/"),
        oldUp = old.relpath.startsWith("updates/");
      if (newUp == oldUp ? old.found < found : oldUp) return;
    }
    this.byName.set(m.modname, m);
  }

  /** Orders the modules, reads their symbols, finds the dependencies and sorts them.
   *  `order` is modules.order (its bytes), or null when the tree has none. */
  finish(order: Uint8Array | null): void {
    // depmod_modules_build_array(): the iteration order of a 512-bucket kmod hash
    const names = hashOrder(this.byName.keys());
    const mods: DepModule[] = [];
    for (let i = 0; i < names.length; i++) mods.push(this.byName.get(names[i]));
    // depmod_modules_sort(): lines of modules.order first, in their order; a stable sort
    if (order == null) this.messages.push(T.depmodNoOrder(this.dirname));
    else sortByOrder(mods, order as Uint8Array);
    for (let i = 0; i < mods.length; i++) mods[i].idx = i;
    this.modules = mods;

    // depmod_load_modules(): every module's exports, later ones replacing earlier ones
    for (let i = 0; i < mods.length; i++) {
      const m = mods[i];
      if (m.error.length > 0) this.messages.push(T.depmodNoSymbols(this.dirname + "/" + m.relpath, m.errno));
      else this.loadExports(m);
    }
    // depmod_load_dependencies(): each name's exporter, each exporter once, in order
    for (let i = 0; i < mods.length; i++) if (mods[i].error.length == 0) this.loadDependencies(mods[i]);
    this.sortTopologically();
  }

  // (one call per module rather than one loop over all: the engine's runtime optimizes a
  // function after some calls, never in the middle of its only one)

  private loadExports(m: DepModule): void {
    const t = this.symbols;
    const buf = t.addBuffer(m.summary);
    const b = m.summary;
    let p = skipFields(b, 0, HEADER_FIELDS);
    while (p < b.length) {
      const tag = unchecked(b[p]);
      p += 2;
      if ((tag == 0x4b || tag == 0x55 || tag == 0x44) && !nameFits(b, p)) break;
      if (tag == 0x4b) {
        // K name
        const len = nameLength(b, p);
        t.set(buf, p + 6, len, nameHash(b, p), m.idx, true);
        p += 7 + len;
      } else if (tag == 0x55 || tag == 0x44)
        break; // the K records come first (depmodview.ts)
      else p = skipFields(b, p, recordFields(tag));
    }
  }

  private loadDependencies(m: DepModule): void {
    const t = this.symbols;
    const mods = this.modules;
    const b = m.summary;
    const base = b.dataStart;
    let p = skipFields(b, 0, HEADER_FIELDS);
    while (p < b.length) {
      const tag = unchecked(b[p]);
      p += 2;
      if ((tag == 0x4b || tag == 0x55 || tag == 0x44) && !nameFits(b, p)) break;
      if (tag == 0x55 || tag == 0x44) {
        // U name weak, D name
        const len = nameLength(b, p);
        let owner: i32;
        if (len > 0 && unchecked(b[p + 6]) == 0x2e) {
          // PPC64: .foo == foo (the hash was of the dotted name)
          const ptr = base + <usize>(p + 7);
          owner = t.get(ptr, len - 1, hashBytes(ptr, len - 1) & 0x0fffffff);
        } else owner = t.get(base + <usize>(p + 6), len, nameHash(b, p));
        if (owner >= 0) {
          const o = mods[owner];
          if (!m.deps.includes(o)) {
            m.deps.push(o);
            o.users++;
          }
        }
        p += 7 + len + (tag == 0x55 ? 2 : 0);
      } else if (tag == 0x4b) p += 7 + nameLength(b, p);
      else p = skipFields(b, p, recordFields(tag));
    }
  }

  /** depmod_calculate_dependencies(): modules without users first, from a stack. */
  private sortTopologically(): void {
    const mods = this.modules;
    const n = mods.length;
    const users = new StaticArray<i32>(n);
    const roots: i32[] = [];
    for (let i = 0; i < n; i++) {
      users[i] = mods[i].users;
      if (users[i] == 0) roots.push(i);
    }
    let sorted = 0;
    while (roots.length > 0) {
      const src = mods[roots.pop()];
      src.depSortIdx = sorted++;
      for (let j = 0; j < src.deps.length; j++) {
        const d = src.deps[j].idx;
        users[d]--;
        if (users[d] == 0) roots.push(d);
      }
    }
    if (sorted < n) {
      this.messages.push(T.depmodCycles(n - sorted));
      this.failed = true;
      return;
    }
  }

  /** All modules `m` needs, each once, in the order modules.dep lists them. */
  allDependencies(m: DepModule): DepModule[] {
    const out: DepModule[] = [];
    collect(m, out, ++listing);
    out.sort(byDepSortIdx);
    return out;
  }

  /** modules.dep, as output_deps() writes it, in UTF-8. */
  modulesDep(): ArrayBuffer {
    const o = new ByteWriter();
    const paths = new Array<ArrayBuffer>(this.modules.length);
    for (let i = 0; i < this.modules.length; i++) paths[i] = String.UTF8.encode(this.modules[i].relpath);
    for (let i = 0; i < this.modules.length; i++) this.writeLine(o, this.modules[i], paths);
    return o.bytes();
  }

  /** One module's line of modules.dep; `paths` holds each module's path in UTF-8. */
  private writeLine(o: ByteWriter, m: DepModule, paths: ArrayBuffer[]): void {
    put(o, paths[m.idx]);
    o.byte(0x3a); // ':'
    if (m.deps.length > 0) {
      const all = this.allDependencies(m);
      for (let j = 0; j < all.length; j++) {
        o.byte(0x20);
        put(o, paths[all[j].idx]);
      }
    }
    o.byte(0x0a);
  }
}

function put(o: ByteWriter, b: ArrayBuffer): void {
  memory.copy(o.claim(b.byteLength), changetype<usize>(b), <usize>b.byteLength);
}

// allDependencies() calls so far: a module is in the current list when its listedIn is this
let listing = 0;

function collect(m: DepModule, out: DepModule[], stamp: i32): void {
  for (let i = 0; i < m.deps.length; i++) {
    const d = m.deps[i];
    if (d.listedIn == stamp) continue;
    d.listedIn = stamp;
    out.push(d);
    collect(d, out, stamp);
  }
}

/** The fields each record has after its tag (kosummary.ts). */
function recordFields(tag: u8): i32 {
  if (tag == 0x4c || tag == 0x4d || tag == 0x56 || tag == 0x57 || tag == 0x55 || tag == 0x75) return 2; // L M V W U u
  if (tag == 0x58) return 4; // X
  return 1; // K D P
}

/** The hash and the length that a name field (depmodview.ts writeName) starts with. */
// (callers check nameFits first)
function nameHash(b: Uint8Array, p: i32): u32 {
  return (
    ((<u32>unchecked(b[p])) & 0x7f) |
    (((<u32>unchecked(b[p + 1])) & 0x7f) << 7) |
    (((<u32>unchecked(b[p + 2])) & 0x7f) << 14) |
    (((<u32>unchecked(b[p + 3])) & 0x7f) << 21)
  );
}
function nameLength(b: Uint8Array, p: i32): i32 {
  return ((<i32>unchecked(b[p + 4])) & 0x7f) | (((<i32>unchecked(b[p + 5])) & 0x7f) << 7);
}

/** Whether the name field at p lies whole in the summary (its NUL included). */
function nameFits(b: Uint8Array, p: i32): bool {
  return p + 6 <= b.length && p + 6 + nameLength(b, p) < b.length;
}

function fieldLen(b: Uint8Array, p: i32): i32 {
  const base = b.dataStart;
  const n = b.length;
  let q = p;
  while (q < n && load<u8>(base + <usize>q) != 0) q++;
  return q - p;
}

function skipFields(b: Uint8Array, p: i32, n: i32): i32 {
  for (let i = 0; i < n; i++) p += fieldLen(b, p) + 1;
  return p;
}

/** depmod_modules_sort(): modules named in modules.order come first, in its order. A last
 *  line without its newline makes depmod give up sorting. */
function sortByOrder(mods: DepModule[], order: Uint8Array): void {
  const complete = order.length == 0 || order[order.length - 1] == 0x0a;
  if (!complete) return;
  const lines = splitLines(order);
  const count = lines.length;
  const total = count + 1;
  const byPath = new Map<string, DepModule>();
  for (let i = 0; i < mods.length; i++) byPath.set(mods[i].uncrelpath, mods[i]);
  for (let i = 0; i < count; i++) {
    const l = lines[i];
    if (byPath.has(l)) byPath.get(l).sortIdx = i + 1 - total;
  }
  // glibc's qsort is a merge sort here: stable. The listed modules' keys are distinct (one
  // line each, -count to -1), the others' all 1: each listed one goes to its line's place,
  // the others after them in the order they had.
  const placed = new Array<DepModule | null>(count);
  const rest: DepModule[] = [];
  for (let i = 0; i < mods.length; i++) {
    const m = mods[i];
    if (m.sortIdx <= 0) placed[m.sortIdx + count] = m;
    else rest.push(m);
  }
  let w = 0;
  for (let i = 0; i < count; i++) {
    const m = placed[i];
    if (m != null) mods[w++] = m;
  }
  for (let i = 0; i < rest.length; i++) mods[w++] = rest[i];
}

/** The lines of UTF-8 text, each without its "\n" (nothing after a last "\n"). */
export function splitLines(b: Uint8Array): string[] {
  const out: string[] = [];
  const base = b.dataStart;
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (unchecked(b[i]) != 0x0a) continue;
    out.push(decodeLine(base + <usize>start, i - start));
    start = i + 1;
  }
  if (start < b.length) out.push(decodeLine(base + <usize>start, b.length - start));
  return out;
}

/** `n` bytes of UTF-8 as a string; ASCII (every path, nearly) widened in one pass, without the
 *  decoder's branches on every byte. */
function decodeLine(ptr: usize, n: i32): string {
  for (let i = 0; i < n; i++) if (load<u8>(ptr + <usize>i) >= 0x80) return String.UTF8.decodeUnsafe(ptr, <usize>n);
  const s = changetype<string>(__new((<usize>n) << 1, idof<string>()));
  const p = changetype<usize>(s);
  for (let i = 0; i < n; i++) store<u16>(p + ((<usize>i) << 1), load<u8>(ptr + <usize>i));
  return s;
}
