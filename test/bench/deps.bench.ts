// `ksymns deps` against kmod's `depmod -n -e -E Module.symvers` on whole Debian kernels:
// 6.1 (plain .ko) and 6.12 (.ko.xz, where decompression dominates). The corpora come from
// `ksymns corpus` (cached), or a folder given in KSYMNS_CORPUS. Runs alternate, one of each
// at a time; prints medians, the ratio, and ksymns' memory peak (/usr/bin/time's maximum
// resident size). Targets: ≤ 0.5× depmod on 6.1, ≤ 0.7× on 6.12.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { corpusRelease, defaultCorpusDir, fetchCorpus } from "../../src/cli/corpus";
import { projectRoot } from "../../src/engine/hosts/node";
import { median, ms } from "./stats";

const DEPMOD = "/usr/sbin/depmod";
const TIME = "/usr/bin/time";
const CLI = `${projectRoot}dist/cli/ksymns.mjs`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

interface Run {
  ms: number;
  /** Maximum resident set size, KB (0: unknown). */
  kb: number;
}

/** Runs a command with its output thrown away; its wall time and, through time(1), its memory peak. */
function timed(cmd: string, args: string[]): Run {
  const viaTime = existsSync(TIME);
  const t0 = performance.now();
  const r = viaTime
    ? spawnSync(TIME, ["-f", "%M", cmd, ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 26 });
  const elapsed = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  const kb = viaTime ? Number(r.stderr.trim().split("\n").at(-1)) : 0;
  return { ms: elapsed, kb };
}

function benchSeries(series: string): void {
  const folder =
    process.env.KSYMNS_CORPUS && existsSync(join(process.env.KSYMNS_CORPUS, "release"))
      ? process.env.KSYMNS_CORPUS
      : fetchCorpus(series, defaultCorpusDir(), (s) => console.log(s));
  const release = corpusRelease(folder);
  const symvers = join(folder, "Module.symvers");
  const modules = execFileSync("find", [join(folder, "lib/modules", release), "-name", "*.ko*"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  console.log(`Debian ${series}: ${release}, ${modules.length} modules (${modules[0]?.replace(/^.*\.ko/, ".ko") ?? "?"}), ${folder}`);
  // the same answer first, and the CLI bundle built before anything is timed
  const ours = execFileSync(process.execPath, [CLI, "deps", "--basedir", folder, release], { encoding: "utf8", maxBuffer: 1 << 28 });
  const theirs = execFileSync(DEPMOD, ["-b", folder, "-n", release], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });
  const same = ours === theirs.slice(0, theirs.indexOf("# Aliases extracted"));
  console.log(`modules.dep identical to depmod -n: ${same ? "yes" : "NO"}`);
  const k: Run[] = [],
    d: Run[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    k.push(timed(process.execPath, [CLI, "deps", "--basedir", folder, release]));
    d.push(timed(DEPMOD, ["-b", folder, "-n", "-e", "-E", symvers, release]));
  }
  const km = median(k.map((r) => r.ms)),
    dm = median(d.map((r) => r.ms));
  const peak = Math.max(...k.map((r) => r.kb));
  console.log(`ksymns deps, median of ${ROUNDS}: ${ms(km)}   depmod -n -e -E: ${ms(dm)}   ratio ${(km / dm).toFixed(2)}`);
  console.log(
    `memory peak: ksymns ${peak ? `${(peak / 1024).toFixed(0)} MB` : "unknown (no /usr/bin/time)"}, depmod ${peak ? `${(Math.max(...d.map((r) => r.kb)) / 1024).toFixed(0)} MB` : "unknown"}`,
  );
}

export default async function bench(): Promise<void> {
  if (!existsSync(DEPMOD)) {
    console.log(`skipped: no ${DEPMOD} (kmod) to compare with`);
    return;
  }
  const only = process.env.KSYMNS_CORPUS_SERIES?.split(",");
  for (const [series, target] of [
    ["6.1", "0.5"],
    ["6.12", "0.7"],
  ] as const) {
    if (only && !only.includes(series)) continue;
    console.log(`\n### ${series} (target ≤ ${target}× depmod)`);
    benchSeries(series);
  }
}
