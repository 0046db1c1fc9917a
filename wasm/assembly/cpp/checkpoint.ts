// Resuming a translation unit after the main file's leading directives, which pull in most
// of a driver's tokens while edits land below them: the state there, and whether the next
// run may start from it (same options, same text before it, same files found). A checkpoint
// taken before anything that is the unit's own was looked up (KBUILD_MODNAME, __BASE_FILE__)
// also starts the other units of its folder that begin with the same lines: a workspace's
// modules then read `#include <linux/module.h>` once.

import { MacroDef } from "./macros";
import { ResolvedFile } from "./include";
import { LexedFile } from "./lex";
import { SourceFile } from "./filecache";
import { TF, TK } from "./pptoken";
import { Name } from "./atoms";
import { PPResult } from "./result";

/** The token index after the main file's leading directives (and comments) at conditional
 *  depth 0, or -1 when the file does not start with an #include. */
export function leadingDirectivesEnd(lx: LexedFile): i32 {
  let i = 0;
  let depth = 0;
  let best = -1;
  let sawInclude = false;
  while (i < lx.count) {
    if (!(lx.kind(i) == TK.Punct && unchecked(lx.atom[i]) == Name.Hash && (lx.flags(i) & TF.BOL) != 0)) break;
    const end = lx.lineEnd(i);
    const d = i + 1 < end && lx.kind(i + 1) == TK.Ident ? unchecked(lx.atom[i + 1]) : -1;
    if (d == Name.If || d == Name.Ifdef || d == Name.Ifndef) depth++;
    else if (d == Name.Endif) depth--;
    else if (d == Name.Include || d == Name.IncludeNext || d == Name.Import) sawInclude = true;
    i = end;
    if (depth == 0 && sawInclude) best = i;
  }
  return best < lx.count ? best : -1;
}

let lastCheckpointId = 0;

/** What a run was at its checkpoint. */
export class Checkpoint {
  /** Told apart from every other checkpoint of this engine. */
  id: i32 = ++lastCheckpointId;
  /** The result whose first entries are the checkpoint's (never changed afterwards). */
  res: PPResult;
  nTokens: i32;
  nSide: i32;
  nCalls: i32;
  nExpansions: i32;
  nIncludes: i32;
  nInactive: i32;
  nDefinitions: i32;
  nPragmas: i32;
  nDiagnostics: i32;
  nFiles: i32;
  errorCount: i32;
  dropped: i32;
  macros: Array<MacroDef | null>;
  counter: i32 = 0;
  work: i64 = 0;
  once: string[] = [];
  pushedNames: i32[] = [];
  pushedDefs: Array<Array<MacroDef | null>> = [];
  lineDelta: i32 = 0;
  presumed: string = "";
  /** The forced include files as they were read. */
  forced: ResolvedFile[] = [];
  /** The file system's layout then (FileSystem.layout). */
  layout: string = "";
  /** The predefined text, and the main file's name, then. */
  predefined: string = "";
  mainName: string = "";
  /** PPOptions.sharedKey when the folder's other units may start here too, else "". */
  sharedKey: string = "";
  /** The define-only files included, and how many of them each name was looked up in. */
  tables: SourceFile[] = [];
  tableSeen: Int32Array = new Int32Array(0);

  constructor(
    /** The options the run had (see optionsKey). */
    public key: string,
    /** The main file's tokens then, and where the run resumes in them. */
    public main: LexedFile,
    public tok: i32,
    res: PPResult,
    macros: Array<MacroDef | null>,
  ) {
    this.res = res;
    this.nTokens = res.tokens.length;
    this.nSide = res.side.length;
    this.nCalls = res.calls.length;
    this.nExpansions = res.expansions.count;
    this.nIncludes = res.includes.length;
    this.nInactive = res.inactive.length;
    this.nDefinitions = res.definitions.length;
    this.nPragmas = res.pragmas.length;
    this.nDiagnostics = res.diagnostics.length;
    this.nFiles = res.files.length;
    this.errorCount = res.errorCount;
    this.dropped = res.droppedDiagnostics;
    this.macros = macros.slice(0);
  }

  /** Whether the new main text leaves everything before the checkpoint's line as it was. */
  sameMainPrefix(text: string): bool {
    const old = this.main.text;
    const line = unchecked(this.main.line[this.tok]);
    // the first difference must lie on the checkpoint token's line or later: the token
    // starts its line, so every token before it is in the unchanged text
    const n = old.length < text.length ? old.length : text.length;
    let p = 0;
    const a = changetype<usize>(old),
      b = changetype<usize>(text);
    while (p < n && load<u16>(a + ((<usize>p) << 1)) == load<u16>(b + ((<usize>p) << 1))) p++;
    if (p == old.length && p == text.length) return true;
    let lines = 1;
    for (let i = 0; i < p; i++) {
      const c = load<u16>(a + ((<usize>i) << 1));
      if (c == 10 || (c == 13 && (i + 1 >= old.length || load<u16>(a + ((<usize>(i + 1)) << 1)) != 10))) lines++;
    }
    return lines >= line;
  }

  /** Copies the checkpoint's part of its result into `res` (a fresh result). */
  copyInto(res: PPResult): void {
    const from = this.res;
    res.tokens.appendPrefix(from.tokens, this.nTokens);
    res.side.appendPrefix(from.side, this.nSide);
    for (let i = 0; i < this.nCalls; i++) res.calls.push(from.calls[i]);
    res.expansions.copyPrefix(from.expansions, this.nExpansions);
    for (let i = 0; i < this.nIncludes; i++) res.includes.push(from.includes[i]);
    for (let i = 0; i < this.nInactive; i++) res.inactive.push(from.inactive[i]);
    for (let i = 0; i < this.nDefinitions; i++) res.definitions.push(from.definitions[i]);
    for (let i = 0; i < this.nPragmas; i++) res.pragmas.push(from.pragmas[i]);
    for (let i = 0; i < this.nDiagnostics; i++) res.diagnostics.push(from.diagnostics[i]);
    for (let i = 0; i < this.nFiles; i++) res.files.push(from.files[i]);
    res.errorCount = this.errorCount;
    res.droppedDiagnostics = this.dropped;
  }
}
