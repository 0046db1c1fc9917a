// Real Debian kernel sources for the tests against real drivers (issues 11 and 13): the
// `linux-source-<series>` package (Debian's patched tree as a tarball), downloaded with a
// private apt state and unpacked once into the corpus cache. The system's apt is left alone.
//
//   npx tsx test/support/kernel-source.ts 6.12 [VERSION]   # prints the unpacked tree

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCorpusDir } from "../../src/cli/corpus";

const DEBIAN = "http://deb.debian.org/debian";
const SECURITY = "http://deb.debian.org/debian-security";

/** Where each series' source package is published (the suites of the kernel it belongs to). */
export const SOURCE_SUITES: Record<string, string[]> = {
  "5.10": [`deb ${DEBIAN} bullseye main`, `deb ${SECURITY} bullseye-security main`],
  "6.1": [`deb ${DEBIAN} bookworm main`, `deb ${SECURITY} bookworm-security main`],
  "6.12": [`deb ${SECURITY} bookworm-security main`],
  "7.3": [`deb ${DEBIAN} trixie-backports main`],
};

export interface KernelSource {
  /** Debian package name, e.g. linux-source-6.12. */
  pkg: string;
  /** Debian package version, e.g. 6.12.118-1~deb12u1 (the headers of the same kernel carry it too). */
  version: string;
  /** The unpacked tree (holds Makefile, drivers/, include/, ...). */
  root: string;
}

/** apt-get/apt-cache options for a private state under `state` reading only `sources`. */
export function privateApt(state: string, sources: string[]): string[] {
  mkdirSync(join(state, "lists/partial"), { recursive: true });
  mkdirSync(join(state, "cache/archives/partial"), { recursive: true });
  writeFileSync(join(state, "sources.list"), sources.join("\n") + "\n");
  const opts = [
    "-o",
    `Dir::Etc::sourcelist=${join(state, "sources.list")}`,
    "-o",
    "Dir::Etc::sourceparts=-",
    "-o",
    `Dir::State::Lists=${join(state, "lists")}`,
    "-o",
    `Dir::Cache=${join(state, "cache")}`,
  ];
  // as root, apt hands downloads to its _apt user, who cannot write to the cache
  if (process.getuid?.() === 0) opts.push("-o", "APT::Sandbox::User=root");
  return opts;
}

/** Versions of `pkg` the private index lists, newest first (reads the index once if empty). */
export function listVersions(apt: string[], pkg: string, log: (s: string) => void = () => {}): string[] {
  const read = (): string[] =>
    execFileSync("apt-cache", [...apt, "madison", pkg], { encoding: "utf8" })
      .split("\n")
      .map((l) => l.split("|")[1]?.trim())
      .filter((v): v is string => !!v);
  let found = read();
  if (found.length === 0) {
    log(`kernel-source: reading the package index for ${pkg}`);
    execFileSync("apt-get", [...apt, "update", "-qq"], { stdio: ["ignore", "ignore", "inherit"] });
    found = read();
  }
  return [...new Set(found)].sort((a, b) => compareDebianVersions(b, a));
}

/** dpkg's version order (dpkg --compare-versions), for picking the newest package. */
export function compareDebianVersions(a: string, b: string): number {
  if (a === b) return 0;
  try {
    execFileSync("dpkg", ["--compare-versions", a, "lt", b]);
    return -1;
  } catch {
    return 1;
  }
}

/** The unpacked `linux-source-<series>` tree of `version` (default: the newest published),
 *  downloaded and unpacked under `<dir>/source/` unless already there. */
export function fetchKernelSource(series: string, version?: string, dir: string = defaultCorpusDir(), log: (s: string) => void = () => {}): KernelSource {
  const sources = SOURCE_SUITES[series];
  if (!sources) throw new Error(`no linux-source package known for series '${series}' (use ${Object.keys(SOURCE_SUITES).join(", ")})`);
  const pkg = `linux-source-${series}`;
  const apt = privateApt(join(dir, ".apt", `source-${series}`), sources);
  const versions = listVersions(apt, pkg, log);
  const chosen = version ?? versions[0];
  if (!chosen) throw new Error(`${pkg}: not in ${sources.join("; ")}`);
  const out = join(dir, "source", `${pkg}_${chosen}`);
  const root = join(out, pkg);
  if (existsSync(join(out, ".complete"))) return { pkg, version: chosen, root };
  if (!versions.includes(chosen)) throw new Error(`${pkg} ${chosen}: not in the index (have ${versions.join(", ")})`);

  const work = mkdtempSync(join(tmpdir(), "ksymns-source-"));
  try {
    log(`kernel-source: downloading ${pkg}=${chosen}`);
    execFileSync("apt-get", [...apt, "download", "-qq", `${pkg}=${chosen}`], { cwd: work, stdio: ["ignore", "ignore", "inherit"] });
    const deb = readdirSync(work).find((f) => f.endsWith(".deb"));
    if (!deb) throw new Error(`${pkg}=${chosen}: apt-get download wrote no .deb`);
    execFileSync("dpkg-deb", ["-x", join(work, deb), join(work, "x")]);
    const tarball = readdirSync(join(work, "x/usr/src")).find((f) => f.startsWith(pkg) && f.includes(".tar"));
    if (!tarball) throw new Error(`${deb} holds no ${pkg} tarball under /usr/src`);
    log(`kernel-source: unpacking ${tarball} (a minute or two)`);
    const tmpOut = `${out}.tmp`;
    rmSync(tmpOut, { recursive: true, force: true });
    mkdirSync(tmpOut, { recursive: true });
    execFileSync("tar", ["-xf", join(work, "x/usr/src", tarball), "-C", tmpOut], { stdio: ["ignore", "ignore", "inherit"] });
    if (!existsSync(join(tmpOut, pkg, "Makefile"))) throw new Error(`${tarball} did not unpack to ${pkg}/Makefile`);
    writeFileSync(join(tmpOut, ".complete"), `${pkg} ${chosen}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(tmpOut, out);
    return { pkg, version: chosen, root };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const [series, version] = process.argv.slice(2);
  if (!series) {
    process.stderr.write(`usage: kernel-source.ts SERIES [VERSION]  (SERIES: ${Object.keys(SOURCE_SUITES).join(", ")})\n`);
    process.exit(2);
  }
  process.stdout.write(fetchKernelSource(series, version, defaultCorpusDir(), (s) => process.stderr.write(s + "\n")).root + "\n");
}
