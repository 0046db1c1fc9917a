// The C reader's input: a translation unit's tokens in parallel columns (kind, atom, file,
// span, expansion record), filled through a TokenSink by either the toy lexer adapter
// (source text, linemarkers honoured) or the preprocessor's output. Columns, not objects:
// an expanded driver holds a million tokens.

import { Span } from "../../diagnostics";
import { Names } from "./names";

/** What a token is. `Directive` tokens exist only in toy input (no preprocessor ran). */
export enum CK {
  Ident = 0,
  Number,
  Char,
  String,
  Punct,
  Directive,
  End,
}

function widened(a: Int32Array, cap: i32, n: i32): Int32Array {
  const b = new Int32Array(cap);
  for (let i = 0; i < n; i++) unchecked((b[i] = a[i]));
  return b;
}

/** A translation unit's tokens. `file` indexes `files`; the span is where the token is
 *  written, or for a token of a macro expansion, where the outermost invocation is written;
 *  `exp` is the preprocessor's expansion record (0: written in a file). The last token is End. */
export class CTokens {
  kind: Int32Array;
  atom: Int32Array;
  file: Int32Array;
  line: Int32Array;
  col: Int32Array;
  endLine: Int32Array;
  endCol: Int32Array;
  exp: Int32Array;
  length: i32 = 0;
  files: string[] = [];
  /** The file the user wrote (index into files): its tokens are the module's own code. */
  mainFile: i32 = 0;
  /** The files of the kernel and the compiler (index into files), not the workspace's. */
  systemFiles: Set<i32> = new Set();
  /** True when the input came from a preprocessor (gcc -E text or the engine's own). */
  expanded: bool = false;
  /** Tokens [0, prefixLength) are those of every run whose tokens carry the same prefixId
   *  (0: none such): the reader may resume its file scope after them (checkpoint.ts). */
  prefixId: i32 = 0;
  prefixLength: i32 = 0;

  constructor(
    public names: Names,
    capacity: i32,
  ) {
    const c = capacity < 16 ? 16 : capacity;
    this.kind = new Int32Array(c);
    this.atom = new Int32Array(c);
    this.file = new Int32Array(c);
    this.line = new Int32Array(c);
    this.col = new Int32Array(c);
    this.endLine = new Int32Array(c);
    this.endCol = new Int32Array(c);
    this.exp = new Int32Array(c);
  }

  grow(): void {
    const cap = this.kind.length << 1;
    const n = this.length;
    this.kind = widened(this.kind, cap, n);
    this.atom = widened(this.atom, cap, n);
    this.file = widened(this.file, cap, n);
    this.line = widened(this.line, cap, n);
    this.col = widened(this.col, cap, n);
    this.endLine = widened(this.endLine, cap, n);
    this.endCol = widened(this.endCol, cap, n);
    this.exp = widened(this.exp, cap, n);
  }

  /** The spelling of token i. */
  @inline text(i: i32): string {
    return this.names.text(this.atomAt(i));
  }
  /** The kind of token i; any index past the end reads as the End token. */
  @inline kindAt(i: i32): CK {
    return i < this.length && i >= 0 ? <CK>unchecked(this.kind[i]) : CK.End;
  }
  @inline atomAt(i: i32): i32 {
    return i < this.length && i >= 0 ? unchecked(this.atom[i]) : 0;
  }
}

/** Fills a CTokens. Producers push tokens in order and finish once. */
export class TokenSink {
  out: CTokens;
  private fileIds: Map<string, i32> = new Map();

  constructor(names: Names, capacity: i32 = 1024) {
    this.out = new CTokens(names, capacity);
  }

  /** The index of a file name (added on first use). */
  fileIndex(name: string, system: bool = false): i32 {
    if (this.fileIds.has(name)) return this.fileIds.get(name);
    const id = this.out.files.length;
    this.out.files.push(name);
    if (system) this.out.systemFiles.add(id);
    this.fileIds.set(name, id);
    return id;
  }

  /** Makes `name` another name of file `index` (gcc's path of the workspace file). */
  registerAlias(name: string, index: i32): void {
    if (!this.fileIds.has(name)) this.fileIds.set(name, index);
  }

  /** Appends one token; `text` is its spelling (strings keep their quotes). */
  push(kind: CK, text: string, file: i32, line: i32, col: i32, endLine: i32, endCol: i32, exp: i32): void {
    this.pushAtom(kind, this.out.names.intern(text), file, line, col, endLine, endCol, exp);
  }

  /** Appends one token whose spelling is already interned. */
  pushAtom(kind: CK, atom: i32, file: i32, line: i32, col: i32, endLine: i32, endCol: i32, exp: i32): void {
    const t = this.out;
    if (t.length == t.kind.length) t.grow();
    const i = t.length;
    unchecked((t.kind[i] = <i32>kind));
    unchecked((t.atom[i] = atom));
    unchecked((t.file[i] = file));
    unchecked((t.line[i] = line));
    unchecked((t.col[i] = col));
    unchecked((t.endLine[i] = endLine));
    unchecked((t.endCol[i] = endCol));
    unchecked((t.exp[i] = exp));
    t.length = i + 1;
  }

  /** Closes the stream with its End token and returns it. */
  finish(line: i32, col: i32): CTokens {
    this.pushAtom(CK.End, 0, this.out.mainFile, line, col, line, col, 0);
    return this.out;
  }
}

/** The span from token a's start to token b's end (b's file must be a's to extend it). */
export function spanOf(t: CTokens, a: i32, b: i32): Span {
  const fa = t.file[a];
  const name = fa >= 0 && fa < t.files.length ? t.files[fa] : "";
  if (t.file[b] != fa || t.line[b] < t.line[a]) return new Span(name, t.line[a], t.col[a], t.endLine[a], t.endCol[a]);
  return new Span(name, t.line[a], t.col[a], t.endLine[b], t.endCol[b]);
}
