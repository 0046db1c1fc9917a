// `ksymns headers KERNEL [DIR]`: a built-in profile's header pack, made from Debian's
// linux-headers-<uname> and linux-headers-<common> packages (downloaded with apt-get into a
// cache, as ksymns symvers does) and written to DIR/<profile>/ (default: the cache); prints
// that folder. `npm run headers` writes them into public/headers/ for the site.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { Archive, SERIES } from "./apt";
import { BUILTIN_PROFILES } from "../../wasm/shared/debian";
import { releaseName } from "../../wasm/shared/releases";
import { HEADER_PACK_FORMAT, PACK_AUTOCONF } from "../../wasm/shared/headerpack";
import { buildPack, stripComments } from "./headerpack";
import { escapeValue } from "./escape";
import type { HeaderIndex } from "../engine/headers";
import type { Io } from "./main";

/** Where packs and their packages are cached: $KSYMNS_CACHE/headers, else ~/.cache/ksymns/headers. */
export function defaultHeadersDir(): string {
  return join(process.env.KSYMNS_CACHE ?? join(homedir(), ".cache/ksymns"), "headers");
}

/** The built-in profile `wanted` names (debian-6.12, 6.12, its release or its profile name). */
export function headerProfile(wanted: string): string | null {
  const name = wanted.replace(/^debian-/, "");
  for (const k of BUILTIN_PROFILES) if (k.uname === name || releaseName(k.release) === name) return k.name;
  return null;
}

/** The folders of the tree that go into a pack, and what in them. */
function wanted(rel: string): boolean {
  if (rel === PACK_AUTOCONF) return false;
  // fixdep's empty per-option stamps (include/config/usb/storage.h up to 5.12; no .h after)
  if (rel.startsWith("include/config/")) return false;
  if (!rel.endsWith(".h")) return false;
  return rel.startsWith("include/") || rel.startsWith("arch/x86/include/");
}

/** Every file of `root`'s include/ and arch/x86/include/ (symbolic links as the files they name). */
function collect(root: string, into: Map<string, string>): void {
  const walk = (rel: string): void => {
    const abs = join(root, rel);
    if (!existsSync(abs)) return;
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      const st = e.isSymbolicLink() ? statSync(join(abs, e.name), { throwIfNoEntry: false }) : null;
      if (e.isDirectory() || st?.isDirectory()) walk(r);
      else if ((e.isFile() || st?.isFile()) && wanted(r)) into.set(r, stripComments(readFileSync(join(abs, e.name), "utf8")));
    }
  };
  walk("include");
  walk("arch/x86/include");
}

/** The pack folder of a built-in profile under `out`, made unless it is there. */
export function fetchHeaderPack(
  wantedName: string,
  out: string = defaultHeadersDir(),
  cache: string = defaultHeadersDir(),
  log: (s: string) => void = () => {},
): string {
  const profile = headerProfile(wantedName);
  if (!profile) throw new Error(`${JSON.stringify(wantedName)}: not a built-in profile (${BUILTIN_PROFILES.map((k) => k.name).join(", ")})`);
  const kernel = BUILTIN_PROFILES.find((k) => k.name === profile)!;
  const dest = join(out, profile);
  if (existsSync(join(dest, "index.json"))) {
    const have = JSON.parse(readFileSync(join(dest, "index.json"), "utf8")) as HeaderIndex;
    if (have.format === HEADER_PACK_FORMAT) return dest;
  }
  const series = releaseName(kernel.release);
  const s = SERIES[series];
  if (!s) throw new Error(`no Debian archive known for ${series}`);
  const release = kernel.uname;
  const pkgs = [`linux-headers-${release}`, `linux-headers-${release.replace(/-amd64$/, "")}-common`];
  const debs = join(cache, ".debs", release);
  mkdirSync(debs, { recursive: true });
  const apt = new Archive(series, s, cache, log);
  const have = readdirSync(debs).filter((f) => f.endsWith(".deb"));
  if (pkgs.some((p) => !have.some((f) => f.startsWith(`${p}_`)))) {
    if (!apt.names(pkgs[0]).includes(pkgs[0])) apt.update();
    if (!apt.names(pkgs[0]).includes(pkgs[0])) throw new Error(`${pkgs[0]} is no longer in Debian's archive (${s.sources.join("; ")})`);
    apt.download(pkgs, debs);
  }
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(out, ".work-"));
  try {
    const x = join(work, "x");
    const versions: string[] = [];
    for (const deb of readdirSync(debs).filter((f) => f.endsWith(".deb"))) {
      execFileSync("dpkg-deb", ["-x", join(debs, deb), x]);
      const [name, version] = deb.replace(/\.deb$/, "").split("_");
      versions.push(`${name} ${decodeURIComponent(version)}`);
    }
    const files = new Map<string, string>();
    // the common package first: the amd64 one adds the generated headers
    for (const p of [pkgs[1], pkgs[0]]) collect(join(x, "usr/src", p), files);
    log(`packing ${files.size} headers`);
    const { index, chunks } = buildPack(files, { profile, release, packages: versions.sort() });
    const staged = join(work, "pack");
    mkdirSync(staged);
    for (const [name, bytes] of chunks) writeFileSync(join(staged, name), bytes);
    writeFileSync(join(staged, "index.json"), JSON.stringify(index));
    rmSync(dest, { recursive: true, force: true });
    renameSync(staged, dest);
    return dest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A pack's sizes, for the log: files, bytes uncompressed, gzipped, index. */
export function packSizes(dir: string): string {
  const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as HeaderIndex;
  const raw = index.chunks.reduce((n, c) => n + c.bytes, 0);
  const gz = index.chunks.reduce((n, c) => n + c.gzip, 0);
  const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
  return `${index.files.length} files in ${index.chunks.length} chunks, ${mb(raw)} without comments, ${mb(gz)} gzipped, index ${mb(statSync(join(dir, "index.json")).size)}`;
}

/** Runs `ksymns headers`; prints the pack folder. */
export async function headers(args: string[], io: Io): Promise<number> {
  const [wantedName, dir, extra] = args;
  if (!wantedName || wantedName.startsWith("-") || extra) {
    io.stderr.write(
      `ksymns headers: which profile? (ksymns headers KERNEL [DIR]; KERNEL: ${BUILTIN_PROFILES.map((k) => `debian-${releaseName(k.release)}`).join(", ")})\n`,
    );
    return 2;
  }
  try {
    const log = (s: string): unknown => io.stderr.write(`ksymns headers: ${s}\n`);
    const made = fetchHeaderPack(wantedName, dir ? resolve(io.cwd, dir) : defaultHeadersDir(), defaultHeadersDir(), log);
    log(packSizes(made));
    io.stdout.write(made + "\n");
    return 0;
  } catch (err) {
    io.stderr.write(`ksymns headers: ${escapeValue((err as Error).message)}\n`);
    return 1;
  }
}
