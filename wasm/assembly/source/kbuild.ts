// The Kbuild reader: what `make M=DIR modules` builds, as scripts/Makefile.build and
// Makefile.lib read a module folder — Kbuild (else Makefile) evaluated by make with
// KERNELRELEASE and the .config's options set; obj-m/obj-y with composite objects
// (foo-y, foo-objs, foo-m) and subfolders (obj-m += sub/); each object's C flags (ccflags-y,
// subdir-ccflags-y, EXTRA_CFLAGS, CFLAGS_x.o, ccflags-remove-y, CFLAGS_REMOVE_x.o); and
// KBUILD_EXTRA_SYMBOLS.

import { Finding, Span } from "../diagnostics";
import { Msg, Severity, Stage } from "../../shared/codes";
import { argFromText, MacroArg } from "./toyc";
import { shellWords } from "./text";
import { KernelConfig } from "./config";
import { Make, MakeFiles, MakeVar, normalizePath, splitWords } from "./make";

/** One object compiled from one C file, with the flags its command line gets. */
export class KbuildObject {
  /** -D and -U flags in command-line order ("-DX=1", "-UY"). */
  defines: string[] = [];
  /** -I folders (workspace paths) and -include files, in order. */
  includeDirs: string[] = [];
  forcedIncludes: string[] = [];
  constructor(
    public object: string,
    public source: string,
    public span: Span,
  ) {}

  /** DEFAULT_SYMBOL_NAMESPACE as the flags leave it (the last -D or -U wins), or null. */
  defaultNamespace(): MacroArg | null {
    let out: MacroArg | null = null;
    for (let i = 0; i < this.defines.length; i++) {
      const d = this.defines[i];
      if (d == "-UDEFAULT_SYMBOL_NAMESPACE") out = null;
      else if (d == "-DDEFAULT_SYMBOL_NAMESPACE") out = argFromText("1", this.span);
      else if (d.startsWith(DEFINE_NS)) out = argFromText(d.substring(DEFINE_NS.length), this.span);
    }
    return out;
  }
}

/** A module (obj-m) or a part of vmlinux (obj-y): one object or several linked into one. */
export class KbuildModule {
  parts: KbuildObject[] = [];
  constructor(
    /** The object make links, as a workspace path: `usb-storage.o`, `sub/foo.o`. */
    public object: string,
    public builtin: bool,
    public span: Span,
  ) {}
  /** Composite: linked from parts other than its own name's .c. */
  get composite(): bool {
    return this.parts.length != 1 || this.parts[0].object != this.object;
  }
}

export class Kbuild {
  modules: KbuildModule[] = [];
  /** Module.symvers files of other builds (KBUILD_EXTRA_SYMBOLS), as workspace paths. */
  extraSymbols: string[] = [];
  findings: Finding[] = [];
}

const DEFINE_NS = "-DDEFAULT_SYMBOL_NAMESPACE=";
const MAX_FOLDERS = 64;

/** What the engine knows of the kernel make runs in: its release and configuration. */
export class KbuildContext {
  constructor(
    public release: string,
    public version: i32,
    public patchlevel: i32,
    public sublevel: i32,
    public config: KernelConfig,
  ) {}
}

/** Reads the workspace folder `dir` ("" for the top) and the subfolders it names. */
export function readKbuild(files: MakeFiles, ctx: KbuildContext): Kbuild {
  const kb = new Kbuild();
  const r = new FolderReader(files, ctx, kb);
  r.folder("", []);
  return kb;
}

class FolderReader {
  folders: i32 = 0;
  constructor(
    public files: MakeFiles,
    public ctx: KbuildContext,
    public kb: Kbuild,
  ) {}

  /** The makefile of a folder: Kbuild, else Makefile (scripts/Makefile.build's kbuild-file). */
  makefileOf(dir: string): string {
    const k = join(dir, "Kbuild");
    return this.files.read(k) != null ? k : join(dir, "Makefile");
  }

  folder(dir: string, inherited: string[]): void {
    if (++this.folders > MAX_FOLDERS) {
      this.kb.findings.push(
        new Finding(
          Stage.Read,
          Severity.Warning,
          Msg.READ_KBUILD_LINE,
          dir + ": more than " + MAX_FOLDERS.toString() + " folders; the rest are not read",
          Span.none(),
        ),
      );
      return;
    }
    const file = this.makefileOf(dir);
    const text = this.files.read(file);
    if (text == null) {
      this.kb.findings.push(
        new Finding(
          Stage.Read,
          Severity.Error,
          Msg.READ_KBUILD_NO_SOURCE,
          "scripts/Makefile.build: " + file + ": No such file or directory (obj-m names " + dir + "/ but it has no Kbuild or Makefile)",
          Span.none(),
        ),
      );
      return;
    }
    const make = this.makeFor(dir);
    make.read(file, text as string);
    if (make.stopped) {
      this.keep(make);
      return;
    }

    const dirFlags = inherited.slice(0);
    const sub = flagWords(make.get("subdir-ccflags-y"));
    for (let i = 0; i < sub.length; i++) dirFlags.push(sub[i]);
    const own = dirFlags.slice(0);
    const cc = flagWords(make.get("ccflags-y") + " " + make.get("EXTRA_CFLAGS"));
    for (let i = 0; i < cc.length; i++) own.push(cc[i]);
    const removed = flagWords(make.get("ccflags-remove-y"));

    const extra = splitWords(make.get("KBUILD_EXTRA_SYMBOLS"));
    for (let i = 0; i < extra.length; i++) this.kb.extraSymbols.push(workspacePath(dir, extra[i]));

    const before = this.kb.modules.length;
    this.objects(make, file, dir, "obj-m", false, own, removed, dirFlags);
    this.objects(make, file, dir, "obj-y", true, own, removed, dirFlags);
    this.notBuilt(make, file);
    // an expansion that stopped make (a variable referencing itself) builds nothing here
    if (make.stopped) this.kb.modules.splice(before, this.kb.modules.length - before);
    this.keep(make);
  }

  keep(make: Make): void {
    for (let i = 0; i < make.findings.length; i++) this.kb.findings.push(make.findings[i]);
  }

  /** obj-$(CONFIG_X) with X neither y nor m lands in obj- (or obj-n): said, not built. */
  notBuilt(make: Make, file: string): void {
    for (let k = 0; k < 2; k++) {
      const list = k == 0 ? "obj-" : "obj-n";
      const v = make.find(list);
      if (v == null) continue;
      const a = (v as MakeVar).assignments;
      for (let i = 0; i < a.length; i++) {
        const t = a[i].target;
        const open = t.indexOf("$(");
        const option = open >= 0 && t.endsWith(")") ? t.substring(open + 2, t.length - 1) : list;
        this.kb.findings.push(
          new Finding(
            Stage.Read,
            Severity.Info,
            Msg.READ_KBUILD_LINE,
            option + " is not set to y or m in .config, so these objects are not built",
            Span.at(file, a[i].line),
          ),
        );
      }
    }
  }

  makeFor(dir: string): Make {
    const m = new Make(this.files);
    const c = this.ctx;
    m.define("KERNELRELEASE", c.release);
    m.define("VERSION", c.version.toString());
    m.define("PATCHLEVEL", c.patchlevel.toString());
    m.define("SUBLEVEL", c.sublevel.toString());
    m.define("ARCH", "x86");
    m.define("SRCARCH", "x86");
    m.define("CC", "gcc");
    m.define("MAKE", "make");
    // the module folder as make sees it; the workspace's own paths are relative to it
    m.define("src", dir.length == 0 ? "." : dir);
    m.define("obj", dir.length == 0 ? "." : dir);
    m.define("M", ".");
    m.define("KBUILD_EXTMOD", ".");
    m.define("srctree", KERNEL_TREE);
    m.define("objtree", KERNEL_TREE);
    m.options = c.config;
    return m;
  }

  objects(make: Make, file: string, dir: string, list: string, builtin: bool, flags: string[], removed: string[], inherited: string[]): void {
    const names = splitWords(make.get(list));
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const span = Span.at(file, make.lineOf(list, name));
      if (name.endsWith("/")) {
        this.folder(join(dir, name.substring(0, name.length - 1)), inherited);
        continue;
      }
      if (!name.endsWith(".o")) {
        this.kb.findings.push(
          new Finding(
            Stage.Read,
            Severity.Warning,
            Msg.READ_KBUILD_LINE,
            list + " entry '" + name + "' is neither an object (NAME.o) nor a folder (NAME/)",
            span,
          ),
        );
        continue;
      }
      const stem = name.substring(0, name.length - 2);
      const mod = new KbuildModule(join(dir, name), builtin, span);
      let parts = splitWords(make.get(stem + "-objs") + " " + make.get(stem + "-y") + (builtin ? "" : " " + make.get(stem + "-m")));
      if (parts.length == 0) parts = [name];
      for (let j = 0; j < parts.length; j++) {
        const p = parts[j];
        if (!p.endsWith(".o")) continue;
        const obj = new KbuildObject(join(dir, p), join(dir, p.substring(0, p.length - 2) + ".c"), span);
        const own = flagWords(make.get("CFLAGS_" + p));
        const rm = flagWords(make.get("CFLAGS_REMOVE_" + p));
        const all = flags.slice(0);
        for (let k = 0; k < own.length; k++) all.push(own[k]);
        applyFlags(obj, all, removed, rm);
        mod.parts.push(obj);
      }
      this.kb.modules.push(mod);
    }
  }
}

/** Where the kernel's tree is for make: a path no workspace file has. */
export const KERNEL_TREE = "/usr/src/linux-headers";

function join(dir: string, name: string): string {
  return normalizePath(dir.length == 0 ? name : dir + "/" + name);
}

/** A path make was given (relative to the folder, or through $(src)), as a workspace path. */
function workspacePath(dir: string, p: string): string {
  return p.startsWith("/") ? p : join(dir, p);
}

/** A path a compiler flag names, as a workspace path. gcc runs in the kernel's folder, not the
 *  module's: $(src) (which ksymns expands to the module's folder in the workspace) is how
 *  Makefiles name their own files, so a relative path is taken from the workspace's top. */
function flagPath(p: string): string {
  return p.startsWith("/") ? p : normalizePath(p);
}

/** Compiler flags as the shell splits them (quotes removed: `-DNS='"X"'` is `-DNS="X"`). */
function flagWords(s: string): string[] {
  return shellWords(s);
}

/** Keeps the flags that decide what the preprocessor sees, in order, minus the removed ones. */
function applyFlags(obj: KbuildObject, flags: string[], removed: string[], removedHere: string[]): void {
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i];
    if (removed.includes(f) || removedHere.includes(f)) continue;
    if (f.startsWith("-D") || f.startsWith("-U")) {
      if (f.length > 2) obj.defines.push(f);
      else if (i + 1 < flags.length) obj.defines.push(f + flags[++i]);
    } else if (f.startsWith("-I")) {
      const d = f.length > 2 ? f.substring(2) : i + 1 < flags.length ? flags[++i] : "";
      if (d.length > 0) obj.includeDirs.push(flagPath(d));
    } else if (f == "-include" && i + 1 < flags.length) {
      obj.forcedIncludes.push(flagPath(flags[++i]));
    }
  }
}
