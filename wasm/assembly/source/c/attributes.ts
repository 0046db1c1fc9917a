// GNU attributes that decide what gcc emits or references (gcc's "Common Function
// Attributes" and "Common Variable Attributes"): used, alias, section, error/warning,
// no_instrument_function, always_inline, gnu_inline, weak, noreturn, cleanup, alloc_size. Every other
// attribute is read past.

import { stringBody } from "../lexer";
import { EF } from "./entities";
import { K } from "./names";
import { CK, CTokens } from "./tokens";
import { parseNumber } from "./values";

/** What the attributes of one declaration say. */
export class Attrs {
  flags: i32 = 0;
  /** alias("x"): the atom of x, or -1. */
  alias: i32 = -1;
  /** cleanup(f): the atom of f, or -1. */
  cleanup: i32 = -1;
  cleanupTok: i32 = -1;
  section: string = "";
  /** aligned(N) (0: none), packed. */
  aligned: i32 = 0;
  packed: bool = false;
  /** alloc_size(a[, b]): the 1-based parameters whose product is the size of the object the
   *  function returns (a | b << 8; 0: none). */
  allocSize: i32 = 0;

  /** Takes o's attributes over. */
  copyFrom(o: Attrs): void {
    this.flags = o.flags;
    this.alias = o.alias;
    this.cleanup = o.cleanup;
    this.cleanupTok = o.cleanupTok;
    this.section = o.section;
    this.aligned = o.aligned;
    this.packed = o.packed;
    this.allocSize = o.allocSize;
  }

  reset(): void {
    this.flags = 0;
    this.alias = -1;
    this.cleanup = -1;
    this.cleanupTok = -1;
    this.section = "";
    this.aligned = 0;
    this.packed = false;
    this.allocSize = 0;
  }
}

/** The index of the token that closes the group opened at `open` (the End token when the
 *  input ends first). Any bracket kind counts, as in a skimming read. */
export function matchClose(t: CTokens, open: i32, limit: i32): i32 {
  let depth = 0;
  const last = limit - 1;
  for (let j = open; j < limit; j++) {
    const k = t.kindAt(j);
    if (k == CK.End) return j;
    if (k != CK.Punct) continue;
    const a = t.atomAt(j);
    if (a == K.LParen || a == K.LBracket || a == K.LBrace) depth++;
    else if (a == K.RParen || a == K.RBracket || a == K.RBrace) {
      depth--;
      if (depth <= 0) return j;
    }
  }
  return last;
}

/** The `(`, `[` or `{` that the `)`, `]` or `}` at `close` closes, or -1. */
export function matchOpen(t: CTokens, close: i32): i32 {
  let depth = 0;
  for (let j = close; j >= 0; j--) {
    if (t.kindAt(j) != CK.Punct) continue;
    const a = t.atomAt(j);
    if (a == K.RParen || a == K.RBracket || a == K.RBrace) depth++;
    else if (a == K.LParen || a == K.LBracket || a == K.LBrace) {
      if (--depth == 0) return j;
    }
  }
  return -1;
}

/** The first token of each comma-separated item of the list in parentheses at `open`
 *  (closed at `close`), and `close + 1` after the last. */
export function listItems(t: CTokens, open: i32, close: i32): i32[] {
  const out: i32[] = [open + 1];
  let depth = 0;
  for (let j = open + 1; j < close; j++) {
    if (t.kindAt(j) != CK.Punct) continue;
    const a = t.atomAt(j);
    if (a == K.LParen || a == K.LBracket || a == K.LBrace) depth++;
    else if (a == K.RParen || a == K.RBracket || a == K.RBrace) depth--;
    else if (a == K.Comma && depth == 0) out.push(j + 1);
  }
  out.push(close + 1);
  return out;
}

/** The text of the string literals in [a, b), concatenated (escapes kept). */
export function stringsIn(t: CTokens, a: i32, b: i32): string {
  const parts: string[] = [];
  for (let j = a; j < b; j++) if (t.kindAt(j) == CK.String) parts.push(stringBody(t.text(j)));
  return parts.join("");
}

/** Reads `__attribute__ ((...))` whose keyword is token i; returns the index after it. */
export function readAttribute(t: CTokens, i: i32, limit: i32, into: Attrs): i32 {
  const open = i + 1;
  if (open >= limit || t.atomAt(open) != K.LParen || t.kindAt(open) != CK.Punct) return open;
  const close = matchClose(t, open, limit);
  let depth = 0;
  for (let j = open; j < close; j++) {
    const k = t.kindAt(j);
    if (k == CK.Punct) {
      const p = t.atomAt(j);
      if (p == K.LParen || p == K.LBracket || p == K.LBrace) depth++;
      else if (p == K.RParen || p == K.RBracket || p == K.RBrace) depth--;
      continue;
    }
    if (k != CK.Ident || depth != 2) continue;
    // an attribute name at the top of the list; its arguments, if any, follow in parens
    const name = t.atomAt(j);
    let argsEnd = j + 1;
    if (j + 1 < close && t.kindAt(j + 1) == CK.Punct && t.atomAt(j + 1) == K.LParen) argsEnd = matchClose(t, j + 1, close + 1);
    applyAttribute(t, name, j + 1, argsEnd, into);
  }
  return close + 1;
}

function applyAttribute(t: CTokens, name: i32, a: i32, b: i32, into: Attrs): void {
  switch (name) {
    case K.AUsed:
      into.flags |= EF.USED;
      break;
    case K.AAlias: {
      const s = stringsIn(t, a, b);
      if (s.length > 0) into.alias = t.names.intern(s);
      break;
    }
    case K.ASection: {
      const s = stringsIn(t, a, b);
      into.section = s;
      if (s.startsWith(".exit.text")) into.flags |= EF.EXIT_SECTION;
      if (s == ".modinfo") into.flags |= EF.MODINFO;
      break;
    }
    case K.AError:
    case K.AWarning:
      into.flags |= EF.DIAGNOSE;
      break;
    case K.ANoInstrument:
      into.flags |= EF.NOTRACE;
      break;
    case K.AAlwaysInline:
      into.flags |= EF.ALWAYS_INLINE;
      break;
    case K.AGnuInline:
      into.flags |= EF.GNU_INLINE;
      break;
    case K.TNoinline:
      into.flags |= EF.NOINLINE;
      break;
    case K.AWeak:
      into.flags |= EF.WEAK;
      break;
    case K.ANoreturn:
      into.flags |= EF.NORETURN;
      break;
    case K.AAligned: {
      // aligned without a number is the target's biggest alignment (16 on x86-64)
      let n: i64 = 16;
      for (let j = a; j < b; j++)
        if (t.kindAt(j) == CK.Number) {
          n = parseNumber(t.text(j));
          break;
        }
      if (n > into.aligned && n <= 4096) into.aligned = <i32>n;
      break;
    }
    case K.APacked:
      into.packed = true;
      break;
    case K.AAllocSize: {
      let shift = 0;
      for (let j = a; j < b && shift <= 8; j++)
        if (t.kindAt(j) == CK.Number) {
          const n = parseNumber(t.text(j));
          if (n > 0 && n < 256) into.allocSize |= (<i32>n) << shift;
          shift += 8;
        }
      break;
    }
    case K.ACleanup: {
      for (let j = a; j < b; j++)
        if (t.kindAt(j) == CK.Ident) {
          into.cleanup = t.atomAt(j);
          into.cleanupTok = j;
          break;
        }
      break;
    }
    default:
      break;
  }
}
