// Runs the real gcc over module sources with the prelude (or with real Debian headers), for the
// prelude tests. gcc is optional: hasGcc() lets a suite skip with a message.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PRELUDE_INCLUDE = join(import.meta.dirname, "..", "..", "wasm", "prelude", "include");

/** The CONFIG_ options the prelude reads, as every Debian amd64 kernel sets them. */
export const DEBIAN_AUTOCONF =
  [
    "CONFIG_MODULES",
    "CONFIG_PRINTK",
    "CONFIG_DYNAMIC_DEBUG",
    "CONFIG_JUMP_LABEL",
    "CONFIG_PCI",
    "CONFIG_ACPI",
    "CONFIG_I2C",
    "CONFIG_SYSFS",
    "CONFIG_64BIT",
    "CONFIG_X86_64",
    "CONFIG_SHMEM",
    "CONFIG_MEMFD_CREATE",
  ]
    .map((c) => `#define ${c} 1`)
    .join("\n") + "\n";

/** Whether a usable gcc is on PATH. */
export function hasGcc(): boolean {
  return spawnSync("gcc", ["--version"]).status === 0;
}

/** A fresh folder holding the given files (relative path → text). */
export function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ksymns-prelude-"));
  for (const [p, text] of Object.entries(files)) {
    const full = join(dir, p);
    execFileSync("mkdir", ["-p", join(full, "..")]);
    writeFileSync(full, text);
  }
  return dir;
}

/** gcc's arguments for a module built against the prelude for release `v` (major*100+minor). */
export function preludeArgs(v: number, sublevel: number, autoconfDir: string): string[] {
  return [
    "-nostdinc",
    "-I",
    PRELUDE_INCLUDE,
    "-I",
    autoconfDir,
    "-include",
    "linux/kconfig.h",
    "-include",
    "linux/compiler_types.h",
    "-D__KERNEL__",
    "-DMODULE",
    '-DKBUILD_MODNAME="probe"',
    '-DKBUILD_BASENAME="probe"',
    `-D__KSYMNS_VERSION=${Math.floor(v / 100)}`,
    `-D__KSYMNS_PATCHLEVEL=${v % 100}`,
    `-D__KSYMNS_SUBLEVEL=${sublevel}`,
  ];
}

/** `gcc -E` of `source` (written as probe.c in `dir`): the expanded text. */
export function preprocess(dir: string, args: string[], source: string): string {
  writeFileSync(join(dir, "probe.c"), source);
  return execFileSync("gcc", ["-E", "-P", ...args, join(dir, "probe.c")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
}

/** `gcc -c` of `source` then `nm -u`: the undefined symbols the object references, sorted. */
export function undefinedSymbols(dir: string, args: string[], source: string): string[] {
  writeFileSync(join(dir, "probe.c"), source);
  const obj = join(dir, "probe.o");
  execFileSync(
    "gcc",
    ["-c", "-O2", "-std=gnu11", "-fno-PIE", "-mcmodel=kernel", "-mno-red-zone", "-fms-extensions", ...args, "-o", obj, join(dir, "probe.c")],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const out = execFileSync("nm", ["-u", obj], { encoding: "utf8" });
  return out
    .split("\n")
    .map((l) => l.trim().split(/\s+/).pop() ?? "")
    .filter((s) => s.length > 0 && !s.startsWith("__crc_"))
    .sort();
}

/** The reader's marker statements in expanded text, one string each, spaces normalised. */
export function markers(expanded: string): string[] {
  const out: string[] = [];
  const re = /__ksymns_(export_default|export_ns|export|import_ns|license|modinfo|module_init|module_exit)\s*\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expanded))) {
    let depth = 1,
      i = re.lastIndex;
    while (i < expanded.length && depth > 0) {
      if (expanded[i] === "(") depth++;
      else if (expanded[i] === ")") depth--;
      i++;
    }
    out.push(
      `${m[1]}(${expanded
        .slice(re.lastIndex, i - 1)
        .replace(/\s+/g, " ")
        .trim()})`,
    );
  }
  return out;
}

export * from "./cases";
