// A header of nothing but `#define` lines, such as the kernel's include/generated/autoconf.h
// (about 9,500 lines for a Debian .config), is read by name, not line by line: its lines are
// found without lexing, and a line is lexed and its definition parsed the first time its name
// is looked up. Every translation unit includes autoconf.h while it uses a few dozen CONFIG_
// names; the macros it ends with, and every answer, are the same as reading it whole.

import { Atoms, hashRange } from "./atoms";
import { LexedFile, lexLineInto } from "./lex";

/** Fewer defines than this are read as any header is (nothing to gain). */
const MIN_DEFINES = 64;

/** The `#define` lines of a define-only file, found by name. */
export class DefineTable {
  /** Per line k: where it starts in the text, its line number, its name's range. */
  start: Int32Array;
  line: Int32Array;
  nameStart: Int32Array;
  nameEnd: Int32Array;
  /** Token index of line k's `#` (+1) once it is lexed, 0 before. */
  private hashTok: Int32Array;
  /** Open addressing by the name's hash: k + 1, 0 = free. */
  private slots: Int32Array;
  private hashes: Uint32Array;
  private mask: i32;
  /** Lines in the text. */
  lines: i32 = 0;

  constructor(
    public text: string,
    /** Its #define lines. */
    public count: i32,
  ) {
    this.start = new Int32Array(count);
    this.line = new Int32Array(count);
    this.nameStart = new Int32Array(count);
    this.nameEnd = new Int32Array(count);
    this.hashTok = new Int32Array(count);
    this.hashes = new Uint32Array(count);
    let size = 16;
    while (size < count * 2) size <<= 1;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The line that defines the name `atom` spells, or -1. */
  find(atoms: Atoms, atom: i32): i32 {
    const h = atoms.hashOf(atom);
    const t = atoms.text(atom);
    let i = (<i32>h) & this.mask;
    while (true) {
      const slot = unchecked(this.slots[i]);
      if (slot == 0) return -1;
      const k = slot - 1;
      if (unchecked(this.hashes[k]) == h && this.sameName(k, t)) return k;
      i = (i + 1) & this.mask;
    }
  }

  /** Lexes line k into `lx` (the file's tokens, in the order lines are asked for) once;
   *  returns the token index of its `#`. */
  lex(k: i32, lx: LexedFile, atoms: Atoms): i32 {
    const t = unchecked(this.hashTok[k]);
    if (t > 0) return t - 1;
    const h = lx.count;
    lexLineInto(lx, unchecked(this.start[k]), unchecked(this.line[k]), atoms);
    unchecked((this.hashTok[k] = h + 1));
    return h;
  }

  /** Adds line k; false when its name is there already. */
  add(k: i32, start: i32, line: i32, nameStart: i32, nameEnd: i32): bool {
    const h = hashRange(this.text, nameStart, nameEnd);
    let i = (<i32>h) & this.mask;
    while (unchecked(this.slots[i]) != 0) {
      const j = unchecked(this.slots[i]) - 1;
      if (unchecked(this.hashes[j]) == h && this.sameRange(j, nameStart, nameEnd)) return false;
      i = (i + 1) & this.mask;
    }
    unchecked((this.slots[i] = k + 1));
    unchecked((this.hashes[k] = h));
    unchecked((this.start[k] = start));
    unchecked((this.line[k] = line));
    unchecked((this.nameStart[k] = nameStart));
    unchecked((this.nameEnd[k] = nameEnd));
    return true;
  }

  private sameName(k: i32, s: string): bool {
    const a = unchecked(this.nameStart[k]);
    const len = unchecked(this.nameEnd[k]) - a;
    return s.length == len && memory.compare(changetype<usize>(this.text) + ((<usize>a) << 1), changetype<usize>(s), (<usize>len) << 1) == 0;
  }

  private sameRange(k: i32, a: i32, e: i32): bool {
    const b = unchecked(this.nameStart[k]);
    const len = e - a;
    if (unchecked(this.nameEnd[k]) - b != len) return false;
    const p = changetype<usize>(this.text);
    return memory.compare(p + ((<usize>a) << 1), p + ((<usize>b) << 1), (<usize>len) << 1) == 0;
  }
}

/** Tables made along with their text (autoconf.h, written from a .config): defineTableOf
 *  takes one instead of scanning its text, once (a table belongs to one lexed file). */
const known: DefineTable[] = [];
const MAX_KNOWN = 2;

/** Offers the table of a text about to be read (see tableOfLines). */
export function knowDefineTable(table: DefineTable): void {
  known.unshift(table);
  if (known.length > MAX_KNOWN) known.pop();
}

/** The table of `text`, whose line k (numbered k + 1) starts at `starts[k]` with `#define `
 *  and a name ending at `nameEnds[k]`; null when a name is defined twice or there are too
 *  few lines to gain from a table. */
export function tableOfLines(text: string, starts: Int32Array, nameEnds: Int32Array, count: i32): DefineTable | null {
  if (count < MIN_DEFINES) return null;
  const table = new DefineTable(text, count);
  for (let k = 0; k < count; k++) {
    const a = unchecked(starts[k]);
    if (!table.add(k, a, k + 1, a + 8, unchecked(nameEnds[k]))) return null;
  }
  table.lines = count + 1;
  return table;
}

/** The table of a file made of `#define NAME …` lines only (each name once, enough of them to
 *  matter; blank lines and a comment before the first are allowed), else null. A line that
 *  would not lex alone as it lexes in the file (a splice, a comment opening, CR or NUL) makes
 *  it an ordinary file. */
export function defineTableOf(text: string): DefineTable | null {
  for (let k = 0; k < known.length; k++) {
    if (known[k].text != text) continue;
    const t = known[k];
    known.splice(k, 1);
    return t;
  }
  const p = changetype<usize>(text);
  const n = text.length;
  let i = 0;
  let line = 1;
  // a leading block comment (generated headers open with one)
  while (i < n && (isBlank(at(p, i)) || at(p, i) == 10)) {
    if (at(p, i) == 10) line++;
    i++;
  }
  if (i + 1 < n && at(p, i) == 47 && at(p, i + 1) == 42) {
    i += 2;
    while (i + 1 < n && !(at(p, i) == 42 && at(p, i + 1) == 47)) {
      if (at(p, i) == 10) line++;
      i++;
    }
    if (i + 1 >= n) return null;
    i += 2;
  }
  // once to count (most headers stop at their first line), once to fill
  const count = scanDefines(text, i, line, null);
  if (count < MIN_DEFINES) return null;
  const table = new DefineTable(text, count);
  if (scanDefines(text, i, line, table) < 0) return null;
  return table;
}

/** The #define lines from offset i (line `line`) on, added to `table` when given: how many,
 *  or -1 at the first line that is none or a name defined twice. */
function scanDefines(text: string, i: i32, line: i32, table: DefineTable | null): i32 {
  const p = changetype<usize>(text);
  const n = text.length;
  let k = 0;
  while (i < n) {
    const from = i;
    while (i < n && isBlank(at(p, i))) i++;
    let c = i < n ? at(p, i) : 10;
    if (c != 10) {
      if (!startsDefine(p, i, n)) return -1;
      let s = i + 7;
      while (s < n && isBlank(at(p, s))) s++;
      let e = s;
      while (e < n && isNamePart(at(p, e))) e++;
      if (e == s || isDigit(at(p, s))) return -1;
      c = e < n ? at(p, e) : 10;
      if (!isBlank(c) && c != 40 && c != 10) return -1;
      // the rest of the line: nothing that joins it to the next or opens a comment
      i = e;
      while (i < n) {
        c = at(p, i);
        if (c == 10) break;
        if (c == 13 || c == 0 || c == 92 || (c == 47 && i + 1 < n && at(p, i + 1) == 42)) return -1;
        i++;
      }
      if (table != null && !table.add(k, from, line, s, e)) return -1;
      k++;
    }
    i++;
    line++;
  }
  if (table != null) table.lines = line;
  return k;
}

function at(p: usize, i: i32): i32 {
  return <i32>load<u16>(p + ((<usize>i) << 1));
}

function isBlank(c: i32): bool {
  return c == 32 || c == 9 || c == 12 || c == 11;
}

function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

function isNamePart(c: i32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || isDigit(c);
}

/** `#define` and a blank at `a` (the text ends at `n`). */
function startsDefine(p: usize, a: i32, n: i32): bool {
  if (n - a < 8 || at(p, a) != 35) return false;
  const word = "define";
  for (let j = 0; j < 6; j++) if (at(p, a + 1 + j) != word.charCodeAt(j)) return false;
  return isBlank(at(p, a + 7));
}
