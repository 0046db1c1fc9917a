// The fuzz target for the command line: argument lists made of its options, values a user or
// an attacker could give (unknown kernels, option text with line breaks, escape sequences,
// empty and huge values) and paths to hostile files (a FIFO, a folder, sparse files past the
// limits, a compression bomb, a cut stream, a name with control characters), run through
// main() in this process. A case fails when main() throws, exits other than 0, 1 or 2, takes
// more than 10 s, prints a control character other than a line break or tab, or says
// "internal error" (an option turned into an engine fault).

import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { main } from "../../src/cli/main";
import { makeKo } from "../support/ko-fixture";
import { bomb, compress } from "./compressed-streams";
import type { Outcome } from "./module-targets";

const SLOW_MS = 10_000;
const MAGIC = "vermagic=6.12.117+deb12-amd64 SMP preempt mod_unload modversions ";

/** A folder of hostile and ordinary inputs; returns its path. */
function inputs(): string {
  const dir = mkdtempSync(join(tmpdir(), "ksymns-fuzz-cli-"));
  const ko = makeKo({ uses: ["beta_fn"], modinfo: ["license=GPL", "name=m", MAGIC] });
  writeFileSync(join(dir, "m.ko"), ko);
  writeFileSync(join(dir, "evil.ko"), makeKo({ modinfo: ["license=\u001b[2J\nGPL", "name=e\u0007", "vermagic=6.12\ninject=trap SMP"] }));
  writeFileSync(join(dir, "bomb.ko.zst"), bomb.zstd(64 << 20));
  const xz = compress(ko).xz;
  writeFileSync(join(dir, "cut.ko.xz"), xz.slice(0, xz.length - 9));
  writeFileSync(join(dir, "Module.symvers"), "0x000000b1\tbeta_fn\tdrivers/beta\tEXPORT_SYMBOL_GPL\tBETA_NS\n");
  mkdirSync(join(dir, "k"));
  writeFileSync(join(dir, "k/Module.symvers"), "0x00001111\tmodule_layout\tvmlinux\tEXPORT_SYMBOL\t\nbroken line\n");
  writeFileSync(join(dir, "k/.config"), "# Linux/x86 6.13.0 Kernel Configuration\nCONFIG_MODVERSIONS=\u001b[31m\n");
  mkdirSync(join(dir, "ws"));
  writeFileSync(join(dir, "ws/a.c"), 'MODULE_LICENSE("GPL");\nint f(void) { return beta_fn(); }\n');
  writeFileSync(join(dir, "ws/load"), "insmod a.ko\nmodprobe \u001b]0;x\u0007\n");
  writeFileSync(join(dir, "ws/we\nird.c"), "int x;\n");
  execFileSync("mkfifo", [join(dir, "fifo")]);
  mkdirSync(join(dir, "folder"));
  for (const [name, size] of [
    ["big", 9 << 20],
    ["huge", 1 << 30],
  ] as const) {
    const fd = openSync(join(dir, name), "w");
    ftruncateSync(fd, size);
    closeSync(fd);
  }
  return dir;
}

const PATHS = [
  "m.ko",
  "evil.ko",
  "bomb.ko.zst",
  "cut.ko.xz",
  "Module.symvers",
  "k/Module.symvers",
  "k/.config",
  "ws",
  "fifo",
  "folder",
  "big",
  "huge",
  "/dev/zero",
  "/dev/urandom",
  "nope",
  "ws/we\nird.c",
];
const OPTIONS = [
  "--kernel",
  "--symvers",
  "--config",
  "--format",
  "--json",
  "--source-root",
  "--relaxed",
  "--no-profile",
  "--preset",
  "--workers",
  "--basedir",
  "--check",
  "--",
  "-",
  "--kernel=",
  "--format=sarif",
  "--frobnicate",
];
const VALUES = [
  "all",
  "debian-6.12",
  "debian-6.1,debian-7.3",
  "6.13",
  "6.12\ninject=trap",
  "inject=oom",
  "9.9",
  ",,",
  "\u001b[31m",
  "text",
  "json",
  "github",
  "sarif",
  "junit",
  "xml",
  "0",
  "1",
  "1000000",
  "-1",
  "../../etc",
  "usb-storage-namespace",
  "x".repeat(5000),
];

const token = fc.oneof(fc.constantFrom(...OPTIONS), fc.constantFrom(...VALUES), fc.constantFrom(...PATHS), fc.string({ maxLength: 12 }));
// commands that reach no network (symvers and corpus download)
const loose = fc
  .tuple(fc.constantFrom("check", "run", "deps", "kernels", "presets", "--help", "bogus"), fc.array(token, { maxLength: 8 }))
  .map(([cmd, rest]) => [cmd, ...rest]);
const value = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 }));
const path = fc.constantFrom(...PATHS);
const pair = (name: string, v: fc.Arbitrary<string>): fc.Arbitrary<string[]> =>
  fc.option(
    v.map((x) => [name, x]),
    { nil: [] as string[] },
  ) as fc.Arbitrary<string[]>;
// well-formed enough to reach the engine, with one odd part or two
const checkArgs = fc
  .tuple(
    pair("--kernel", value),
    fc.array(path, { maxLength: 2 }),
    pair("--format", value),
    pair("--source-root", fc.constantFrom("ws", "folder", "fifo", "nope")),
    fc.array(path, { minLength: 1, maxLength: 3 }),
    fc.array(token, { maxLength: 2 }),
  )
  .map(([k, sv, f, src, mods, extra]) => ["check", ...k, ...sv.flatMap((p) => ["--symvers", p]), ...f, ...src, ...extra, ...mods]);
const runArgs = fc
  .tuple(
    path,
    pair("--kernel", value),
    pair("--symvers", path),
    pair("--config", path),
    fc.array(fc.constantFrom("--relaxed", "--no-profile", "--json"), { maxLength: 2 }),
  )
  .map(([dir, k, sv, cfg, flags]) => ["run", dir, ...k, ...sv, ...cfg, ...flags]);
const depsArgs = fc
  .tuple(
    fc.constantFrom("9.9.9", "../../etc", "x".repeat(300), ""),
    pair("--workers", value),
    fc.array(fc.constantFrom("--check", "--json"), { maxLength: 2 }),
    pair("--symvers", path),
  )
  .map(([release, w, flags, sv]) => ["deps", "--basedir", "ws", release, ...w, ...flags, ...sv]);
const argv = fc.oneof(loose, checkArgs, checkArgs, runArgs, depsArgs);

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f]/;

async function oneCase(args: string[], cwd: string): Promise<string | null> {
  let out = "";
  let err = "";
  const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd };
  const here = process.cwd();
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await Promise.race([main(args, io), new Promise<"slow">((resolve) => (timer = setTimeout(() => resolve("slow"), SLOW_MS)))]);
    if (code === "slow") return `took more than ${SLOW_MS / 1000} s`;
    if (code !== 0 && code !== 1 && code !== 2) return `exit status ${code}`;
    if (UNSAFE.test(out) || UNSAFE.test(err)) return `a control character reached the terminal: ${JSON.stringify((out + err).match(UNSAFE)?.[0])}`;
    if (/internal error/.test(out + err)) return `internal error: ${(out + err).slice(0, 300)}`;
    return null;
  } catch (e) {
    return `threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  } finally {
    clearTimeout(timer);
    // `ksymns deps` works from within the tree it reads
    process.chdir(here);
  }
}

/** Runs `runs` argument lists through main(). */
export async function fuzzCli(runs: number, seed: number): Promise<Outcome> {
  const cwd = inputs();
  const samples = fc.sample(argv, { seed, numRuns: runs });
  const tally: Outcome = { cases: 0, failed: 0, first: "", slowest: 0, peakRss: 0 };
  for (const args of samples) {
    tally.cases++;
    const t0 = performance.now();
    const problem = await oneCase(args, cwd);
    tally.slowest = Math.max(tally.slowest, performance.now() - t0);
    tally.peakRss = Math.max(tally.peakRss, process.memoryUsage().rss / (1 << 20));
    if (problem) {
      tally.failed++;
      if (!tally.first) tally.first = `${problem}\n  argv: ${JSON.stringify(args).slice(0, 400)}`;
    }
  }
  return tally;
}
