// Quick fixes, built only from what the engine's result carries: which module misses which
// namespace (build.modules[].missingNamespaces), where `make nsdeps` would add the import
// (model.modules[].importInsertLine), and which findings say a namespace argument has the
// wrong form. The form itself comes from the engine (namespaceForm); no kernel rule is decided here.

import type { Finding, ModelModule, RunResult, WorkspaceFiles } from "../engine";
import { writeNamespace, type NamespaceForm } from "../engine";
import { fileMap } from "../store";

/** A replacement of a range (1-based, end column exclusive) of one file. */
export interface TextEdit {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  text: string;
}

/** One quick fix: a title and the edits it makes, applied as one undoable step. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

/** What fixes are built from: the result, the files it was computed from, the kernel's namespace form. */
export interface FixContext {
  result: RunResult;
  files: WorkspaceFiles;
  form: NamespaceForm | null;
}

function lines(ctx: FixContext, file: string): string[] {
  const text = Object.hasOwn(ctx.files, file) ? ctx.files[file] : undefined;
  return typeof text === "string" ? text.split("\n") : [];
}

/** The text a finding's range covers (single- or multi-line). */
function rangeText(ctx: FixContext, r: { file: string; line: number; col: number; endLine: number; endCol: number }): string {
  const ls = lines(ctx, r.file);
  if (r.line === r.endLine) return (ls[r.line - 1] ?? "").slice(r.col - 1, r.endCol - 1);
  return [ls[r.line - 1]?.slice(r.col - 1) ?? "", ...ls.slice(r.line, r.endLine - 1), ls[r.endLine - 1]?.slice(0, r.endCol - 1) ?? ""].join("\n");
}

/** An edit inserting whole `text` lines before line `line` (or after the last line). */
function insertLines(ctx: FixContext, file: string, line: number, text: string): TextEdit {
  const ls = lines(ctx, file);
  if (line <= ls.length) return { file, line, col: 1, endLine: line, endCol: 1, text: text + "\n" };
  const last = ls.length;
  const end = (ls[last - 1] ?? "").length + 1;
  return { file, line: last, col: end, endLine: last, endCol: end, text: (end > 1 ? "\n" : "") + text };
}

function moduleOf(ctx: FixContext, name: string): ModelModule | undefined {
  return ctx.result.model.modules.find((m) => m.name === name);
}

/** The namespace form to write: the engine's verdict for this kernel, else the form a compiled export of `ns` was written in. */
function formFor(ctx: FixContext, ns: string): NamespaceForm {
  if (ctx.form) return ctx.form;
  for (const m of ctx.result.model.modules) {
    for (const e of m.exports) {
      if (e.ns !== ns) continue;
      const broken = ctx.result.findings.some((f) => f.stage === "compile" && f.file === e.file && f.line === e.line);
      if (!broken) return rangeText(ctx, e).includes(`"${ns}"`) ? "string" : "identifier";
    }
  }
  return "identifier";
}

/** Fixes for a missing namespace import: add it where make nsdeps would, or rewrite an import of it written in the wrong form. */
function importFixes(ctx: FixContext, f: Finding): QuickFix[] {
  const mod = moduleOf(ctx, f.module);
  const built = ctx.result.build.modules.find((m) => m.name === f.module);
  if (!mod || !built) return [];
  const fixes: QuickFix[] = [];
  for (const ns of built.missingNamespaces) {
    const form = formFor(ctx, ns);
    const written = `MODULE_IMPORT_NS(${writeNamespace(ns, form)})`;
    const existing = mod.imports.find((i) => i.ns === ns && i.written !== writeNamespace(ns, form));
    if (existing) {
      fixes.push({ title: `Write the import as ${written}`, preferred: true, edits: [{ ...existing, file: existing.file, text: written }] });
    } else if (mod.importInsertLine > 0) {
      fixes.push({
        title: `Add ${written}; after MODULE_LICENSE (as make nsdeps does)`,
        preferred: true,
        edits: [insertLines(ctx, mod.file, mod.importInsertLine, `${written};`)],
      });
    }
  }
  if (fixes.length > 1) fixes.push({ title: `Add all ${fixes.length} missing namespace imports`, edits: fixes.flatMap((x) => x.edits) });
  return fixes;
}

/** The namespace argument rewritten as a string literal or identifier. */
function reformFix(ctx: FixContext, f: Finding, to: NamespaceForm): QuickFix[] {
  const text = rangeText(ctx, f);
  if (to === "string") {
    const m = /^[A-Za-z_][\w:]*$/.exec(text);
    if (!m) return [];
    return [{ title: `Write the namespace as "${text}"`, preferred: true, edits: [{ ...f, text: `"${text}"` }] }];
  }
  // the range is the whole export: unquote its last string literal
  const q = /"([^"]*)"(?![\s\S]*")/.exec(text);
  if (!q) return [];
  const before = text.slice(0, q.index);
  const lineOff = before.split("\n").length - 1;
  const col = lineOff === 0 ? f.col + q.index : before.length - before.lastIndexOf("\n");
  const line = f.line + lineOff;
  return [
    { title: `Write the namespace as ${q[1]}`, preferred: true, edits: [{ file: f.file, line, col, endLine: line, endCol: col + q[0].length, text: q[1] }] },
  ];
}

/** Flips the form of DEFAULT_SYMBOL_NAMESPACE where the file defines it. */
function defaultNsFix(ctx: FixContext, f: Finding): QuickFix[] {
  const ls = lines(ctx, f.file);
  for (let i = 0; i < ls.length; i++) {
    const m = /^(\s*#\s*define\s+DEFAULT_SYMBOL_NAMESPACE\s+)("([^"]*)"|([A-Za-z_]\w*))\s*$/.exec(ls[i]);
    if (!m) continue;
    const next = m[3] !== undefined ? m[3] : `"${m[4]}"`;
    const col = m[1].length + 1;
    return [
      {
        title: `Define DEFAULT_SYMBOL_NAMESPACE as ${next}`,
        preferred: true,
        edits: [{ file: f.file, line: i + 1, col, endLine: i + 1, endCol: col + m[2].length, text: next }],
      },
    ];
  }
  return [];
}

/** Where a module's MODULE_LICENSE string literal is, or null. */
function licenseRange(ctx: FixContext, mod: ModelModule): TextEdit | null {
  const ls = lines(ctx, mod.file);
  const order = mod.importInsertLine > 1 ? [mod.importInsertLine - 2, ...ls.keys()] : [...ls.keys()];
  for (const i of order) {
    const m = /(MODULE_LICENSE\s*\(\s*)("[^"]*")/.exec(ls[i] ?? "");
    if (m) {
      const col = m.index + m[1].length + 1;
      return { file: mod.file, line: i + 1, col, endLine: i + 1, endCol: col + m[2].length, text: "" };
    }
  }
  return null;
}

function licenseFix(ctx: FixContext, moduleName: string): QuickFix[] {
  const mod = moduleOf(ctx, moduleName);
  const r = mod && licenseRange(ctx, mod);
  if (!mod || !r) return [];
  return [{ title: `Change ${mod.name}'s license to "GPL"`, preferred: true, edits: [{ ...r, text: '"GPL"' }] }];
}

/** The workspace module exporting the symbol a finding points at (for the proprietary-owner case). */
function exporterOfUse(ctx: FixContext, f: Finding): string | null {
  const sym = rangeText(ctx, f);
  return ctx.result.model.modules.find((m) => m.exports.some((e) => e.symbol === sym))?.name ?? null;
}

/** gcc's "did you mean" of a name nothing declares or a member a record lacks, written in its place. */
function suggestedNameFix(f: Finding): QuickFix[] {
  const name = /; did you mean '([^']+)'\?/.exec(f.text)?.[1];
  return name
    ? [{ title: `Change to ${name}`, preferred: true, edits: [{ file: f.file, line: f.line, col: f.col, endLine: f.endLine, endCol: f.endCol, text: name }] }]
    : [];
}

/** Every quick fix for one finding. */
export function quickFixesFor(f: Finding, ctx: FixContext): QuickFix[] {
  switch (f.id) {
    case "MODPOST_NS_NOT_IMPORTED":
    case "LOAD_NS_NOT_IMPORTED":
      return importFixes(ctx, f);
    case "CC_IMPORT_IDENTIFIER":
    case "CC_NS_IDENTIFIER":
      return reformFix(ctx, f, "string");
    case "CC_NS_QUOTED_TWICE":
      return reformFix(ctx, f, "identifier");
    case "CC_DEFAULT_NS_FORM":
      return defaultNsFix(ctx, f);
    case "CC_UNDECLARED":
    case "CC_NO_MEMBER":
      return suggestedNameFix(f);
    case "MODPOST_GPL_ONLY":
      return licenseFix(ctx, f.module);
    case "LOAD_GPL_FROM_PROPRIETARY": {
      const owner = exporterOfUse(ctx, f);
      return owner ? licenseFix(ctx, owner) : [];
    }
    case "MODPOST_NO_LICENSE": {
      const mod = moduleOf(ctx, f.module);
      return mod
        ? [
            {
              title: 'Add MODULE_LICENSE("GPL");',
              preferred: true,
              edits: [insertLines(ctx, mod.file, lines(ctx, mod.file).length + 1, 'MODULE_LICENSE("GPL");')],
            },
          ]
        : [];
    }
    case "MODPOST_NO_DESCRIPTION": {
      const mod = moduleOf(ctx, f.module);
      if (!mod || mod.importInsertLine <= 0) return [];
      return [{ title: "Add MODULE_DESCRIPTION(...)", edits: [insertLines(ctx, mod.file, mod.importInsertLine, `MODULE_DESCRIPTION("${mod.name}");`)] }];
    }
    default:
      return [];
  }
}

/** The texts of `files` after `edits` (ranges as in the files given), for applying a fix outside Monaco. */
export function applyEdits(files: WorkspaceFiles, edits: readonly TextEdit[]): WorkspaceFiles {
  const out: WorkspaceFiles = fileMap();
  // bottom-up, so that earlier ranges stay valid
  for (const e of [...edits].sort((a, b) => b.line - a.line || b.col - a.col)) {
    const text = (Object.hasOwn(out, e.file) ? out[e.file] : Object.hasOwn(files, e.file) ? files[e.file] : undefined) as string | undefined;
    if (typeof text !== "string") continue;
    const ls = text.split("\n");
    const offset = (line: number, col: number) => ls.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
    out[e.file] = text.slice(0, offset(e.line, e.col)) + e.text + text.slice(offset(e.endLine, e.endCol));
  }
  return out;
}
