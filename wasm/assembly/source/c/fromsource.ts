// Source text as the C reader's input when no preprocessor runs: the toy lexer's tokens,
// with gcc's linemarkers (`# 12 "include/linux/mm.h" 1`, as `gcc -E` writes them) moving
// tokens to the file and line they came from, and `#if 0` regions dropped. Other
// directives stay as Directive tokens for the reader (`#define DEFAULT_SYMBOL_NAMESPACE`).

import { lexC, LexIssue, Tok, Token } from "../lexer";
import { Names } from "./names";
import { CK, CTokens, TokenSink } from "./tokens";

/** A directive's name and the rest of its text (`#  define X 1` → "define", "X 1"). */
export function splitDirective(text: string): string[] {
  const body = text.substring(1).trim();
  let j = 0;
  while (j < body.length && isWordChar(body.charCodeAt(j))) j++;
  return [body.substring(0, j), body.substring(j).trim()];
}

function isWordChar(c: i32): bool { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || (c >= 48 && c <= 57); }

function isDigits(s: string): bool {
  if (s.length == 0) return false;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return true;
}

/** `# N "file" flags` or `#line N "file"`: [N, file] (file "" when absent), or null. */
function lineMarker(text: string): string[] | null {
  const d = splitDirective(text);
  let rest = "";
  if (d[0] == "line") rest = d[1];
  else if (isDigits(d[0])) rest = d[0] + " " + d[1];
  else return null;
  let j = 0;
  while (j < rest.length && rest.charCodeAt(j) >= 48 && rest.charCodeAt(j) <= 57) j++;
  const num = rest.substring(0, j);
  if (num.length == 0) return null;
  const tail = rest.substring(j).trim();
  let file = "";
  if (tail.startsWith("\"")) {
    const q = tail.indexOf("\"", 1);
    file = q > 0 ? tail.substring(1, q) : tail.substring(1);
  }
  return [num, file];
}

/** Whether a directive opens a region that is never compiled (`#if 0`). */
function opensDeadRegion(d: string[]): bool {
  if (d[0] != "if") return false;
  const r = d[1];
  return r == "0" || r.startsWith("0 ") || r.startsWith("0/") || r == "(0)";
}

/** Tokens of one source file. `file` is the workspace name the main file's spans use. */
export function tokensFromSource(names: Names, file: string, src: string, issues: LexIssue[]): CTokens {
  const lexed = lexC(src, issues);
  const sink = new TokenSink(names, lexed.length + 1);
  const main = sink.fileIndex(file);
  sink.out.mainFile = main;
  let cur = main;
  let offset = 0; // presumed line = physical line + offset
  let sawMarker = false;
  let dead = 0; // nesting inside an `#if 0` region
  let last: Token | null = null;
  for (let i = 0; i < lexed.length; i++) {
    const t = lexed[i];
    if (t.kind == Tok.End) { last = t; break; }
    if (t.kind == Tok.Directive) {
      const d = splitDirective(t.text);
      if (dead > 0) {
        if (d[0].startsWith("if")) dead++;
        else if (d[0] == "endif") dead--;
        else if (dead == 1 && (d[0] == "else" || d[0].startsWith("elif"))) dead = 0;
        continue;
      }
      if (opensDeadRegion(d)) { dead = 1; continue; }
      const m = lineMarker(t.text);
      if (m != null) {
        const name = m[1];
        if (name.length > 0) {
          // the first marker names the file gcc compiled: that is the workspace file
          if (!sawMarker) sink.registerAlias(name, main);
          cur = sink.fileIndex(name);
        }
        sawMarker = true;
        offset = I32.parseInt(m[0]) - (t.endLine + 1);
        continue;
      }
      sink.push(CK.Directive, t.text, cur, t.line + offset, t.col, t.endLine + offset, t.endCol, 0);
      continue;
    }
    if (dead > 0) continue;
    const kind = t.kind == Tok.Ident ? CK.Ident : t.kind == Tok.Number ? CK.Number : t.kind == Tok.String ? CK.String : t.kind == Tok.Char ? CK.Char : CK.Punct;
    sink.push(kind, t.text, cur, t.line + offset, t.col, t.endLine + offset, t.endCol, 0);
  }
  sink.out.expanded = sawMarker;
  const endLine = last != null ? (last as Token).line : 1;
  const endCol = last != null ? (last as Token).col : 1;
  return sink.finish(endLine, endCol);
}
