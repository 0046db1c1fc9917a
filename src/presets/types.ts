// A preset: a workspace folder that replays a real mailing-list case, with its story, its
// citations and the outcome a real kernel (the kernel lab) gave, in a form that compares
// mechanically with the engine's RunResult (see outcome.ts).

/** How a module's .ko came to be: plain `make`, only with the lab's relaxed passes, or not at all. */
export type KoVerdict = "built" | "relaxed" | "not built";

/** One command of the load script as the kernel saw it. */
export interface ExpectedCommand {
  cmd: string;
  exit: number;
  /** What insmod/rmmod/modprobe printed on stderr. */
  stderr: string[];
  /** Kernel log lines at level 5 or more severe, as `<level>text` (dmesg -r without timestamps). */
  kernel: string[];
  /** /proc/sys/kernel/tainted after the command. */
  taint: number;
}

/** What `make nsdeps` would add to one module: the namespaces, at the line after MODULE_LICENSE. */
export interface NsdepsEdit {
  add: string[];
  line: number;
}

/** The stored outcome of a preset. */
export interface ExpectedOutcome {
  build: {
    /** The plain `make M=...` succeeded. */
    ok: boolean;
    /** Compiler and assembler errors of the plain make (`file:line:col: error: ...`, `<tmp>.s: Error: ...`). */
    errors: string[];
    /** modpost's ERROR/WARNING/FATAL lines of the plain make, in order. */
    modpost: string[];
    /** Per `.ko` file: built by plain make, only by the relaxed passes, or not built. */
    modules: Record<string, KoVerdict>;
  };
  /** Per `.ko` file: what `make nsdeps` would add (only modules that miss an import). */
  nsdeps?: Record<string, NsdepsEdit>;
  commands: ExpectedCommand[];
  /** /proc/modules at the end: `name refcount users state (taint)`. */
  modules_at_end: string[];
}

/** Where a case was discussed. */
export interface Citation {
  /** Mailing list, tracker or document, e.g. "linux-kernel@vger.kernel.org". */
  list: string;
  /** ISO date of the message. */
  date: string;
  subject: string;
  authors: string[];
  /** Link text of the message, e.g. a lore.kernel.org link. */
  link: string;
}

/** preset.json. */
export interface PresetMeta {
  title: string;
  /** One paragraph: what happened and what the preset shows. */
  story: string;
  citation: Citation[];
  /** The release the preset is set on (as in its .config header). */
  kernel: string;
  /** Build like the kernel lab when make refuses, so the loader's verdict shows. */
  relaxed: boolean;
  /** "kernel lab: <uname -r> (lab-<series>.json)" or "hand-written: <why>". */
  expected_source: string;
  expected: ExpectedOutcome;
}

/** An entry of the preset list. */
export interface PresetEntry {
  slug: string;
  title: string;
  /** The preset's folder, relative to the project root. */
  folder: string;
  kernel: string;
}
