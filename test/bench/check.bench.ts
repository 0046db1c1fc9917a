// `ksymns check` of one real module against all four built-in Debian kernels, as a whole
// process (Node's start, the engine, four export tables, four loads), against the floor a
// shell script would pay for a far smaller answer: `modprobe --dump-modversions` and `modinfo`
// on the same module (kmod). Runs alternate; prints medians and the ratio. The module comes
// from the cached Debian 6.12 corpus (`ksymns corpus 6.12`), or KSYMNS_BENCH_MODULE.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { corpusRelease, defaultCorpusDir, fetchCorpus } from "../../src/cli/corpus";
import { projectRoot } from "../../src/engine/hosts/node";
import { median, ms } from "./stats";

const MODPROBE = "/usr/sbin/modprobe";
const MODINFO = "/usr/sbin/modinfo";
const CLI = `${projectRoot}dist/cli/ksymns.mjs`;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
/** A module with namespaced imports (USB_STORAGE), so every kernel has something to say. */
const MODULE = "kernel/drivers/usb/storage/ums-karma.ko";

function timed(cmd: string, args: string[], okCodes: number[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const elapsed = performance.now() - t0;
  if (r.status === null || !okCodes.includes(r.status)) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return elapsed;
}

function moduleFile(): string {
  if (process.env.KSYMNS_BENCH_MODULE) return process.env.KSYMNS_BENCH_MODULE;
  const folder = fetchCorpus("6.12", defaultCorpusDir(), (s) => console.log(s));
  const base = join(folder, "lib/modules", corpusRelease(folder), MODULE);
  for (const ext of ["", ".xz", ".zst", ".gz"]) if (existsSync(base + ext)) return base + ext;
  throw new Error(`no ${MODULE} in ${folder}`);
}

export default async function bench(): Promise<void> {
  if (!existsSync(MODPROBE) || !existsSync(MODINFO)) {
    console.log(`skipped: no ${MODPROBE} and ${MODINFO} (kmod) to compare with`);
    return;
  }
  const ko = moduleFile();
  console.log(`module: ${ko}`);
  const args = [CLI, "check", "--kernel", "all", ko];
  // the same module readable by both, and the answer printed once
  const first = spawnSync(process.execPath, args, { encoding: "utf8" });
  console.log(first.stdout.trimEnd().split("\n").slice(-2).join("\n"));
  const k: number[] = [];
  const one: number[] = [];
  const kmod: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    k.push(timed(process.execPath, args, [0, 1]));
    one.push(timed(process.execPath, [CLI, "check", "--kernel", "debian-6.12", ko], [0, 1]));
    kmod.push(timed(MODPROBE, ["--dump-modversions", ko], [0]) + timed(MODINFO, [ko], [0]));
    node.push(timed(process.execPath, ["-e", ""], [0]));
  }
  const km = median(k);
  const fm = median(kmod);
  console.log(
    `ksymns check --kernel all (4 kernels), median of ${ROUNDS}: ${ms(km)}   modprobe --dump-modversions + modinfo: ${ms(fm)}   ratio ${(km / fm).toFixed(1)}`,
  );
  console.log(`for scale: one kernel (debian-6.12) ${ms(median(one))}; node -e "" alone ${ms(median(node))}`);
}
