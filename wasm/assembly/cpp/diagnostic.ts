// What the preprocessor says about its input, as values: gcc's words, the place, and the
// "In file included from" chain gcc prints before it.

/** Every diagnostic the preprocessor gives. */
export enum PPCode {
  ERROR_DIRECTIVE = 0,
  WARNING_DIRECTIVE,
  INCLUDE_NOT_FOUND,
  INCLUDE_DEPTH,
  INCLUDE_SYNTAX,
  INCLUDE_NEXT_IN_MAIN,
  UNTERMINATED_IF,
  ELSE_AFTER_ELSE,
  ELIF_AFTER_ELSE,
  UNBALANCED_ENDIF,
  UNBALANCED_ELSE,
  CONDITIONAL_BEGAN_HERE,
  EXTRA_TOKENS,
  BAD_DIRECTIVE,
  BAD_DEFINE,
  DEFINE_WARNING,
  REDEFINED,
  PREVIOUS_DEFINITION,
  MACRO_ARGS_COUNT,
  MACRO_DEFINED_HERE,
  UNTERMINATED_ARGS,
  BAD_PASTE,
  BAD_STRINGIFY,
  IF_SYNTAX,
  IF_DIVISION_BY_ZERO,
  IF_OVERFLOW,
  IF_UNDEFINED_IDENTIFIER,
  IF_NUMBER,
  BUILTIN_MISUSE,
  BAD_LINE,
  BAD_PRAGMA,
  PRAGMA_ONCE_IN_MAIN,
  UNTERMINATED_COMMENT,
  UNTERMINATED_LITERAL,
  LIMIT_EXCEEDED,
  COUNT,
}

/** The string form of each PPCode, in enum order. */
export const PP_CODE_NAMES: string[] = [
  "ERROR_DIRECTIVE",
  "WARNING_DIRECTIVE",
  "INCLUDE_NOT_FOUND",
  "INCLUDE_DEPTH",
  "INCLUDE_SYNTAX",
  "INCLUDE_NEXT_IN_MAIN",
  "UNTERMINATED_IF",
  "ELSE_AFTER_ELSE",
  "ELIF_AFTER_ELSE",
  "UNBALANCED_ENDIF",
  "UNBALANCED_ELSE",
  "CONDITIONAL_BEGAN_HERE",
  "EXTRA_TOKENS",
  "BAD_DIRECTIVE",
  "BAD_DEFINE",
  "DEFINE_WARNING",
  "REDEFINED",
  "PREVIOUS_DEFINITION",
  "MACRO_ARGS_COUNT",
  "MACRO_DEFINED_HERE",
  "UNTERMINATED_ARGS",
  "BAD_PASTE",
  "BAD_STRINGIFY",
  "IF_SYNTAX",
  "IF_DIVISION_BY_ZERO",
  "IF_OVERFLOW",
  "IF_UNDEFINED_IDENTIFIER",
  "IF_NUMBER",
  "BUILTIN_MISUSE",
  "BAD_LINE",
  "BAD_PRAGMA",
  "PRAGMA_ONCE_IN_MAIN",
  "UNTERMINATED_COMMENT",
  "UNTERMINATED_LITERAL",
  "LIMIT_EXCEEDED",
];

/** gcc's levels: an error fails the compilation, a fatal error stops it, a note belongs to
 *  the diagnostic before it. */
export enum PPSeverity {
  Error = 0,
  Warning = 1,
  Note = 2,
  Fatal = 3,
}

export const PP_SEVERITY_NAMES: string[] = ["error", "warning", "note", "fatal error"];

/** One diagnostic. `file` is the translation unit's file index (-1: none, e.g. a limit);
 *  `chain` is gcc's "In file included from" prefix ("" in the main file); `expansion` the
 *  expansion record the place is inside (0: none). */
export class PPDiagnostic {
  chain: string = "";
  expansion: i32 = 0;
  /** An #error inside a conditional whose condition read a name no macro defines as 0. */
  underUndefinedName: bool = false;
  constructor(
    public code: PPCode,
    public severity: PPSeverity,
    public text: string,
    public file: i32,
    public line: i32,
    public col: i32,
    public endLine: i32,
    public endCol: i32,
  ) {}
}
