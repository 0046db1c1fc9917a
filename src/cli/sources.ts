// `--source-root DIR`: where in a module's C sources a finding about its .ko belongs. The
// sources are read by the engine as a workspace against the same kernel (its toy C reader
// finds each use of an exported symbol, the MODULE_LICENSE line and where `make nsdeps` adds
// an import); a finding then points at the use of its symbol, else at that line.

import { readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { MAX_FILE_BYTES, MAX_FILES } from "../../wasm/shared/codes";
import type { Engine, Finding, ModelModule, WorkspaceFiles } from "../engine";
import type { KernelTarget } from "./kernels";
import { readTextInput } from "./input";

/** A place in a file, the path as a report shows it (relative to the working folder). */
export interface SourceLocation {
  path: string;
  line: number;
  col?: number;
  endLine?: number;
  endCol?: number;
}

/** The .c files under `root` (hidden folders and symbolic links to folders skipped), at most `max`. */
async function cFiles(root: string, max: number): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= max) return;
      if (e.name.startsWith(".")) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && e.name.endsWith(".c")) out.push(path);
    }
  };
  await walk(root);
  return out;
}

/** Finds source locations for findings about modules, per kernel checked. */
export class SourceLocator {
  private models = new Map<string, ModelModule[]>();
  private constructor(
    private engine: Engine,
    private files: WorkspaceFiles,
    private shown: Map<string, string>,
  ) {}

  /** Reads the C files under `root` (relative to `cwd`). */
  static async open(engine: Engine, root: string, cwd: string): Promise<SourceLocator> {
    const abs = resolve(cwd, root);
    const files: WorkspaceFiles = {};
    const shown = new Map<string, string>();
    // one place is kept for the load script
    for (const path of await cFiles(abs, MAX_FILES - 2)) {
      const name = relative(abs, path);
      const display = relative(cwd, path) || path;
      files[name] = await readTextInput(path, display, MAX_FILE_BYTES);
      shown.set(name, display.split("\\").join("/"));
    }
    return new SourceLocator(engine, files, shown);
  }

  /** Whether any source was found. */
  get empty(): boolean {
    return this.shown.size === 0;
  }

  private async modelFor(target: KernelTarget): Promise<ModelModule[]> {
    let model = this.models.get(target.label);
    if (!model) {
      // the same tables as the check, nothing loaded: only where things are written matters
      const res = await this.engine.run({ ...this.files, ...target.files, load: "" }, { ...target.options, relaxed: true });
      model = res.model.modules.filter((m) => !m.ko && this.shown.has(m.file));
      this.models.set(target.label, model);
    }
    return model;
  }

  /** Where `f` (about module `module` on `target`) is in the sources, or null. */
  async locate(target: KernelTarget, module: string, f: Finding): Promise<SourceLocation | null> {
    const model = await this.modelFor(target);
    const own = model.filter((m) => m.name === module);
    const candidates = [...own, ...model.filter((m) => m.name !== module)];
    const at = (file: string, r: { line?: number; col?: number; endLine?: number; endCol?: number }): SourceLocation | null => {
      if (!r.line) return null;
      const text = this.files[file];
      // the line after the last one (an import appended at the end) is the last one
      const last = typeof text === "string" ? text.replace(/\n$/, "").split("\n").length : r.line;
      if (r.line > last) return { path: this.shown.get(file) ?? file, line: last };
      return { path: this.shown.get(file) ?? file, line: r.line, col: r.col, endLine: r.endLine, endCol: r.endCol };
    };
    if (f.symbol) {
      for (const m of candidates) {
        const use = m.uses.find((u) => u.symbol === f.symbol && u.line);
        if (use) return at(use.file ?? m.file, use);
      }
    }
    const mod = own[0];
    if (!mod) return null;
    if (f.id.includes("LICENSE") && mod.licenseRange) return at(mod.licenseRange.file, mod.licenseRange);
    if (f.id.includes("NS_NOT_IMPORTED") && mod.importInsertLine > 0) return at(mod.file, { line: mod.importInsertLine });
    if (mod.licenseRange) return at(mod.licenseRange.file, mod.licenseRange);
    return null;
  }
}
