// The C reader's public surface: tokens in (a TokenSink, or source text through the toy
// lexer), module facts out.

export { CK, CTokens, TokenSink } from "./tokens";
export { Names } from "./names";
export { readC, ReaderOptions } from "./reader";
export { displayColumn, suggestionFor } from "./undeclared";
export { CompilerModel } from "./compiler";
export {
  AsmPart,
  AsmRef,
  argFromText,
  CompilerMessage,
  MacroUse,
  PreprocessedView,
  ExportDecl,
  ImportDecl,
  MacroArg,
  MissingMember,
  moduleNameOf,
  ModuleSource,
  SymbolRef,
  UndeclaredUse,
  Unprototyped,
} from "./module";
