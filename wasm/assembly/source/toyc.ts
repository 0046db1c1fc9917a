// A workspace C file read without a preprocessor: the toy lexer's tokens (or, for a file
// that `gcc -E` wrote, its tokens moved to the files its linemarkers name) through the
// declaration-aware C reader (c/). The reader's types are re-exported for the build.

import { Severity, Stage, Msg } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { lexC, LexIssue } from "./lexer";
import { CompilerModel, MacroArg, ModuleSource, Names, readC, ReaderOptions } from "./c/index";

export {
  AsmPart,
  AsmRef,
  argFromText,
  ExportDecl,
  ImportDecl,
  MacroArg,
  MissingMember,
  moduleNameOf,
  ModuleSource,
  SymbolRef,
  UndeclaredUse,
  Unprototyped,
} from "./c/index";

/** Reads one C file. `defaultNs` is DEFAULT_SYMBOL_NAMESPACE from Kbuild flags, if any. */
export function readToyC(file: string, src: string, defaultNs: MacroArg | null): ModuleSource {
  const issues: LexIssue[] = [];
  const tokens = lexC(new Names(), file, src, issues);
  const options = new ReaderOptions();
  options.defaultNs = defaultNs;
  // a preprocessed translation unit is compiled as kbuild compiles it: gcc adds its own symbols
  if (tokens.expanded) options.compiler = CompilerModel.debian();
  const mod = readC(tokens, file, options);
  for (let i = 0; i < issues.length; i++) {
    mod.findings.unshift(new Finding(Stage.Read, Severity.Warning, Msg.READ_UNBALANCED, issues[i].message, Span.at(file, issues[i].line)));
  }
  return mod;
}
