// Lexing a file into preprocessing tokens as gcc lexes GNU C: splices anywhere, CR LF and CR,
// NUL as blank, trigraphs left alone, digraphs, header names; positions in the original text.

import { Atoms, Name } from "./atoms";
import { IntVec, packKF, TF, TK } from "./pptoken";

/** One file's tokens, lexed once and kept for as long as its text does not change. Lines
 *  count from 1, columns in UTF-16 code units from 1, ends are exclusive, all in the
 *  original text (before splices were removed). */
export class LexedFile {
  count: i32 = 0;
  kf: Int32Array;
  atom: Int32Array;
  line: Int32Array;
  col: Int32Array;
  endLine: Int32Array;
  endCol: Int32Array;
  /** Token indexes of the `#` of every directive, in order. */
  hashes: IntVec = new IntVec(16);
  /** The include guard (`#ifndef X` … `#endif` around the whole file), or -1. */
  guard: i32 = -1;
  /** Lines (and columns) of comments that never close. */
  openComments: IntVec = new IntVec(2);
  /** Lines in the text. */
  lines: i32 = 1;

  constructor(
    public text: string,
    capacity: i32,
  ) {
    this.kf = new Int32Array(capacity);
    this.atom = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.col = new Int32Array(capacity);
    this.endLine = new Int32Array(capacity);
    this.endCol = new Int32Array(capacity);
  }

  @inline kind(i: i32): TK {
    return <TK>(unchecked(this.kf[i]) & 0xff);
  }
  @inline flags(i: i32): i32 {
    return unchecked(this.kf[i]) >>> 8;
  }

  /** Index of the first token of the line after the one token `i` is on (or `count`). */
  lineEnd(i: i32): i32 {
    let j = i + 1;
    while (j < this.count && (unchecked(this.kf[j]) & (TF.BOL << 8)) == 0) j++;
    return j;
  }

  /** Bytes this file holds (its text and six columns of tokens), for the cache's budget. */
  get weight(): i32 {
    return (this.text.length << 1) + this.kf.length * 24;
  }

  add(kf: i32, atom: i32, line: i32, col: i32, endLine: i32, endCol: i32): void {
    const i = this.count;
    if (i == this.kf.length) this.grow();
    unchecked((this.kf[i] = kf));
    unchecked((this.atom[i] = atom));
    unchecked((this.line[i] = line));
    unchecked((this.col[i] = col));
    unchecked((this.endLine[i] = endLine));
    unchecked((this.endCol[i] = endCol));
    this.count = i + 1;
  }

  private grow(): void {
    const cap = this.kf.length << 1;
    this.kf = grown(this.kf, cap);
    this.atom = grown(this.atom, cap);
    this.line = grown(this.line, cap);
    this.col = grown(this.col, cap);
    this.endLine = grown(this.endLine, cap);
    this.endCol = grown(this.endCol, cap);
  }
}

function grown(a: Int32Array, cap: i32): Int32Array {
  const b = new Int32Array(cap);
  memory.copy(b.dataStart, a.dataStart, (<usize>a.length) << 2);
  return b;
}

// character classes of ASCII: 1 identifier start, 2 digit, 4 horizontal blank
const CLASS = new StaticArray<u8>(128);
function initClasses(): void {
  for (let c = 0; c < 128; c++) {
    let k: u8 = 0;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c == 36) k |= 1;
    if (c >= 48 && c <= 57) k |= 2;
    if (c == 32 || c == 9 || c == 12 || c == 11) k |= 4;
    unchecked((CLASS[c] = k));
  }
}
initClasses();

function isIdentStart(c: i32): bool {
  return c >= 128 || (unchecked(CLASS[c]) & 1) != 0;
}
function isIdentPart(c: i32): bool {
  return c >= 128 || (unchecked(CLASS[c]) & 3) != 0;
}
function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}
function isBlank(c: i32): bool {
  return c < 128 && (unchecked(CLASS[c]) & 4) != 0;
}

/** The text with splices removed, CR and NUL made blank, and where the splices were. */
class Cleaned {
  /** Cleaned offset of each removed splice, its original offset and its length. */
  at: IntVec = new IntVec(4);
  orig: IntVec = new IntVec(4);
  len: IntVec = new IntVec(4);
  constructor(public text: string) {}
}

function needsCleaning(s: string): bool {
  const p = changetype<usize>(s);
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = load<u16>(p + ((<usize>i) << 1));
    if (c == 92 || c == 13 || c == 0) return true;
  }
  return false;
}

function clean(src: string): Cleaned {
  if (!needsCleaning(src)) return new Cleaned(src);
  const n = src.length;
  const p = changetype<usize>(src);
  const buf = new StaticArray<u16>(n);
  const q = changetype<usize>(buf);
  const out = new Cleaned("");
  let o = 0;
  let i = 0;
  while (i < n) {
    const c = load<u16>(p + ((<usize>i) << 1));
    if (c == 92) {
      let j = i + 1;
      while (j < n && (load<u16>(p + ((<usize>j) << 1)) == 32 || load<u16>(p + ((<usize>j) << 1)) == 9)) j++;
      if (j < n) {
        const d = load<u16>(p + ((<usize>j) << 1));
        if (d == 10 || d == 13) {
          let end = j + 1;
          if (d == 13 && end < n && load<u16>(p + ((<usize>end) << 1)) == 10) end++;
          out.at.push(o);
          out.orig.push(i);
          out.len.push(end - i);
          i = end;
          continue;
        }
      }
      store<u16>(q + ((<usize>o) << 1), 92);
      o++;
      i++;
      continue;
    }
    let e = c;
    if (c == 13) e = i + 1 < n && load<u16>(p + ((<usize>(i + 1)) << 1)) == 10 ? 32 : 10;
    else if (c == 0) e = 32;
    store<u16>(q + ((<usize>o) << 1), e);
    o++;
    i++;
  }
  out.text = String.UTF16.decodeUnsafe(q, (<usize>o) << 1);
  return out;
}

/** Lexes a whole file. Never fails: what is not a token becomes an `Other` token. */
export function lexFile(text: string, atoms: Atoms): LexedFile {
  const lx = new Lexer(atoms);
  // a guess that fits dense C; the columns double past it (a define-only header such as
  // autoconf.h has a token every 8 characters, and its columns are touched memory)
  lx.begin(clean(text), new LexedFile(text, text.length / 7 + 16));
  return lx.run();
}

let lineLexer: Lexer | null = null;

/** Lexes the line of `lx.text` that starts at `start` (line number `line`; the text has no
 *  splice, CR or NUL, and the line opens no comment), appending its tokens to `lx`. */
export function lexLineInto(lx: LexedFile, start: i32, line: i32, atoms: Atoms): void {
  if (lineLexer == null || (lineLexer as Lexer).atoms !== atoms) lineLexer = new Lexer(atoms);
  const l = lineLexer as Lexer;
  l.begin(new Cleaned(lx.text), lx);
  l.line = line;
  l.lineStart = start;
  l.from = start;
  l.oneLine = true;
  l.run();
}

let oneLexer: Lexer | null = null;
let oneOut: LexedFile | null = null;
const oneText = new Cleaned("");

/** Lexes the spelling of a pasted token (no line ends in it). Returns the one token's
 *  packed kind and flags, with its atom in `lexedAtom`, or -1 unless `s` is exactly one
 *  preprocessing token. Reuses one lexer: pasting must not allocate per token. */
export function lexOne(s: string, atoms: Atoms): i32 {
  if (oneLexer == null || (oneLexer as Lexer).atoms !== atoms) {
    oneLexer = new Lexer(atoms);
    oneOut = new LexedFile("", 4);
  }
  const lx = oneLexer as Lexer;
  const out = oneOut as LexedFile;
  out.count = 0;
  out.hashes.clear();
  oneText.text = s;
  lx.begin(oneText, out);
  lx.single = true;
  lx.run();
  if (out.count != 1 || lx.stoppedAt != s.length) return -1;
  lexedAtom = unchecked(out.atom[0]);
  return unchecked(out.kf[0]) & ~((TF.PREV_WHITE | TF.BOL) << 8);
}

/** The atom of the token lexOne() just read. */
export let lexedAtom: i32 = 0;

class Lexer {
  s: string = "";
  p: usize = 0;
  n: i32 = 0;
  cl: Cleaned = new Cleaned("");
  out: LexedFile = new LexedFile("", 0);
  /** Stop after the first token (pasting); `stoppedAt` is where it ended. */
  single: bool = false;
  /** Start at `from` and stop at the end of its line (a define-only file's line). */
  from: i32 = 0;
  oneLine: bool = false;
  stoppedAt: i32 = 0;
  // position bookkeeping in original coordinates
  line: i32 = 1;
  lineStart: i32 = 0; // original offset of the current line's start
  shift: i32 = 0; // characters removed before the current cleaned offset
  k: i32 = 0; // next splice
  // directive state: tokens seen on this directive line (0 = not in a directive)
  dirTokens: i32 = 0;
  dirName: i32 = -1;
  prev1: i32 = -1; // atoms of the last two tokens of the line
  prev2: i32 = -1;

  constructor(public atoms: Atoms) {}

  begin(cl: Cleaned, out: LexedFile): void {
    this.cl = cl;
    this.s = cl.text;
    this.p = changetype<usize>(this.s);
    this.n = this.s.length;
    this.out = out;
    this.line = 1;
    this.lineStart = 0;
    this.shift = 0;
    this.k = 0;
    this.dirTokens = 0;
    this.single = false;
    this.from = 0;
    this.oneLine = false;
  }

  @inline ch(i: i32): i32 {
    return i < this.n ? <i32>load<u16>(this.p + ((<usize>i) << 1)) : -1;
  }

  /** Applies the splices at or before cleaned offset `i` (each one was a line end). */
  @inline sync(i: i32): void {
    const at = this.cl.at;
    while (this.k < at.length && at.get(this.k) <= i) {
      this.line++;
      this.lineStart = this.cl.orig.get(this.k) + this.cl.len.get(this.k);
      this.shift += this.cl.len.get(this.k);
      this.k++;
    }
  }

  @inline col(i: i32): i32 {
    return i + this.shift - this.lineStart + 1;
  }

  newline(i: i32): void {
    this.sync(i);
    this.line++;
    this.lineStart = i + this.shift + 1;
  }

  run(): LexedFile {
    const n = this.n;
    let i = this.from;
    let bol = true;
    let white = false;
    while (i < n) {
      const c = this.ch(i);
      if (c == 10) {
        if (this.oneLine) break;
        this.newline(i);
        i++;
        bol = true;
        white = false;
        this.dirTokens = 0;
        continue;
      }
      if (isBlank(c)) {
        i++;
        white = true;
        continue;
      }
      if (c == 47) {
        const d = this.ch(i + 1);
        if (d == 47) {
          i += 2;
          while (i < n && this.ch(i) != 10) i++;
          white = true;
          continue;
        }
        if (d == 42) {
          this.sync(i);
          const sl = this.line,
            sc = this.col(i);
          i += 2;
          let closed = false;
          while (i < n) {
            const e = this.ch(i);
            if (e == 42 && this.ch(i + 1) == 47) {
              i += 2;
              closed = true;
              break;
            }
            if (e == 10) this.newline(i);
            i++;
          }
          if (!closed) {
            this.out.openComments.push(sl);
            this.out.openComments.push(sc);
          }
          white = true;
          continue;
        }
      }
      this.sync(i);
      const line = this.line,
        col = this.col(i);
      let flags = (white ? TF.PREV_WHITE : 0) | (bol ? TF.BOL : 0);
      let kind = TK.Punct;
      let atom = 0;
      const start = i;
      if (isIdentStart(c)) {
        i++;
        while (i < n && isIdentPart(this.ch(i))) i++;
        const q = this.ch(i);
        if ((q == 34 || q == 39) && this.isLiteralPrefix(start, i, q)) {
          i = this.literalEnd(i, q);
          kind = q == 34 ? TK.String : TK.Char;
          if (this.unterminated) {
            kind = TK.Other;
            flags |= TF.UNTERMINATED;
          }
        } else kind = TK.Ident;
        atom = this.atoms.internRange(this.s, start, i);
      } else if (isDigit(c) || (c == 46 && isDigit(this.ch(i + 1)))) {
        i = this.numberEnd(i);
        kind = TK.Number;
        atom = this.atoms.internRange(this.s, start, i);
      } else if (c == 34 || c == 39) {
        i = this.literalEnd(i, c);
        kind = c == 34 ? TK.String : TK.Char;
        if (this.unterminated) {
          kind = TK.Other;
          flags |= TF.UNTERMINATED;
        }
        atom = this.atoms.internRange(this.s, start, i);
      } else if (c == 60 && this.wantsHeaderName() && this.headerEnd(i) > 0) {
        i = this.headerEnd(i);
        kind = TK.HeaderName;
        atom = this.atoms.internRange(this.s, start, i);
      } else {
        atom = this.punctuator(i);
        if (atom > 0) {
          i += this.punctLen;
          if (this.digraph) flags |= TF.DIGRAPH;
        } else {
          kind = TK.Other;
          i++;
          atom = this.atoms.internRange(this.s, start, i);
        }
      }
      this.sync(i - 1);
      const endLine = this.line,
        endCol = this.col(i - 1) + 1;
      this.out.add(packKF(kind, flags), atom, line, col, endLine, endCol);
      this.noteDirective(kind, atom, bol);
      bol = false;
      white = false;
      if (this.single) {
        this.stoppedAt = i;
        return this.out;
      }
    }
    this.stoppedAt = i;
    if (this.oneLine) return this.out;
    this.sync(n);
    this.out.lines = this.line;
    findGuard(this.out);
    return this.out;
  }

  /** Tracks the directive line being lexed, for header names. */
  noteDirective(kind: TK, atom: i32, bol: bool): void {
    if (bol) {
      this.dirTokens = kind == TK.Punct && atom == Name.Hash ? 1 : 0;
      if (this.dirTokens == 1) this.out.hashes.push(this.out.count - 1);
      this.dirName = -1;
      this.prev1 = this.prev2 = -1;
      return;
    }
    if (this.dirTokens == 0) return;
    this.dirTokens++;
    if (this.dirTokens == 2) this.dirName = kind == TK.Ident ? atom : -1;
    this.prev2 = this.prev1;
    this.prev1 = kind == TK.Ident || kind == TK.Punct ? atom : -1;
  }

  /** Whether a `<` here starts a header name: right after #include / #include_next /
   *  #import, or after `__has_include (` in a directive. */
  wantsHeaderName(): bool {
    if (this.dirTokens == 2) {
      const d = this.dirName;
      return d == Name.Include || d == Name.IncludeNext || d == Name.Import;
    }
    return this.dirTokens > 2 && this.prev1 == Name.LParen && (this.prev2 == Name.HasInclude || this.prev2 == Name.HasIncludeNext);
  }

  /** End of a `<…>` header name starting at `i`, or 0 when no `>` closes it on this line. */
  headerEnd(i: i32): i32 {
    let j = i + 1;
    while (j < this.n) {
      const c = this.ch(j);
      if (c == 10) return 0;
      if (c == 62) return j + 1;
      j++;
    }
    return 0;
  }

  isLiteralPrefix(start: i32, end: i32, quote: i32): bool {
    const len = end - start;
    const a = this.ch(start);
    if (len == 1) return a == 76 || a == 117 || a == 85; // L u U
    return len == 2 && quote == 34 && a == 117 && this.ch(start + 1) == 56; // u8"
  }

  unterminated: bool = false;

  /** End of a string or character literal whose quote is at `i`. An unterminated one ends
   *  at the end of its line (gcc then makes it an "other" token). */
  literalEnd(i: i32, quote: i32): i32 {
    this.unterminated = false;
    let j = i + 1;
    while (j < this.n) {
      const c = this.ch(j);
      if (c == 92 && j + 1 < this.n && this.ch(j + 1) != 10) {
        j += 2;
        continue;
      }
      if (c == 10) break;
      j++;
      if (c == quote) return j;
    }
    this.unterminated = true;
    return j;
  }

  /** End of a pp-number starting at `i` (C11 6.4.8, with gcc's p+ p- exponents). */
  numberEnd(i: i32): i32 {
    let j = i + 1;
    while (j < this.n) {
      const c = this.ch(j);
      if (c == 43 || c == 45) {
        const e = this.ch(j - 1) | 32;
        if (e == 101 || e == 112) {
          j++;
          continue;
        }
        break;
      }
      if (isIdentPart(c) || c == 46) {
        j++;
        continue;
      }
      break;
    }
    return j;
  }

  punctLen: i32 = 0;
  digraph: bool = false;

  /** The punctuator atom at `i` (longest match), or 0 when none starts there. */
  punctuator(i: i32): i32 {
    const c = this.ch(i);
    const d = this.ch(i + 1);
    this.digraph = false;
    this.punctLen = 1;
    switch (c) {
      case 40:
        return Name.LParen;
      case 41:
        return Name.RParen;
      case 91:
        return Name.LBracket;
      case 93:
        return Name.RBracket;
      case 123:
        return Name.LBrace;
      case 125:
        return Name.RBrace;
      case 44:
        return Name.Comma;
      case 59:
        return Name.Semicolon;
      case 63:
        return Name.Question;
      case 126:
        return Name.Tilde;
      case 46:
        if (d == 46 && this.ch(i + 2) == 46) {
          this.punctLen = 3;
          return Name.Ellipsis;
        }
        return Name.Dot;
      case 45:
        if (d == 62) {
          this.punctLen = 2;
          return Name.Arrow;
        }
        if (d == 45) {
          this.punctLen = 2;
          return Name.MinusMinus;
        }
        if (d == 61) {
          this.punctLen = 2;
          return Name.MinusAssign;
        }
        return Name.Minus;
      case 43:
        if (d == 43) {
          this.punctLen = 2;
          return Name.PlusPlus;
        }
        if (d == 61) {
          this.punctLen = 2;
          return Name.PlusAssign;
        }
        return Name.Plus;
      case 38:
        if (d == 38) {
          this.punctLen = 2;
          return Name.AmpAmp;
        }
        if (d == 61) {
          this.punctLen = 2;
          return Name.AmpAssign;
        }
        return Name.Amp;
      case 42:
        if (d == 61) {
          this.punctLen = 2;
          return Name.StarAssign;
        }
        return Name.Star;
      case 47:
        if (d == 61) {
          this.punctLen = 2;
          return Name.SlashAssign;
        }
        return Name.Slash;
      case 37:
        if (d == 61) {
          this.punctLen = 2;
          return Name.PercentAssign;
        }
        if (d == 62) {
          this.punctLen = 2;
          this.digraph = true;
          return Name.RBrace;
        }
        if (d == 58) {
          this.digraph = true;
          if (this.ch(i + 2) == 37 && this.ch(i + 3) == 58) {
            this.punctLen = 4;
            return Name.HashHash;
          }
          this.punctLen = 2;
          return Name.Hash;
        }
        return Name.Percent;
      case 60:
        if (d == 60) {
          if (this.ch(i + 2) == 61) {
            this.punctLen = 3;
            return Name.ShlAssign;
          }
          this.punctLen = 2;
          return Name.Shl;
        }
        if (d == 61) {
          this.punctLen = 2;
          return Name.LessEq;
        }
        if (d == 58) {
          this.punctLen = 2;
          this.digraph = true;
          return Name.LBracket;
        }
        if (d == 37) {
          this.punctLen = 2;
          this.digraph = true;
          return Name.LBrace;
        }
        return Name.Less;
      case 62:
        if (d == 62) {
          if (this.ch(i + 2) == 61) {
            this.punctLen = 3;
            return Name.ShrAssign;
          }
          this.punctLen = 2;
          return Name.Shr;
        }
        if (d == 61) {
          this.punctLen = 2;
          return Name.GreaterEq;
        }
        return Name.Greater;
      case 61:
        if (d == 61) {
          this.punctLen = 2;
          return Name.EqEq;
        }
        return Name.Assign;
      case 33:
        if (d == 61) {
          this.punctLen = 2;
          return Name.NotEq;
        }
        return Name.Bang;
      case 94:
        if (d == 61) {
          this.punctLen = 2;
          return Name.CaretAssign;
        }
        return Name.Caret;
      case 124:
        if (d == 124) {
          this.punctLen = 2;
          return Name.PipePipe;
        }
        if (d == 61) {
          this.punctLen = 2;
          return Name.PipeAssign;
        }
        return Name.Pipe;
      case 58:
        if (d == 62) {
          this.punctLen = 2;
          this.digraph = true;
          return Name.RBracket;
        }
        return Name.Colon;
      case 35:
        if (d == 35) {
          this.punctLen = 2;
          return Name.HashHash;
        }
        return Name.Hash;
    }
    return 0;
  }
}

/** The directive name atom of the directive whose `#` is token `h`, or -1. */
export function directiveName(f: LexedFile, h: i32): i32 {
  const j = h + 1;
  if (j >= f.count || (f.flags(j) & TF.BOL) != 0 || f.kind(j) != TK.Ident) return -1;
  return unchecked(f.atom[j]);
}

/** Finds a guard: the file is `#ifndef X` (or `#if !defined X` / `#if !defined(X)`) …
 *  `#endif` and nothing else, so that a second inclusion with X defined can be skipped
 *  whole (gcc's multiple-include optimisation). */
function findGuard(f: LexedFile): void {
  if (f.hashes.length < 2 || f.hashes.get(0) != 0) return;
  const name = directiveName(f, 0);
  let guard = -1;
  const end = f.lineEnd(0);
  if (name == Name.Ifndef && end == 3 && f.kind(2) == TK.Ident) guard = unchecked(f.atom[2]);
  else if (name == Name.If && f.count > 4 && unchecked(f.atom[2]) == Name.Bang && f.kind(3) == TK.Ident && unchecked(f.atom[3]) == Name.Defined) {
    if (end == 5 && f.kind(4) == TK.Ident) guard = unchecked(f.atom[4]);
    else if (end == 7 && unchecked(f.atom[4]) == Name.LParen && f.kind(5) == TK.Ident && unchecked(f.atom[6]) == Name.RParen && f.kind(6) == TK.Punct)
      guard = unchecked(f.atom[5]);
  }
  if (guard < 0) return;
  let depth = 1;
  for (let k = 1; k < f.hashes.length; k++) {
    const h = f.hashes.get(k);
    const d = directiveName(f, h);
    if (d == Name.If || d == Name.Ifdef || d == Name.Ifndef) depth++;
    else if (depth == 1 && (d == Name.Else || d == Name.Elif || d == Name.Elifdef || d == Name.Elifndef)) return;
    else if (d == Name.Endif) {
      depth--;
      if (depth == 0) {
        if (k == f.hashes.length - 1 && f.lineEnd(h) == f.count) f.guard = guard;
        return;
      }
    }
  }
}
