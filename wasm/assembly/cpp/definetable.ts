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

/** The table of a file made of `#define NAME …` lines only (each name once, enough of them to
 *  matter; blank lines and a comment before the first are allowed), else null. A line that
 *  would not lex alone as it lexes in the file (a splice, a comment opening, CR or NUL) makes
 *  it an ordinary file. */
export function defineTableOf(text: string): DefineTable | null {
  const n = text.length;
  const p = changetype<usize>(text);
  // count the lines first: the table is sized once
  let lines = 0;
  for (let i = 0; i < n; i++) if (load<u16>(p + ((<usize>i) << 1)) == 10) lines++;
  if (lines < MIN_DEFINES) return null;
  let i = 0;
  let line = 1;
  // a leading block comment (generated headers open with one)
  while (i < n && isBlankOrNewline(at(p, i))) {
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
  const table = new DefineTable(text, lines + 1);
  let k = 0;
  while (i < n) {
    let e = i;
    while (e < n && at(p, e) != 10) e++;
    let a = i;
    while (a < e && isBlank(at(p, a))) a++;
    if (a < e) {
      if (!startsDefine(p, a, e)) return null;
      let s = a + 7;
      while (s < e && isBlank(at(p, s))) s++;
      let ne = s;
      while (ne < e && isNamePart(at(p, ne))) ne++;
      if (ne == s || isDigit(at(p, s)) || (ne < e && !isBlank(at(p, ne)) && at(p, ne) != 40)) return null;
      if (!lexesAlone(p, ne, e)) return null;
      if (!table.add(k, i, line, s, ne)) return null;
      k++;
    } else if (!lexesAlone(p, i, e)) return null;
    i = e + 1;
    line++;
  }
  if (k < MIN_DEFINES) return null;
  table.count = k;
  table.lines = lines + 1;
  return table;
}

function at(p: usize, i: i32): i32 {
  return <i32>load<u16>(p + ((<usize>i) << 1));
}

function isBlank(c: i32): bool {
  return c == 32 || c == 9 || c == 12 || c == 11;
}

function isBlankOrNewline(c: i32): bool {
  return isBlank(c) || c == 10;
}

function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

function isNamePart(c: i32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || isDigit(c);
}

/** `#define` and a blank at `a`. */
function startsDefine(p: usize, a: i32, e: i32): bool {
  if (e - a < 8 || at(p, a) != 35) return false;
  const word = "define";
  for (let j = 0; j < 6; j++) if (at(p, a + 1 + j) != word.charCodeAt(j)) return false;
  return isBlank(at(p, a + 7));
}

/** Whether [a, e) holds nothing that joins it to the next line or that lexing skips: no
 *  comment opening, no splice, no CR or NUL. */
function lexesAlone(p: usize, a: i32, e: i32): bool {
  for (let j = a; j < e; j++) {
    const c = at(p, j);
    if (c == 13 || c == 0 || c == 92) return false;
    if (c == 47 && j + 1 < e && at(p, j + 1) == 42) return false;
  }
  return true;
}
