// Preprocessing tokens as five parallel i32 columns (kind and flags, atom, file and token
// where spelled, the expansion that made it): millions of tokens, a handful of typed arrays.

/** What a preprocessing token is. `Padding` and `Eof` exist only inside the expander, as in
 *  gcc's libcpp; `MacroArg` only in macro bodies; `Intrinsic` marks an intercepted call. */
export enum TK {
  Ident = 0,
  Number,
  Char,
  String,
  Punct,
  Other,
  HeaderName,
  Intrinsic,
  Padding,
  Eof,
  MacroArg,
}

/** Token flags (bits above the kind). */
export namespace TF {
  /** Whitespace (or a comment) before the token. */
  export const PREV_WHITE: i32 = 1;
  /** First token of a source line. */
  export const BOL: i32 = 2;
  /** An identifier painted blue: never expanded again. */
  export const NO_EXPAND: i32 = 4;
  /** Left operand of `##`. */
  export const PASTE_LEFT: i32 = 8;
  /** A `#param` in a macro body. */
  export const STRINGIFY_ARG: i32 = 16;
  /** Spelled as a digraph (`<:` for `[`). */
  export const DIGRAPH: i32 = 32;
  /** A string or character literal without its closing quote. */
  export const UNTERMINATED: i32 = 64;
}

/** `kind | flags << 8`, the packed first column. */
export function packKF(kind: TK, flags: i32): i32 {
  return (<i32>kind) | (flags << 8);
}

/** Padding tokens keep what gcc's `val.source` tells stringification: no source token,
 *  a source without whitespace before it, or one with. They live in the atom column. */
export namespace PadSource {
  export const NONE: i32 = 0;
  export const TIGHT: i32 = 1;
  export const WHITE: i32 = 2;
}

/** A growable table of tokens in five columns. `file` is the translation unit's file index
 *  (-1 for tokens made by pasting, stringizing or a built-in macro), `tok` the token's index
 *  in that file's lexed tokens, `exp` the expansion record (0 = written in a file). */
export class TokVec {
  kf: Int32Array;
  atom: Int32Array;
  file: Int32Array;
  tok: Int32Array;
  exp: Int32Array;
  length: i32 = 0;

  constructor(capacity: i32 = 256) {
    this.kf = new Int32Array(capacity);
    this.atom = new Int32Array(capacity);
    this.file = new Int32Array(capacity);
    this.tok = new Int32Array(capacity);
    this.exp = new Int32Array(capacity);
  }

  private grow(): void {
    const cap = this.kf.length << 1;
    this.kf = widened(this.kf, cap, this.length);
    this.atom = widened(this.atom, cap, this.length);
    this.file = widened(this.file, cap, this.length);
    this.tok = widened(this.tok, cap, this.length);
    this.exp = widened(this.exp, cap, this.length);
  }

  /** Appends a token; returns its index. */
  @inline push(kf: i32, atom: i32, file: i32, tok: i32, exp: i32): i32 {
    const i = this.length;
    if (i == this.kf.length) this.grow();
    unchecked((this.kf[i] = kf));
    unchecked((this.atom[i] = atom));
    unchecked((this.file[i] = file));
    unchecked((this.tok[i] = tok));
    unchecked((this.exp[i] = exp));
    this.length = i + 1;
    return i;
  }

  /** Appends a copy of token `i` of `from`. */
  @inline pushFrom(from: TokVec, i: i32): i32 {
    return this.push(unchecked(from.kf[i]), unchecked(from.atom[i]), unchecked(from.file[i]), unchecked(from.tok[i]), unchecked(from.exp[i]));
  }

  /** Appends copies of the first `n` tokens of `from`. */
  appendPrefix(from: TokVec, n: i32): void {
    const need = this.length + n;
    if (need > this.kf.length) {
      let cap = this.kf.length;
      while (cap < need) cap <<= 1;
      this.kf = widened(this.kf, cap, this.length);
      this.atom = widened(this.atom, cap, this.length);
      this.file = widened(this.file, cap, this.length);
      this.tok = widened(this.tok, cap, this.length);
      this.exp = widened(this.exp, cap, this.length);
    }
    const at = (<usize>this.length) << 2,
      bytes = (<usize>n) << 2;
    memory.copy(this.kf.dataStart + at, from.kf.dataStart, bytes);
    memory.copy(this.atom.dataStart + at, from.atom.dataStart, bytes);
    memory.copy(this.file.dataStart + at, from.file.dataStart, bytes);
    memory.copy(this.tok.dataStart + at, from.tok.dataStart, bytes);
    memory.copy(this.exp.dataStart + at, from.exp.dataStart, bytes);
    this.length = need;
  }

  @inline kind(i: i32): TK {
    return <TK>(unchecked(this.kf[i]) & 0xff);
  }
  @inline flags(i: i32): i32 {
    return unchecked(this.kf[i]) >>> 8;
  }
  @inline setFlags(i: i32, flags: i32): void {
    unchecked((this.kf[i] = (unchecked(this.kf[i]) & 0xff) | (flags << 8)));
  }

  /** Drops everything from index `n` on. */
  @inline truncate(n: i32): void {
    this.length = n;
  }
}

function widened(a: Int32Array, cap: i32, n: i32): Int32Array {
  const b = new Int32Array(cap);
  memory.copy(b.dataStart, a.dataStart, (<usize>n) << 2);
  return b;
}

/** A growable i32 list without bounds checks on the hot path. */
export class IntVec {
  data: Int32Array;
  length: i32 = 0;
  constructor(capacity: i32 = 64) {
    this.data = new Int32Array(capacity);
  }
  @inline push(v: i32): void {
    if (this.length == this.data.length) this.grow();
    unchecked((this.data[this.length] = v));
    this.length++;
  }
  private grow(): void {
    this.data = widened(this.data, this.data.length << 1, this.length);
  }
  /** Becomes a copy of the first `n` values of `from`. */
  copyPrefix(from: IntVec, n: i32): void {
    if (this.data.length < n) this.data = new Int32Array(n);
    memory.copy(this.data.dataStart, from.data.dataStart, (<usize>n) << 2);
    this.length = n;
  }
  @inline get(i: i32): i32 {
    return unchecked(this.data[i]);
  }
  @inline set(i: i32, v: i32): void {
    unchecked((this.data[i] = v));
  }
  @inline pop(): i32 {
    this.length--;
    return unchecked(this.data[this.length]);
  }
  @inline last(): i32 {
    return unchecked(this.data[this.length - 1]);
  }
  @inline truncate(n: i32): void {
    this.length = n;
  }
  clear(): void {
    this.length = 0;
  }
  includes(v: i32): bool {
    for (let i = 0; i < this.length; i++) if (unchecked(this.data[i]) == v) return true;
    return false;
  }
}

/** The digraph spelling of a punctuator atom flagged DIGRAPH (`[` → `<:`). */
export function digraphSpelling(canonical: string): string {
  if (canonical == "[") return "<:";
  if (canonical == "]") return ":>";
  if (canonical == "{") return "<%";
  if (canonical == "}") return "%>";
  if (canonical == "#") return "%:";
  if (canonical == "##") return "%:%:";
  return canonical;
}
