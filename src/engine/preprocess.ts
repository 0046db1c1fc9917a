// The C preprocessor's narrow test ABI (wasm/assembly/cpp/packed.ts) as a typed call: the
// options become the engine's `key=value` lines, the JSON result (format 1) these types.

export interface PreprocessOptions {
  /** The main file (a workspace path). */
  main: string;
  /** -include files, in order. */
  include?: string[];
  /** -D (`NAME`, `NAME=value`) and -U (`-NAME`) in command-line order. */
  defines?: string[];
  /** -iquote, -I (and -isystem), -idirafter directories, in order. */
  iquote?: string[];
  includeDirs?: string[];
  idirafter?: string[];
  /** Path prefixes whose files count as system (prelude, header packs). */
  system?: string[];
  /** gcc's predefined macros as #define lines ("<built-in>"). */
  predefined?: string;
  /** "gcc-kbuild": the engine's table of what gcc 12 predefines and answers for kbuild's
   *  x86_64 flags (wasm/assembly/cpp/gcc.ts), instead of `predefined` and the __has_ tables. */
  compiler?: "gcc-kbuild";
  /** Names intercepted as intrinsics: `NAME` (object-like) or `NAME()`, optionally
   *  `;main,workspace` (origins whose own #define wins). */
  intrinsics?: string[];
  /** Macros whose expansion each intrinsic call records. */
  snapshots?: string[];
  /** -fmacro-prefix-map pairs `OLD=NEW` for __FILE__ and __BASE_FILE__. */
  macroPrefixMap?: string[];
  /** __has_attribute / __has_builtin answers. */
  attributes?: Record<string, number>;
  builtins?: Record<string, number>;
  warnUndef?: boolean;
  /** false: go on after a missing header (to learn all of them). */
  stopAtFatal?: boolean;
  /** false: leave the token list / the text out of the result. */
  tokens?: boolean;
  text?: boolean;
  /** false: leave the definitions out of the result. */
  definitions?: boolean;
  invocations?: boolean;
  /** false: never start at the previous run's checkpoint. */
  resume?: boolean;
  /** Names among `defines` whose values are the unit's own (kbuild's KBUILD_MODNAME): a
   *  checkpoint taken before any use of them also serves another main file of the same
   *  folder whose leading directives are the same. */
  unitDefines?: string[];
}

export interface PPRange {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface PPDiagnostic extends PPRange {
  code: string;
  severity: "error" | "warning" | "note" | "fatal error";
  text: string;
  /** gcc's "In file included from …:" lines ("" in the main file). */
  chain: string;
  /** The macro expansions the place is inside, innermost first. */
  expansion: { macro: string; file?: string; line?: number }[];
}

export interface PreprocessResult {
  format: 1;
  stopped: boolean;
  errors: number;
  files: { path: string; name: string; origin: "main" | "workspace" | "system" | "builtin"; includer: string; includeLine: number }[];
  /** The tokens, a space between two where the source had whitespace or they would
   *  otherwise read as one (absent with `text: false`). */
  text?: string;
  tokenCount: number;
  /** [kind, text, file, line, col, endLine, endCol, expansion record] */
  tokens?: [string, string, string, number, number, number, number, number][];
  diagnostics: PPDiagnostic[];
  droppedDiagnostics: number;
  inactive: { file: string; startLine: number; endLine: number }[];
  includes: { from: string; line: number; spelling: string; angled: boolean; next: boolean; probe: boolean; resolved: string | null; skipped: boolean }[];
  definitions: (PPRange & { name: string; funLike: boolean; variadic: boolean; params: string[]; text: string })[];
  macros: string[];
  invocations: (PPRange & { macro: string; text: string })[];
  calls: (PPRange & { name: string; args: { raw: string; expanded: string }[]; snapshots: (string | null)[] })[];
  pragmas: { file: string; line: number; text: string }[];
  /** `resumed`: the run started at a checkpoint (after the leading directives of this main
   *  file, or of another one that shares them: see unitDefines), nothing before it having
   *  changed. */
  stats: { lexedFiles: number; cachedFiles: number; expansions: number; work: number; resumed: boolean };
}

/** The option lines the engine reads. */
export function preprocessOptionsText(o: PreprocessOptions): string {
  const lines = [`main=${o.main}`];
  for (const f of o.include ?? []) lines.push(`include=${f}`);
  for (const d of o.defines ?? []) lines.push(d.startsWith("-") ? `U=${d.slice(1)}` : `D=${d}`);
  for (const d of o.iquote ?? []) lines.push(`iquote=${d}`);
  for (const d of o.includeDirs ?? []) lines.push(`I=${d}`);
  for (const d of o.idirafter ?? []) lines.push(`idirafter=${d}`);
  for (const d of o.system ?? []) lines.push(`system=${d}`);
  if (o.compiler) lines.push(`compiler=${o.compiler}`);
  for (const l of (o.predefined ?? "").split("\n")) if (l.trim()) lines.push(`predefined=${l}`);
  for (const i of o.intrinsics ?? []) lines.push(`intrinsic=${i}`);
  for (const s of o.snapshots ?? []) lines.push(`snapshot=${s}`);
  for (const m of o.macroPrefixMap ?? []) lines.push(`macroPrefixMap=${m}`);
  for (const [k, v] of Object.entries(o.attributes ?? {})) lines.push(`attribute=${k}=${v}`);
  for (const [k, v] of Object.entries(o.builtins ?? {})) lines.push(`builtin=${k}=${v}`);
  if (o.warnUndef) lines.push("warnUndef=1");
  if (o.stopAtFatal === false) lines.push("stopAtFatal=0");
  if (o.tokens === false) lines.push("tokens=0");
  if (o.text === false) lines.push("text=0");
  if (o.definitions === false) lines.push("definitions=0");
  if (o.invocations === false) lines.push("invocations=0");
  if (o.resume === false) lines.push("resume=0");
  for (const u of o.unitDefines ?? []) lines.push(`unit=${u}`);
  return lines.join("\n");
}
