// Macro definitions: what `#define` makes of its line (C11 6.10.3, gcc's create_iso_definition
// with its diagnostics word for word), and the built-in macros.

import { Atoms, Name } from "./atoms";
import { LexedFile } from "./lex";
import { SourceFile } from "./filecache";
import { digraphSpelling, packKF, TF, TK } from "./pptoken";

/** Macros the preprocessor computes itself. */
export enum Builtin {
  None = 0,
  File,
  Line,
  Counter,
  BaseFile,
  IncludeLevel,
  Date,
  Time,
  Timestamp,
  FileName,
  Pragma,
  HasInclude,
  HasIncludeNext,
  HasAttribute,
  HasCppAttribute,
  HasBuiltin,
  HasCAttribute,
}

/** A problem in a #define line: gcc's text and the token it points at (-1: the line end). */
export class DefineProblem {
  constructor(
    public text: string,
    public tok: i32,
    public warning: bool,
  ) {}
}

/** One macro definition. Body tokens are kept in columns; a parameter in the body is a
 *  MacroArg token whose atom is the parameter's index. */
/** What a macro without parameters or body holds (shared: never written, as it has no room). */
const NONE = new StaticArray<i32>(0);

export class MacroDef {
  name: i32 = 0;
  funLike: bool = false;
  variadic: bool = false;
  params: StaticArray<i32> = NONE;
  count: i32 = 0;
  kf: StaticArray<i32> = NONE;
  atom: StaticArray<i32> = NONE;
  /** Token index of each body token in the defining file (-1 for command-line text). */
  tok: StaticArray<i32> = NONE;
  /** Parameters whose arguments are macro-expanded before substitution, in the order gcc
   *  expands them (first plain use in the body). */
  order: StaticArray<i32> = NONE;
  /** Whether __VA_OPT__ appears in the body. */
  vaOpt: bool = false;
  builtin: Builtin = Builtin.None;
  /** Where it is defined (null for built-ins) and the token index of its name there. */
  src: SourceFile | null = null;
  nameTok: i32 = -1;
  /** A definition that is the translation unit's own (KBUILD_MODNAME, __BASE_FILE__): the
   *  run notes its look-ups, and a checkpoint taken before any may serve other units. */
  watched: bool = false;
  /** Why the definition failed (no macro is defined then), and warnings it gave. */
  error: DefineProblem | null = null;
  /** Made on the first warning: most definitions have none. */
  warnings: DefineProblem[] | null = null;

  warn(p: DefineProblem): void {
    if (this.warnings == null) this.warnings = [];
    (this.warnings as DefineProblem[]).push(p);
  }

  get paramCount(): i32 {
    return this.params.length;
  }

  /** The definition as `NAME(params) body`, spelled from its tokens. */
  text(atoms: Atoms, max: i32): string {
    const parts: string[] = [atoms.text(this.name)];
    let len = parts[0].length;
    if (this.funLike) {
      parts.push("(");
      for (let i = 0; i < this.params.length; i++) {
        if (i > 0) parts.push(", ");
        const p = this.params[i];
        if (this.variadic && i == this.params.length - 1) parts.push(p == Name.VaArgs ? "..." : atoms.text(p) + "...");
        else parts.push(atoms.text(p));
      }
      parts.push(")");
    }
    for (let i = 0; i < this.count && len < max; i++) {
      const kf = this.kf[i];
      const f = kf >>> 8;
      const s = this.spell(atoms, i);
      const piece = (i == 0 || (f & TF.PREV_WHITE) != 0 ? " " : "") + ((f & TF.STRINGIFY_ARG) != 0 ? "#" : "") + s + ((f & TF.PASTE_LEFT) != 0 ? " ##" : "");
      parts.push(piece);
      len += piece.length;
    }
    const out = parts.join("");
    return out.length > max ? out.substring(0, max) + "…" : out;
  }

  /** The spelling of body token `i` (a parameter by its name). */
  spell(atoms: Atoms, i: i32): string {
    const kf = this.kf[i];
    if ((kf & 0xff) == TK.MacroArg) return atoms.text(this.params[this.atom[i]]);
    const s = atoms.text(this.atom[i]);
    return ((kf >>> 8) & TF.DIGRAPH) != 0 ? digraphSpelling(s) : s;
  }
}

/** A built-in macro. */
export function builtinMacro(name: i32, kind: Builtin): MacroDef {
  const m = new MacroDef();
  m.name = name;
  m.builtin = kind;
  return m;
}

/** Whether two definitions are the same (C11 6.10.3p2; gcc compares flags too). */
export function sameDefinition(a: MacroDef, b: MacroDef): bool {
  if (a === b) return true;
  if (a.builtin != b.builtin || a.funLike != b.funLike || a.variadic != b.variadic || a.params.length != b.params.length || a.count != b.count) return false;
  for (let i = 0; i < a.params.length; i++) if (a.params[i] != b.params[i]) return false;
  for (let i = 0; i < a.count; i++) if (a.kf[i] != b.kf[i] || a.atom[i] != b.atom[i]) return false;
  return true;
}

/** Parses the #define whose `#` is token `h` of `sf` (the directive name is at h+1). */
export function parseDefine(sf: SourceFile, h: i32, atoms: Atoms): MacroDef {
  const f = sf.lexed;
  const end = f.lineEnd(h);
  const m = new MacroDef();
  m.src = sf;
  let i = h + 2;
  if (i >= end) {
    m.error = new DefineProblem("no macro name given in #define directive", -1, false);
    return m;
  }
  if (f.kind(i) != TK.Ident) {
    m.error = new DefineProblem("macro names must be identifiers", i, false);
    return m;
  }
  if (unchecked(f.atom[i]) == Name.Defined) {
    m.error = new DefineProblem('"defined" cannot be used as a macro name', i, false);
    return m;
  }
  m.name = unchecked(f.atom[i]);
  m.nameTok = i;
  i++;
  const params: i32[] = [];
  if (i < end && isPunct(f, i, Name.LParen) && (f.flags(i) & TF.PREV_WHITE) == 0) {
    m.funLike = true;
    i = parseParams(f, i + 1, end, params, m, atoms);
    if (m.error != null) return m;
  } else if (i < end && (f.flags(i) & TF.PREV_WHITE) == 0) {
    m.warn(new DefineProblem("ISO C99 requires whitespace after the macro name", i, true));
  }
  m.params = toStatic(params);
  parseBody(f, i, end, m);
  return m;
}

function isPunct(f: LexedFile, i: i32, a: Name): bool {
  return f.kind(i) == TK.Punct && unchecked(f.atom[i]) == a;
}

function toStatic(list: i32[]): StaticArray<i32> {
  const s = new StaticArray<i32>(list.length);
  for (let i = 0; i < list.length; i++) s[i] = list[i];
  return s;
}

/** gcc's parse_params: `(` already read. Returns the index after `)`. */
function parseParams(f: LexedFile, start: i32, end: i32, params: i32[], m: MacroDef, atoms: Atoms): i32 {
  let prevIdent = false;
  let i = start;
  while (true) {
    const eof = i >= end;
    const kind = eof ? TK.Eof : f.kind(i);
    const atom = eof ? 0 : unchecked(f.atom[i]);
    let bad = false;
    if (kind == TK.Ident) {
      if (prevIdent || m.variadic) bad = true;
      else {
        if (params.includes(atom)) {
          m.error = new DefineProblem('duplicate macro parameter "' + atomText(f, i, atoms) + '"', i, false);
          return i;
        }
        params.push(atom);
        prevIdent = true;
      }
    } else if (kind == TK.Punct && atom == Name.RParen && (prevIdent || params.length == 0 || m.variadic)) {
      return i + 1;
    } else if (kind == TK.Punct && (atom == Name.RParen || atom == Name.Comma)) {
      if (!prevIdent || m.variadic) bad = true;
      else prevIdent = false;
    } else if (kind == TK.Punct && atom == Name.Ellipsis) {
      if (m.variadic) bad = true;
      else {
        m.variadic = true;
        if (!prevIdent) params.push(Name.VaArgs);
      }
    } else bad = true;
    if (bad) {
      let text: string;
      if (m.variadic) text = "expected ')' after \"...\"";
      else if (eof) text = prevIdent ? "expected ')' before end of line" : "expected parameter name before end of line";
      else text = prevIdent ? "expected ',' or ')', found \"" + atomText(f, i, atoms) + '"' : 'expected parameter name, found "' + atomText(f, i, atoms) + '"';
      m.error = new DefineProblem(text, eof ? -1 : i, false);
      return i;
    }
    i++;
  }
}

function atomText(f: LexedFile, i: i32, atoms: Atoms): string {
  const s = atoms.text(unchecked(f.atom[i]));
  return (f.flags(i) & TF.DIGRAPH) != 0 ? digraphSpelling(s) : s;
}

/** gcc's body rules: parameters, `#` before a parameter, `##` not at either end, and the
 *  __VA_OPT__ syntax of variadic macros. */
function parseBody(f: LexedFile, start: i32, end: i32, m: MacroDef): void {
  const kf: i32[] = [];
  const at: i32[] = [];
  const tk: i32[] = [];
  let followingPaste = false;
  // __VA_OPT__ state as gcc's vaopt_state: 0 outside, 1 after __VA_OPT__, 2 after its "(",
  // 3+ inside (paren depth + 2)
  let vaState = 0;
  let vaTok = -1;
  let vaLastPaste = false;
  for (let i = start; i < end; i++) {
    let kind = f.kind(i);
    let flags = f.flags(i) & (TF.PREV_WHITE | TF.DIGRAPH);
    let atom = unchecked(f.atom[i]);
    if (kind == TK.Ident) {
      const p = m.params.indexOf(atom);
      if (p >= 0) {
        kind = TK.MacroArg;
        atom = p;
      } else if (atom == Name.VaArgs && !(m.variadic && m.params.length > 0 && m.params[m.params.length - 1] == Name.VaArgs)) {
        m.warn(new DefineProblem("__VA_ARGS__ can only appear in the expansion of a C99 variadic macro", i, true));
      }
    }
    // `#` followed by a parameter (or __VA_OPT__) in a function-like macro
    if (kind == TK.Punct && atom == Name.Hash && m.funLike) {
      const nx = i + 1;
      const isParam =
        nx < end && f.kind(nx) == TK.Ident && (m.params.indexOf(unchecked(f.atom[nx])) >= 0 || (m.variadic && unchecked(f.atom[nx]) == Name.VaOpt));
      if (!isParam) {
        m.error = new DefineProblem("'#' is not followed by a macro parameter", i, false);
        return;
      }
      const pa = unchecked(f.atom[nx]);
      const p = m.params.indexOf(pa);
      if (p >= 0) {
        kf.push(packKF(TK.MacroArg, TF.STRINGIFY_ARG | (flags & TF.PREV_WHITE)));
        at.push(p);
        tk.push(nx);
        i = nx;
        followingPaste = false;
        continue;
      }
      // `#__VA_OPT__`: the __VA_OPT__ token carries the stringify flag
      flags = (flags & TF.PREV_WHITE) | TF.STRINGIFY_ARG;
      kind = TK.Ident;
      atom = Name.VaOpt;
      i = nx;
    }
    if (kind == TK.Punct && atom == Name.HashHash) {
      if (kf.length == 0) {
        m.error = new DefineProblem("'##' cannot appear at either end of a macro expansion", i, false);
        return;
      }
      if (vaState == 2) {
        m.error = new DefineProblem("'##' cannot appear at either end of __VA_OPT__", i, false);
        return;
      }
      if (!followingPaste) kf[kf.length - 1] |= TF.PASTE_LEFT << 8;
      followingPaste = true;
      if (vaState >= 3) vaLastPaste = true;
      continue;
    }
    followingPaste = false;
    if (m.variadic) {
      if (kind == TK.Ident && atom == Name.VaOpt) {
        if (vaState > 0) {
          m.error = new DefineProblem("__VA_OPT__ may not appear in a __VA_OPT__", i, false);
          return;
        }
        vaState = 1;
        vaTok = i;
        m.vaOpt = true;
      } else if (vaState == 1) {
        if (!(kind == TK.Punct && atom == Name.LParen)) {
          m.error = new DefineProblem("__VA_OPT__ must be followed by an open parenthesis", vaTok, false);
          return;
        }
        vaState = 2;
      } else if (vaState >= 2) {
        if (vaState == 2) vaState = 3;
        const wasPaste = vaLastPaste;
        vaLastPaste = false;
        if (kind == TK.Punct && atom == Name.LParen) vaState++;
        else if (kind == TK.Punct && atom == Name.RParen) {
          vaState--;
          if (vaState == 2) {
            vaState = 0;
            if (wasPaste) {
              m.error = new DefineProblem("'##' cannot appear at either end of __VA_OPT__", i, false);
              return;
            }
          }
        }
      }
    }
    kf.push(packKF(kind, flags));
    at.push(atom);
    tk.push(i);
  }
  if (followingPaste) {
    m.error = new DefineProblem("'##' cannot appear at either end of a macro expansion", end - 1, false);
    return;
  }
  if (m.variadic && vaState != 0) {
    m.error = new DefineProblem("unterminated __VA_OPT__", vaTok, false);
    return;
  }
  if (kf.length > 0) kf[0] &= ~(TF.PREV_WHITE << 8);
  m.count = kf.length;
  m.kf = toStatic(kf);
  m.atom = toStatic(at);
  m.tok = toStatic(tk);
  // arguments expanded before substitution: not stringified, not an operand of ##
  const order: i32[] = [];
  for (let i = 0; i < m.count; i++) {
    const k = m.kf[i];
    if ((k & 0xff) != TK.MacroArg) continue;
    const fl = k >>> 8;
    if ((fl & (TF.STRINGIFY_ARG | TF.PASTE_LEFT)) != 0) continue;
    if (i > 0 && ((m.kf[i - 1] >>> 8) & TF.PASTE_LEFT) != 0) continue;
    if (!order.includes(m.atom[i])) order.push(m.atom[i]);
  }
  m.order = toStatic(order);
}
