// The preprocessor's output as the C reader's tokens (source/c/tokens.ts). A translation
// unit's tokens before its checkpoint (cpp/checkpoint.ts: the end of the main file's leading
// #includes) are the same in every run that starts there, and with real headers they are
// nearly all of them: the conversion of the file being edited is kept (from its second run,
// the first that resumed), and a run resumed at the same checkpoint converts only the tokens
// after it.

import { Origin } from "../cpp/include";
import { PPResult } from "../cpp/result";
import { TF, TK, TokVec } from "../cpp/pptoken";
import { PRELUDE_DIR, PRELUDE_SHOWN } from "../prelude/index";
import { CK, CTokens, Names, TokenSink } from "./c/index";
import { inPack, PACK_DIR, PACK_SHOWN } from "./headerpack";

const PRELUDE_PREFIX = PRELUDE_DIR + "/";

let lastConvertedId = 0;

/** A file's last conversion: its sink, and where it stood at the run's checkpoint. */
class Converted {
  /** Told apart from every other conversion (CTokens.prefixId). */
  id: i32 = ++lastConvertedId;
  constructor(
    public checkpoint: i32,
    public ppTokens: i32,
    public sink: TokenSink,
    public cTokens: i32,
    public line: i32,
    public col: i32,
  ) {}
}

/** How many files keep their conversion: one, the file being edited (a unit read with real
 *  headers holds a million tokens; keeping four ran batch checks out of memory). */
const MAX_KEPT = 1;
const kept = new Map<string, Converted>();

/** The preprocessor's tokens as the C reader's, each placed where the user sees it; an
 *  intercepted export macro becomes the marker the prelude's export.h would have made.
 *  `key` names the unit (its file and object): its next run may reuse this conversion. */
export function tokensOf(res: PPResult, main: string, key: string): CTokens {
  let sink: TokenSink;
  let from = 0;
  let lastLine = 1,
    lastCol = 1;
  const old = kept.has(key) ? kept.get(key) : null;
  if (old != null && res.resumed && res.checkpoint == old.checkpoint && res.checkpointTokens == old.ppTokens) {
    // every token before the checkpoint is as the last run made it: keep them, drop the rest
    sink = old.sink;
    sink.out.length = old.cTokens;
    from = old.ppTokens;
    lastLine = old.line;
    lastCol = old.col;
  } else {
    sink = new TokenSink(new Names(), res.tokens.length + 16);
  }
  const fileIds = new Int32Array(res.files.length);
  // a header of the prelude is named as gcc names the kernel's (./include/linux/pwm.h)
  for (let i = 0; i < res.files.length; i++) {
    const system = res.files[i].origin == Origin.System;
    fileIds[i] = sink.fileIndex(system ? shownName(res, i) : res.files[i].path, system);
  }
  sink.out.mainFile = sink.fileIndex(main);
  // names no header defined (a toy file's __init, its macros as written) are read leniently,
  // as the toy reader does: only undeclared names are, so real code reads the same
  sink.out.expanded = false;
  const v = res.tokens;
  // the C reader's name of each preprocessor atom met so far (-1: not yet)
  const cAtoms = new Int32Array(res.atoms.count);
  cAtoms.fill(-1);
  let mark: Converted | null = null;
  const x = res.expansions;
  const s = new StaticArray<i32>(4);
  let lastTop = -1;
  for (let i = from; i < v.length; i++) {
    if (i == res.checkpointTokens && res.checkpoint != 0) mark = new Converted(res.checkpoint, i, sink, sink.out.length, lastLine, lastCol);
    const k = v.kind(i);
    if (k == TK.Padding || k == TK.Eof) continue;
    // a token of the main file (a macro's argument too) where it is written, as gcc places
    // its diagnostics; any other token of an expansion at the invocation in the user's file
    const own = unchecked(v.file[i]);
    const spelled = own >= 0 && own < res.files.length && res.files[own].origin == Origin.Main && unchecked(v.tok[i]) >= 0;
    const e = unchecked(v.exp[i]);
    let f = own;
    if (spelled || e == 0) {
      copySpan(res.where(own, unchecked(v.tok[i])), s);
      lastTop = -1;
    } else {
      // the tokens of one invocation follow each other and share its span
      const top = x.top.get(e);
      if (top != lastTop) {
        copySpan(res.invocationSpan(top), s);
        lastTop = top;
      }
      f = x.startFile.get(top);
    }
    const file = f >= 0 && f < res.files.length ? fileIds[f] : sink.out.mainFile;
    if (k == TK.Intrinsic) {
      pushExportCall(res, sink, v, i, file, s);
      continue;
    }
    // each spelling is interned once a run, not once a token
    const ppAtom = unchecked(v.atom[i]);
    const cached = ppAtom >= 0 && ppAtom < cAtoms.length && (v.flags(i) & TF.DIGRAPH) == 0;
    let atom = cached ? unchecked(cAtoms[ppAtom]) : -1;
    if (atom < 0) {
      atom = sink.out.names.intern(res.spell(v, i));
      if (cached) unchecked((cAtoms[ppAtom] = atom));
    }
    sink.pushAtom(kindOf(k), atom, file, s[0], s[1], s[2], s[3], e);
    lastLine = s[2];
    lastCol = s[3];
  }
  if (from > 0) mark = old;
  else if (mark == null && res.checkpoint != 0 && res.checkpointTokens == v.length)
    mark = new Converted(res.checkpoint, v.length, sink, sink.out.length, lastLine, lastCol);
  // only a file run again from its checkpoint (an edit) keeps its tokens: a batch of files
  // run once each (ksymns check --source over many drivers) would only pay for the memory
  if (!res.resumed) mark = null;
  if (mark != null) {
    if (!kept.has(key) && kept.size >= MAX_KEPT) kept.delete(kept.keys()[0]);
    kept.set(key, mark as Converted);
  } else kept.delete(key);
  // a run that kept the tokens of its unit's last run before the mark: the reader may keep
  // its file scope there too (not in a unit's first run from a checkpoint, which may be
  // another unit's: a batch of files run once each would pay for copies never used)
  sink.out.prefixId = from > 0 ? (old as Converted).id : 0;
  sink.out.prefixLength = from > 0 ? (old as Converted).cTokens : 0;
  return sink.finish(lastLine, lastCol);
}

function copySpan(from: StaticArray<i32>, to: StaticArray<i32>): void {
  unchecked((to[0] = from[0]));
  unchecked((to[1] = from[1]));
  unchecked((to[2] = from[2]));
  unchecked((to[3] = from[3]));
}

function kindOf(k: TK): CK {
  switch (k) {
    case TK.Ident:
      return CK.Ident;
    case TK.Number:
      return CK.Number;
    case TK.Char:
      return CK.Char;
    case TK.String:
    case TK.HeaderName:
      return CK.String;
    default:
      return CK.Punct;
  }
}

/** `EXPORT_SYMBOL(sym)` that no header defined: as written, or with the namespace that
 *  DEFAULT_SYMBOL_NAMESPACE held there, as `__ksymns_export_default(EXPORT_SYMBOL, sym, ns)`. */
function pushExportCall(res: PPResult, sink: TokenSink, v: TokVec, i: i32, file: i32, s: StaticArray<i32>): void {
  const call = res.calls[unchecked(v.tok[i])];
  const name = res.atoms.text(call.name);
  const l = s[0],
    c = s[1],
    el = s[2],
    ec = s[3];
  const exp = unchecked(v.exp[i]);
  const hasDefault = call.snapStart.length > 0 && call.snapStart[0] >= 0;
  if (hasDefault) {
    sink.push(CK.Ident, "__ksymns_export_default", file, l, c, el, ec, exp);
    sink.push(CK.Punct, "(", file, l, c, el, ec, exp);
    sink.push(CK.Ident, name, file, l, c, el, ec, exp);
    sink.push(CK.Punct, ",", file, l, c, el, ec, exp);
  } else {
    sink.push(CK.Ident, name, file, l, c, el, ec, exp);
    sink.push(CK.Punct, "(", file, l, c, el, ec, exp);
  }
  for (let a = 0; a < call.rawStart.length; a++) {
    if (a > 0) sink.push(CK.Punct, ",", file, l, c, el, ec, exp);
    pushSide(res, sink, call.rawStart[a], call.rawEnd[a], file, s);
  }
  if (hasDefault) {
    sink.push(CK.Punct, ",", file, l, c, el, ec, exp);
    pushSide(res, sink, call.snapStart[0], call.snapEnd[0], file, s);
  }
  sink.push(CK.Punct, ")", file, l, c, el, ec, exp);
}

/** Tokens [a, b) of the intrinsic calls' side table, at their own places when they have one. */
function pushSide(res: PPResult, sink: TokenSink, a: i32, b: i32, file: i32, at: StaticArray<i32>): void {
  const side = res.side;
  const l = at[0],
    c = at[1],
    el = at[2],
    ec = at[3];
  for (let j = a; j < b; j++) {
    const k = side.kind(j);
    if (k == TK.Padding || k == TK.Eof) continue;
    const f = res.spanFile(side, j);
    if (f >= 0 && f < res.files.length) {
      const s = res.span(side, j);
      if (s[0] > 0) {
        const name = res.files[f].origin == Origin.System ? shownName(res, f) : res.files[f].path;
        sink.push(kindOf(k), res.spell(side, j), sink.fileIndex(name), s[0], s[1], s[2], s[3], unchecked(side.exp[j]));
        continue;
      }
    }
    sink.push(kindOf(k), res.spell(side, j), file, l, c, el, ec, 0);
  }
}

/** The name gcc gives file `f` in messages (the prelude as kbuild's ./include). */
export function shownName(res: PPResult, f: i32): string {
  const n = res.files[f].name;
  if (inPack(n)) return PACK_SHOWN + n.substring(PACK_DIR.length);
  return n.startsWith(PRELUDE_PREFIX) ? PRELUDE_SHOWN + n.substring(PRELUDE_DIR.length) : n;
}
