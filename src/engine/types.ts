// The engine's result, as the wasm serializes it (wasm/assembly/result.ts, format 1).

/** A workspace: file name → contents. Text files as strings, binaries (.ko) as bytes. */
export type WorkspaceFiles = Record<string, string | Uint8Array>;

export interface RunOptions {
  /** Kernel release, e.g. "6.12"; default: the .config header, else 6.12. */
  kernel?: string;
  /** Build like the kernel lab when make refuses (KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1, license patch). */
  relaxed?: boolean;
  /** false: no base kernel profile (only the workspace's Module.symvers); "core": none loaded,
   *  yet a kernel's vmlinux with only its core exports known (printk, gcc's own symbols), as
   *  while the profile loads — a use of any other kernel export then reads as undefined;
   *  "auto": none first, and the run made again with it when the result could change with it
   *  (kernel.needsTable). */
  profile?: boolean | "core" | "auto";
  /** CONFIG_ overrides, e.g. { CONFIG_MODVERSIONS: "n" }. */
  config?: Record<string, string>;
  /** With a header pack: "wait" (default) loads the headers a C file needs and runs again
   *  before answering; "background" answers at once (files whose headers are not loaded yet
   *  read with the built-in prelude, kernel.headers.needed naming them) and loads them for
   *  the next run. */
  headers?: "wait" | "background";
}

export interface Range {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A static inline function (a header's) through which a module's code reaches a symbol,
 *  at its definition. */
export interface InlineStep extends Range {
  name: string;
}

export interface Finding extends Range {
  id: string;
  stage: "read" | "compile" | "modpost" | "load" | "internal";
  severity: "error" | "warning" | "info";
  text: string;
  module: string;
  /** The symbol and namespace the finding is about, where there is one. */
  symbol?: string;
  ns?: string;
  related?: Range & { note: string };
  /** The use is made by inline functions the module's code calls, outermost first. */
  through?: InlineStep[];
}

export interface KernelLine {
  level: number;
  text: string;
  id?: string;
}

export interface CommandRecord {
  cmd: string;
  exit: number;
  stdout: string[];
  stderr: string[];
  kernel: KernelLine[];
  taint: number;
  line: number;
}

export interface ModelModule {
  name: string;
  file: string;
  builtin: boolean;
  license: string | null;
  intree: boolean;
  imports: (Range & { ns: string; written: string })[];
  exports: (Range & { symbol: string; ns: string; gpl: boolean; macro: string; written: string; crc: string })[];
  /** The MODULE_LICENSE statement, or null when there is none. */
  licenseRange: Range | null;
  /** The module's undefined symbols; `via`: the inline function (a header's) that the
   *  module's code called and that made the reference, `through`: the whole chain of them,
   *  outermost first; gcc's own symbols have no range; `core`: resolved by vmlinux's core
   *  exports in a run without a kernel's table. */
  uses: (Partial<Range> & { symbol: string; via?: string; through?: InlineStep[]; core?: boolean })[];
  /** Calls the module neither defines nor declares and no table in this run exports: taken to
   *  come from a header (a run with a kernel's table may find them exported). */
  headerCalls: string[];
  importInsertLine: number;
  /** Real .ko files only: modinfo(8)'s fields, each key with its values in file order. */
  modinfo?: Record<string, string[]>;
  /** Real .ko files only: what the ELF reader found. */
  ko?: KoFacts;
}

/** A real .ko's ELF facts (model.modules[].ko). */
export interface KoFacts {
  /** The file is an ELF object kmod can read; `error` says why not. */
  readable: boolean;
  error: string;
  class: 32 | 64;
  byteOrder: "little" | "big";
  /** e_machine: 62 x86-64, 183 AArch64, 3 i386, 40 ARM, 22 s390, 21 PowerPC64, 243 RISC-V. */
  machine: number;
  /** A well-formed module signature is appended. */
  signed: boolean;
  /** The chosen kernel's ELF checks pass (else `formatErrors` holds what it printed). */
  wellFormed: boolean;
  formatErrors: string[];
  /** Parts of the file that could not be read (an export table without relocations, ...). */
  problems: string[];
  /** Entries of __versions and __version_ext_*. */
  versions: number;
}

export interface RunResult {
  format: number;
  engine: string;
  kernel: {
    version: string;
    release: string;
    relaxed: boolean;
    profile: boolean;
    /** The base kernel profile used (e.g. "debian-6.12.118+deb12-amd64") and its export count. */
    profileName: string;
    /** The `uname -r` of the kernel whose tables the profile holds (the page's one name for the
     *  base kernel; another release's when the profile stands in for this one), "" without a profile. */
    profileRelease: string;
    profileExports: number;
    /** The header pack the C files were read with ("" for none: the built-in prelude), how
     *  many translation units used it, and the pack files the run needed but did not have
     *  (loaded for the next run). */
    headers?: { pack: string; units: number; needed: string[] };
    /** The release whose table the profile is, when it stands for this one ("" when it is its own). */
    approximated_from: string;
    /** Whether the base kernel's export table could change this answer, for a run made
     *  without it (the engine's decision: wasm/assembly/pipeline/tableneed.ts). */
    needsTable: boolean;
    /** Whether a workspace file other than .config names a CONFIG_ option (the kernel's
     *  .config may then change the answer). */
    namesConfig: boolean;
    config: Record<string, string>;
    /** How this release wants things written (the engine's rule, for quick fixes and completion). */
    syntax: {
      namespace: "string" | "identifier";
      defaultNamespace: "string" | "identifier";
      /** The module-restricted export macro this release has, or "". */
      forModulesMacro: string;
      /** Whether the loader honours module: namespaces. */
      moduleNamespaces: boolean;
    };
  };
  findings: Finding[];
  build: {
    ok: boolean;
    log: string[];
    /** `ko`: the file make writes (usb-storage.ko, sub/foo.ko; "" for built-in units);
     *  `name` is the module's name (usb_storage). */
    modules: { name: string; file: string; ko: string; builtin: boolean; produced: boolean; missingNamespaces: string[] }[];
  };
  taint_at_boot: number;
  commands: CommandRecord[];
  modules_at_end: string[];
  /** The same modules as data, newest first. */
  loaded: LoadedModule[];
  /** /proc/sys/kernel/tainted at the end, and the letters of its flags. */
  taintFinal: number;
  taintFlags: string[];
  model: { modules: ModelModule[] };
  /** What the preprocessor saw of each compiled workspace file (for the editor). */
  sources: PreprocessedSource[];
  transcript: string;
}

/** A module loaded when the session ends: a row of /proc/modules as data. */
export interface LoadedModule {
  name: string;
  refcount: number;
  /** The modules using it. */
  users: string[];
  /** "Live" (a module whose init has returned). */
  state: string;
  /** Its taint letters, e.g. "OE". */
  taints: string;
  intree: boolean;
}

/** One row of a kernel profile's export table. */
export interface KernelExport {
  symbol: string;
  /** Module name, or "vmlinux". */
  owner: string;
  ownerPath: string;
  ns: string;
  gpl: boolean;
  crc: string;
  /** Line in the profile's Module.symvers. */
  row: number;
}

/** Which real table stands for a release (wasm/assembly/kernel/nshistory.ts). */
export interface KernelApproximation {
  release: string;
  /** The profile's file stem under public/kernels. */
  profile: string;
  /** The release whose table the profile is, when it is not `release`'s own; "" otherwise. */
  approximated_from: string;
}

/** One namespace's lifetime: first release in effect, last series ("" while it exists), and
 *  the earlier series that got it through a stable update. */
export interface NamespaceHistoryEntry {
  ns: string;
  first: string;
  last: string;
  backports: string[];
}

export interface KernelNamespace {
  ns: string;
  exports: number;
  owners: string[];
  /** Installed modules of the kernel that import it (modinfo import_ns). */
  importers: string[];
}

/** A kernel profile's export surface (Engine.exportSurface): every figure counted by the engine
 *  from the profile's Module.symvers. */
export interface ExportSurface {
  /** Every export (row) of the table. */
  total: number;
  /** EXPORT_SYMBOL_GPL and its kin. */
  gpl: number;
  /** In a symbol namespace (module: restrictions not counted). */
  namespaced: number;
  /** Restricted to named modules (a `module:` namespace, EXPORT_SYMBOL_FOR_MODULES). */
  moduleOnly: number;
  /** Exported by vmlinux, and by modules. */
  vmlinux: number;
  modules: number;
  /** Each namespace with its export count. */
  namespaces: Record<string, number>;
}

/** Lines a workspace file's conditionals left out, and its macro invocations. */
export interface PreprocessedSource {
  /** The C file compiled (its included workspace headers' facts are listed under it). */
  file: string;
  inactive: { file: string; line: number; endLine: number }[];
  macros: MacroUse[];
}

/** A macro invocation: what it expands to, and where the macro is defined ("" for a
 *  built-in or -D macro; a kernel header as gcc names it, e.g. ./include/linux/module.h). */
export interface MacroUse extends Range {
  macro: string;
  expansion: string;
  defFile: string;
  defLine: number;
}
