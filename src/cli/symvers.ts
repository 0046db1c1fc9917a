// `ksymns symvers KERNEL [DIR]`: a real Debian kernel's Module.symvers and .config, from its
// linux-headers package in Debian's archive, kept in a cache folder; prints the path of the
// Module.symvers (its .config beside it, as in /usr/src/linux-headers-*), ready for
// `ksymns check --symvers`. KERNEL is a series (debian-6.12 or 6.12: its newest kernel), a
// release (`uname -r`, 6.12.48+deb12-amd64) or a Debian package version (6.1.153-1).

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { Archive, SERIES, byVersion } from "./apt";
import { escapeValue } from "./escape";
import type { Io } from "./main";

/** Where tables are cached unless a folder is given: $KSYMNS_CACHE/symvers, else ~/.cache/ksymns/symvers. */
export function defaultSymversDir(): string {
  return join(process.env.KSYMNS_CACHE ?? join(homedir(), ".cache/ksymns"), "symvers");
}

/** A release as a cache folder name: only the characters a Debian release has. */
const RELEASE = /^[0-9][0-9A-Za-z.+~-]{0,80}$/;

/** The series whose name begins `wanted` (the longest, so 6.12.x is not taken for 6.1). */
function seriesOf(wanted: string): string[] {
  const name = wanted.replace(/^debian-/, "");
  if (SERIES[name]) return [name];
  return Object.keys(SERIES)
    .filter((s) => name.startsWith(`${s}.`) || name.startsWith(`${s}-`))
    .sort((a, b) => b.length - a.length);
}

/** Which release of which series `wanted` names, asking the archive. */
function findRelease(wanted: string, dir: string, log: (s: string) => void): { apt: Archive; release: string } {
  const candidates = seriesOf(wanted);
  if (candidates.length === 0)
    throw new Error(
      `${JSON.stringify(wanted)}: not a Debian kernel ksymns fetches (series: ${Object.keys(SERIES)
        .map((s) => `debian-${s}`)
        .join(", ")}; or one of their releases or package versions)`,
    );
  const name = wanted.replace(/^debian-/, "");
  const seen: string[] = [];
  for (const series of candidates) {
    const apt = new Archive(series, SERIES[series], dir, log);
    let releases = apt.releases();
    if (SERIES[name] && releases.length > 0) return { apt, release: releases.at(-1)! };
    const pick = (): string | undefined => {
      if (releases.includes(name)) return name;
      const headers = releases.map((r) => `linux-headers-${r}`);
      for (const [pkg, version] of apt.versions(headers)) if (version === name) return pkg.slice("linux-headers-".length);
      return undefined;
    };
    let found = pick();
    if (!found) {
      // the index may be older than the release asked for
      apt.update();
      releases = apt.releases();
      found = SERIES[name] ? releases.at(-1) : pick();
    }
    if (found) return { apt, release: found };
    seen.push(...releases);
  }
  throw new Error(
    `${JSON.stringify(wanted)}: no such kernel in Debian's archive now (it has ${seen.sort(byVersion).join(", ") || "none of that series"}); older point releases are no longer there`,
  );
}

/** The cached Module.symvers of a Debian kernel, fetched first if it is not cached. */
export function fetchSymvers(wanted: string, dir: string = defaultSymversDir(), log: (s: string) => void = () => {}): string {
  // a release asked for by name is used from the cache without asking the archive
  const name = wanted.replace(/^debian-/, "");
  if (RELEASE.test(name) && !SERIES[name] && existsSync(join(dir, name, "Module.symvers"))) return join(dir, name, "Module.symvers");
  const { apt, release } = findRelease(wanted, dir, log);
  if (!RELEASE.test(release)) throw new Error(`unexpected release name ${JSON.stringify(release)} in the archive`);
  const out = join(dir, release);
  if (existsSync(join(out, "Module.symvers"))) return join(out, "Module.symvers");
  mkdirSync(dir, { recursive: true });
  // beside the cache, so that the finished folder is renamed into place (same file system)
  const work = mkdtempSync(join(dir, ".work-"));
  try {
    const pkg = `linux-headers-${release}`;
    apt.download([pkg], work);
    const x = join(work, "x");
    for (const deb of readdirSync(work).filter((f) => f.endsWith(".deb"))) execFileSync("dpkg-deb", ["-x", join(work, deb), x]);
    const headers = join(x, "usr/src", pkg);
    if (!existsSync(join(headers, "Module.symvers"))) throw new Error(`${pkg} holds no Module.symvers`);
    // complete before it is visible: a folder renamed into place
    const staged = join(work, "out");
    mkdirSync(staged);
    cpSync(join(headers, "Module.symvers"), join(staged, "Module.symvers"));
    if (existsSync(join(headers, ".config"))) cpSync(join(headers, ".config"), join(staged, ".config"));
    writeFileSync(join(staged, "package"), `${pkg} ${apt.versions([pkg]).get(pkg) ?? ""}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(staged, out);
    return join(out, "Module.symvers");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs `ksymns symvers`; prints the path of the Module.symvers. */
export async function symvers(args: string[], io: Io): Promise<number> {
  const [wanted, dir, extra] = args;
  if (!wanted || wanted.startsWith("-") || extra) {
    io.stderr.write(
      `ksymns symvers: which kernel? (ksymns symvers KERNEL [DIR]; KERNEL: ${Object.keys(SERIES)
        .map((s) => `debian-${s}`)
        .join(", ")}, a release or a Debian package version)\n`,
    );
    return 2;
  }
  try {
    io.stdout.write(fetchSymvers(wanted, dir ? resolve(io.cwd, dir) : defaultSymversDir(), (s) => io.stderr.write(`ksymns symvers: ${s}\n`)) + "\n");
    return 0;
  } catch (err) {
    io.stderr.write(`ksymns symvers: ${escapeValue((err as Error).message)}\n`);
    return 1;
  }
}
