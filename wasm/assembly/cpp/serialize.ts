// The preprocessor's result as JSON, for the engine's narrow test ABI (preprocessFiles)
// and for tools; the engine's own stages read PPResult directly.

import { PP_CODE_NAMES, PP_SEVERITY_NAMES } from "./diagnostic";
import { Origin } from "./include";
import { MacroDef } from "./macros";
import { TokVec } from "./pptoken";
import { PPResult } from "./result";
import { JsonWriter } from "../util/json";

/** Format version of this JSON. */
export const PP_JSON_FORMAT = 1;

/** Tokens listed at most (the rest are counted in `tokensOmitted`): the JSON of a
 *  translation unit at the 4-million-token limit would not fit the engine's memory. */
export const MAX_JSON_TOKENS = 1_000_000;

const ORIGIN_NAMES: string[] = ["main", "workspace", "system", "builtin"];
const KIND_NAMES: string[] = ["ident", "number", "char", "string", "punct", "other", "header", "intrinsic", "padding", "eof", "param"];

function fileName(res: PPResult, f: i32): string {
  return f >= 0 && f < res.files.length ? res.files[f].path : "";
}

function tokensText(res: PPResult, v: TokVec, from: i32, to: i32): string {
  return res.textOf(v, from, to);
}

function writeDefinition(w: JsonWriter, res: PPResult, m: MacroDef): void {
  w.beginObject();
  w.keyStr("name", res.atoms.text(m.name));
  const f = m.src == null ? -1 : m.src!.index;
  w.keyStr("file", fileName(res, f));
  const at = res.where(f, m.nameTok);
  w.keyInt("line", at[0]);
  w.keyInt("col", at[1]);
  w.keyInt("endLine", at[2]);
  w.keyInt("endCol", at[3]);
  w.keyBool("funLike", m.funLike);
  w.keyBool("variadic", m.variadic);
  w.key("params");
  w.beginArray();
  for (let i = 0; i < m.params.length; i++) w.str(res.atoms.text(m.params[i]));
  w.endArray();
  w.keyStr("text", m.text(res.atoms, 4000));
  w.endObject();
}

/** The whole result as JSON; `withTokens` / `withText` false leave the token list / the
 *  text out (both large for a real translation unit). */
export function resultJson(res: PPResult, withTokens: bool, withText: bool = true, withDefinitions: bool = true): string {
  const w = new JsonWriter();
  const x = res.expansions;
  w.beginObject();
  w.keyInt("format", PP_JSON_FORMAT);
  w.keyBool("stopped", res.stopped);
  w.keyInt("errors", res.errorCount);
  w.key("files");
  w.beginArray();
  for (let i = 0; i < res.files.length; i++) {
    const f = res.files[i];
    w.beginObject();
    w.keyStr("path", f.path);
    w.keyStr("name", f.name);
    w.keyStr("origin", ORIGIN_NAMES[f.origin]);
    w.keyStr("includer", fileName(res, f.includer));
    w.keyInt("includeLine", f.includeLine);
    w.endObject();
  }
  w.endArray();
  if (withText) w.keyStr("text", res.text());
  w.keyInt("tokenCount", res.tokens.length);
  if (withTokens) {
    // [kind, text, file, line, col, endLine, endCol, expansion]
    w.key("tokens");
    w.beginArray();
    const t = res.tokens;
    const n = t.length < MAX_JSON_TOKENS ? t.length : MAX_JSON_TOKENS;
    for (let i = 0; i < n; i++) {
      const s = res.span(t, i);
      w.beginArray();
      w.str(KIND_NAMES[t.kind(i)]);
      w.str(res.spell(t, i));
      w.str(fileName(res, res.spanFile(t, i)));
      w.int(s[0]);
      w.int(s[1]);
      w.int(s[2]);
      w.int(s[3]);
      w.int(unchecked(t.exp[i]));
      w.endArray();
    }
    w.endArray();
    w.keyInt("tokensOmitted", t.length - n);
  }
  w.key("diagnostics");
  w.beginArray();
  for (let i = 0; i < res.diagnostics.length; i++) {
    const d = res.diagnostics[i];
    w.beginObject();
    w.keyStr("code", PP_CODE_NAMES[d.code]);
    w.keyStr("severity", PP_SEVERITY_NAMES[d.severity]);
    w.keyStr("text", d.text);
    w.keyStr("file", fileName(res, d.file));
    w.keyInt("line", d.line);
    w.keyInt("col", d.col);
    w.keyInt("endLine", d.endLine);
    w.keyInt("endCol", d.endCol);
    w.keyStr("chain", d.chain);
    w.key("expansion");
    w.beginArray();
    let e = d.expansion;
    let guard = 0;
    while (e > 0 && guard++ < 64) {
      const def = x.def[e];
      w.beginObject();
      w.keyStr("macro", res.atoms.text(x.name.get(e)));
      if (def != null && def.src != null) {
        const f = def.src!.index;
        w.keyStr("file", fileName(res, f));
        w.keyInt("line", res.where(f, def.nameTok)[0]);
      }
      w.endObject();
      e = x.parent.get(e);
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  w.keyInt("droppedDiagnostics", res.droppedDiagnostics);
  w.key("inactive");
  w.beginArray();
  for (let i = 0; i < res.inactive.length; i++) {
    const r = res.inactive[i];
    w.beginObject();
    w.keyStr("file", fileName(res, r.file));
    w.keyInt("startLine", r.startLine);
    w.keyInt("endLine", r.endLine);
    w.endObject();
  }
  w.endArray();
  w.key("includes");
  w.beginArray();
  for (let i = 0; i < res.includes.length; i++) {
    const e = res.includes[i];
    w.beginObject();
    w.keyStr("from", fileName(res, e.from));
    w.keyInt("line", e.line);
    w.keyStr("spelling", e.spelling);
    w.keyBool("angled", e.angled);
    w.keyBool("next", e.next);
    w.keyBool("probe", e.probe);
    if (e.resolved >= 0) w.keyStr("resolved", fileName(res, e.resolved));
    else {
      w.key("resolved");
      w.nul();
    }
    w.keyBool("skipped", e.skipped);
    w.endObject();
  }
  w.endArray();
  // definitions written in the main and workspace files (the result holds all of them)
  w.key("definitions");
  w.beginArray();
  for (let i = 0; withDefinitions && i < res.definitions.length; i++) {
    const m = res.definitions[i];
    const f = m.src == null ? -1 : m.src!.index;
    if (f < 0 || (res.files[f].origin != Origin.Main && res.files[f].origin != Origin.Workspace)) continue;
    writeDefinition(w, res, m);
  }
  w.endArray();
  // macros left defined by the main and workspace files and the command line
  w.key("macros");
  w.beginArray();
  for (let i = 0; i < res.macrosAtEnd.length; i++) {
    const m = res.macrosAtEnd[i];
    const f = m.src == null ? -1 : m.src!.index;
    if (f < 0 || res.files[f].origin == Origin.System || res.files[f].path == "<built-in>") continue;
    w.str(res.atoms.text(m.name));
  }
  w.endArray();
  w.keyInt("macroCount", res.macrosAtEnd.length);
  w.key("invocations");
  w.beginArray();
  for (let i = 0; i < res.invocations.length; i++) {
    const inv = res.invocations[i];
    const r = inv.record;
    const s = res.invocationSpan(r);
    w.beginObject();
    w.keyStr("macro", res.atoms.text(x.name.get(r)));
    w.keyStr("file", fileName(res, x.startFile.get(r)));
    w.keyInt("line", s[0]);
    w.keyInt("col", s[1]);
    w.keyInt("endLine", s[2]);
    w.keyInt("endCol", s[3]);
    w.keyStr("text", inv.text);
    w.endObject();
  }
  w.endArray();
  w.key("calls");
  w.beginArray();
  for (let i = 0; i < res.calls.length; i++) {
    const c = res.calls[i];
    const s = res.invocationSpan(x.top.get(c.record));
    w.beginObject();
    w.keyStr("name", res.atoms.text(c.name));
    w.keyStr("file", fileName(res, x.startFile.get(x.top.get(c.record))));
    w.keyInt("line", s[0]);
    w.keyInt("col", s[1]);
    w.keyInt("endLine", s[2]);
    w.keyInt("endCol", s[3]);
    w.key("args");
    w.beginArray();
    for (let j = 0; j < c.rawStart.length; j++) {
      w.beginObject();
      w.keyStr("raw", tokensText(res, res.side, c.rawStart[j], c.rawEnd[j]));
      w.keyStr("expanded", tokensText(res, res.side, c.expStart[j], c.expEnd[j]));
      w.endObject();
    }
    w.endArray();
    w.key("snapshots");
    w.beginArray();
    for (let j = 0; j < c.snapStart.length; j++) {
      if (c.snapStart[j] < 0) w.nul();
      else w.str(tokensText(res, res.side, c.snapStart[j], c.snapEnd[j]));
    }
    w.endArray();
    w.endObject();
  }
  w.endArray();
  w.key("pragmas");
  w.beginArray();
  for (let i = 0; i < res.pragmas.length; i++) {
    const p = res.pragmas[i];
    w.beginObject();
    w.keyStr("file", fileName(res, p.file));
    w.keyInt("line", p.line);
    w.keyStr("text", p.text);
    w.endObject();
  }
  w.endArray();
  w.key("stats");
  w.beginObject();
  w.keyInt("lexedFiles", res.lexedFiles);
  w.keyInt("cachedFiles", res.cachedFiles);
  w.keyInt("expansions", x.count - 1);
  w.keyInt("work", res.work);
  w.keyBool("resumed", res.resumed);
  w.endObject();
  w.endObject();
  return w.toString();
}
