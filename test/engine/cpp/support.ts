// Helpers for the preprocessor tests: one engine for the file, the C tokens of a text (to
// compare results token for token, whatever the spacing), and a one-call preprocess.

import { createNodeEngine } from "../../../src/engine/hosts/node";
import type { Engine, PreprocessOptions, PreprocessResult, WorkspaceFiles } from "../../../src/engine";

let engine: Engine | null = null;

export async function cppEngine(): Promise<Engine> {
  engine ??= await createNodeEngine();
  return engine;
}

// one token at a time, sticky: strings and characters, pp-numbers, identifiers,
// punctuators longest first, any other character
const TOKEN =
  /\s*(?:((?:u8|[LuU])?"(?:[^"\\\n]|\\.)*"|[LuU]?'(?:[^'\\\n]|\\.)*'|\.?[0-9](?:[eEpP][+-]|[0-9a-zA-Z_.])*|[A-Za-z_$][A-Za-z0-9_$]*|%:%:|\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[*/%+\-&^|]=|##|<:|:>|<%|%>|%:)|(\S))/y;

/** The preprocessing tokens of C text (comments are not expected). */
export function ctokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) out.push(m[1] ?? m[2]);
  return out;
}

/** Preprocesses `files` (the main file is main.c unless given). */
export async function pp(files: WorkspaceFiles | string, options: Partial<PreprocessOptions> = {}): Promise<PreprocessResult> {
  const e = await cppEngine();
  const ws = typeof files === "string" ? { "main.c": files } : files;
  return e.preprocess(ws, { main: "main.c", ...options });
}

/** The result's tokens as text, one space apart. */
export function out(r: PreprocessResult): string {
  return ctokens(r.text ?? "").join(" ");
}

/** Expected text as tokens one space apart. */
export function norm(s: string): string {
  return ctokens(s).join(" ");
}

/** The diagnostics as gcc prints their first line. */
export function messages(r: PreprocessResult): string[] {
  return r.diagnostics.map((d) => `${d.file}:${d.line}: ${d.severity}: ${d.text}`);
}
