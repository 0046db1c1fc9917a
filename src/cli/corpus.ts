// `ksymns corpus SERIES [DIR]`: downloads a whole real Debian kernel (all its modules, its
// Module.symvers and .config) from Debian's package archive for tests and benchmarks. Uses
// apt-get and dpkg-deb with a private sources list and state under DIR: the system's apt
// configuration is left alone.

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Archive, SERIES } from "./apt";
import type { Io } from "./main";

export { SERIES };

/** Where corpora live unless a folder is given: $KSYMNS_CORPUS, else ~/.cache/ksymns/corpus. */
export function defaultCorpusDir(): string {
  return process.env.KSYMNS_CORPUS ?? join(homedir(), ".cache/ksymns/corpus");
}

/** The corpus folder of a series, downloaded and unpacked unless already there. Holds
 *  lib/modules/<release>/, Module.symvers, config and release (the `uname -r` string). */
export function fetchCorpus(series: string, dir: string = defaultCorpusDir(), log: (s: string) => void = () => {}): string {
  const s = SERIES[series];
  if (!s) throw new Error(`unknown series '${series}' (use ${Object.keys(SERIES).join(", ")})`);
  const apt = new Archive(series, s, dir, (line) => log(`ksymns corpus: ${line}`));
  const release = apt.releases().at(-1);
  if (!release) throw new Error(`no package matches ${s.image} in ${s.sources.join("; ")}`);
  const image = apt.names("linux-image-").find((p) => s.image.exec(p)?.[1] === release)!;
  const out = join(dir, release);
  if (existsSync(join(out, "release")) && existsSync(join(out, "Module.symvers"))) return out;

  const work = mkdtempSync(join(tmpdir(), "ksymns-corpus-"));
  try {
    const pkgs = [image, `linux-headers-${release}`];
    // newer Debian kernels keep their modules in a package of their own
    const modules = `linux-modules-${release}`;
    if (apt.names(modules).includes(modules)) pkgs.push(modules);
    apt.download(pkgs, work);
    const x = join(work, "x");
    for (const deb of readdirSync(work).filter((f) => f.endsWith(".deb"))) execFileSync("dpkg-deb", ["-x", join(work, deb), x]);
    const from = existsSync(join(x, "lib/modules", release)) ? join(x, "lib/modules", release) : join(x, "usr/lib/modules", release);
    rmSync(join(out, "lib"), { recursive: true, force: true });
    mkdirSync(join(out, "lib/modules"), { recursive: true });
    cpSync(from, join(out, "lib/modules", release), { recursive: true, verbatimSymlinks: true });
    const headers = join(x, "usr/src", `linux-headers-${release}`);
    cpSync(join(headers, "Module.symvers"), join(out, "Module.symvers"));
    if (existsSync(join(headers, ".config"))) cpSync(join(headers, ".config"), join(out, "config"));
    writeFileSync(join(out, "release"), release + "\n");
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The `uname -r` of a corpus folder. */
export function corpusRelease(folder: string): string {
  return readFileSync(join(folder, "release"), "utf8").trim();
}

/** Runs `ksymns corpus`; prints the corpus folder. */
export async function corpus(args: string[], io: Io): Promise<number> {
  const [series, dir, extra] = args;
  if (!series || series.startsWith("-") || extra) {
    io.stderr.write(`ksymns corpus: which series? (ksymns corpus SERIES [DIR]; SERIES: ${Object.keys(SERIES).join(", ")})\n`);
    return 2;
  }
  try {
    io.stdout.write(fetchCorpus(series, dir ? resolve(io.cwd, dir) : defaultCorpusDir(), (s) => io.stderr.write(s + "\n")) + "\n");
    return 0;
  } catch (err) {
    io.stderr.write(`ksymns corpus: ${(err as Error).message}\n`);
    return 1;
  }
}
