// The C reader: a translation unit's tokens in, the module facts out (module.ts). File
// scope is read once; then the walks follow what gcc -O2 would emit (reach.ts).

import { Msg, Severity, Stage } from "../../../shared/codes";
import { Finding } from "../../diagnostics";
import { CompilerModel } from "./compiler";
import { Facts } from "./facts";
import { FileScope } from "./filescope";
import { MacroArg, moduleNameOf, ModuleSource } from "./module";
import { Reach } from "./reach";
import { Expressions } from "./expressions";
import { CTokens, spanOf } from "./tokens";
import { reportedMissingMembers } from "./nomember";
import { unprototypedDefinitions } from "./prototypes";
import { reportedUndeclared } from "./undeclared";
import { Walker } from "./walker";
import { dropFileScope, keepFileScope, readerKey, Resumed, resumeFileScope } from "./checkpoint";

/** How to read a translation unit. */
export class ReaderOptions {
  /** DEFAULT_SYMBOL_NAMESPACE from Kbuild's flags (a toy file's exports take it). */
  defaultNs: MacroArg | null = null;
  /** The symbols gcc adds by itself, or null to leave them out (toy files). */
  compiler: CompilerModel | null = null;
  /** Read with the kernel's real headers, all found: a name nothing declares is gcc's error. */
  reportUndeclared: bool = false;
}

/** Reads the translation unit `t`, whose main file is the workspace file `file`. */
export function readC(t: CTokens, file: string, options: ReaderOptions): ModuleSource {
  const compiler = options.compiler;
  Expressions.lateAllocatorMembers = compiler != null && compiler.lateAllocatorMembers;
  Expressions.strictFlexArrays = compiler != null && compiler.strictFlexArrays;
  // file scope up to the end of the tokens this run shares with the next is kept, and taken
  // from the last run when it shared them too (checkpoint.ts)
  const key = t.prefixId != 0 ? readerKey(file, t, options.defaultNs) : "";
  const resumed = t.prefixId != 0 ? resumeFileScope(t, key) : null;
  let mod: ModuleSource, w: Walker, facts: Facts;
  Expressions.startUnit();
  if (resumed != null) {
    const r = resumed as Resumed;
    mod = r.mod;
    w = r.w;
    facts = r.facts;
    new FileScope(w, facts, mod).run(r.at);
  } else {
    mod = new ModuleSource(file, moduleNameOf(file));
    mod.expanded = t.expanded;
    w = new Walker(t);
    facts = new Facts(w, mod, options.defaultNs);
    const scope = new FileScope(w, facts, mod);
    if (t.prefixId != 0) {
      const at = scope.run(0, t.prefixLength);
      if (at >= 0) {
        keepFileScope(t, key, at, facts);
        scope.run(at);
      } else dropFileScope();
    } else scope.run();
  }
  w.reportUndeclared = options.reportUndeclared;
  w.undeclared.clear();
  w.missingMembers.clear();
  new Reach(w, mod, facts, options.compiler).run();
  if (options.reportUndeclared) {
    mod.undeclared = reportedUndeclared(w);
    mod.missingMembers = reportedMissingMembers(w);
    mod.unprototyped = unprototypedDefinitions(w);
  }
  for (let k = 0; k < w.issues.length; k++) {
    const is = w.issues[k];
    mod.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_UNBALANCED, is.message, spanOf(t, is.tok, is.tok), mod.name));
  }
  return mod;
}
