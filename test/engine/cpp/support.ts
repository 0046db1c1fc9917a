// Helpers for the preprocessor tests: one engine for the file, the C tokens of a text (to
// compare results token for token, whatever the spacing), and a one-call preprocess.

import { createNodeEngine } from "../../../src/engine/node";
import type { Engine, PreprocessOptions, PreprocessResult, WorkspaceFiles } from "../../../src/engine";

let engine: Engine | null = null;

export async function cppEngine(): Promise<Engine> {
  engine ??= await createNodeEngine();
  return engine;
}

const PUNCT = ["%:%:", "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:"];

/** The preprocessing tokens of C text (comments are not expected). */
export function ctokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    let m = /^(?:u8|[LuU])?"(?:[^"\\\n]|\\.)*"/.exec(text.slice(i)) ?? /^(?:[LuU])?'(?:[^'\\\n]|\\.)*'/.exec(text.slice(i));
    if (!m) m = /^\.?[0-9](?:[eEpP][+-]|[0-9a-zA-Z_.])*/.exec(text.slice(i));
    if (!m) m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i));
    if (m) { out.push(m[0]); i += m[0].length; continue; }
    const p = PUNCT.find((q) => text.startsWith(q, i));
    out.push(p ?? c);
    i += p ? p.length : 1;
  }
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
