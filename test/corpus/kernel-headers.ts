// Debian 6.12's kernel headers, kbuild and sources for the preprocessor's comparisons with
// gcc: downloaded from Debian's archive with apt-get (a private sources list and state
// under the cache; the system's apt configuration is left alone), unpacked with dpkg-deb,
// and kbuild's real compiler flags taken from `make V=1` of a one-line module against them.
// Cached under $KSYMNS_CPP_CORPUS, else ~/.cache/ksymns/cpp-corpus.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, normalize } from "node:path";
import type { Engine, PreprocessOptions } from "../../src/engine";

const SECURITY = "http://deb.debian.org/debian-security";

export interface KernelHeaders {
  /** The version, e.g. "6.12.118+deb12". */
  version: string;
  /** linux-headers-VERSION-common and -amd64 folders. */
  common: string;
  amd64: string;
  /** The unpacked linux-source tree. */
  source: string;
  /** kbuild's flags for a module's .c (without -c, -o, the file and the per-file -D). */
  flags: string[];
  /** The compiler kbuild runs. */
  cc: string;
}

export function cppCorpusDir(): string {
  return process.env.KSYMNS_CPP_CORPUS ?? join(homedir(), ".cache/ksymns/cpp-corpus");
}

function apt(dir: string): string[] {
  const state = join(dir, "apt");
  mkdirSync(join(state, "lists/partial"), { recursive: true });
  mkdirSync(join(state, "cache/archives/partial"), { recursive: true });
  writeFileSync(join(state, "sources.list"), `deb ${SECURITY} bookworm-security main\n`);
  const args = [
    "-o",
    `Dir::Etc::sourcelist=${join(state, "sources.list")}`,
    "-o",
    "Dir::Etc::sourceparts=-",
    "-o",
    `Dir::State::Lists=${join(state, "lists")}`,
    "-o",
    `Dir::Cache=${join(state, "cache")}`,
  ];
  if (process.getuid?.() === 0) args.push("-o", "APT::Sandbox::User=root");
  return args;
}

/** Whether this host can run the comparison (Debian's tools and gcc-12 for x86_64). */
export function hostCanCompare(): string | null {
  for (const tool of ["apt-get", "dpkg-deb", "make", "x86_64-linux-gnu-gcc-12", "xz"]) {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    } catch {
      return `${tool} is not installed`;
    }
  }
  return null;
}

/** Downloads (once) and unpacks Debian 6.12's newest headers, kbuild and source packages;
 *  extracts the given source folders; takes kbuild's flags from a real module build. */
export function fetchKernelHeaders(sourceDirs: string[], log: (s: string) => void = () => {}): KernelHeaders {
  const dir = cppCorpusDir();
  mkdirSync(dir, { recursive: true });
  const a = apt(dir);
  const names = (): string[] => execFileSync("apt-cache", [...a, "pkgnames", "linux-headers-6.12."], { encoding: "utf8" }).split("\n");
  let found = names().filter((p) => /^linux-headers-6\.12\.\d+\+deb12-common$/.test(p));
  if (found.length === 0) {
    log("cpp corpus: reading Debian's package index");
    execFileSync("apt-get", [...a, "update", "-qq"], { stdio: ["ignore", "ignore", "inherit"] });
    found = names().filter((p) => /^linux-headers-6\.12\.\d+\+deb12-common$/.test(p));
  }
  const version = found
    .sort((x, y) => x.localeCompare(y, "en", { numeric: true }))
    .at(-1)!
    .replace(/^linux-headers-/, "")
    .replace(/-common$/, "");
  const root = join(dir, version);
  const src = join(root, "usr/src");
  const common = join(src, `linux-headers-${version}-common`);
  const amd64 = join(src, `linux-headers-${version}-amd64`);
  if (!existsSync(join(root, ".unpacked"))) {
    const debs = join(dir, "debs", version);
    mkdirSync(debs, { recursive: true });
    log(`cpp corpus: downloading linux-headers-${version}, linux-kbuild and linux-source-6.12`);
    execFileSync(
      "apt-get",
      [...a, "download", "-qq", `linux-headers-${version}-common`, `linux-headers-${version}-amd64`, `linux-kbuild-${version}`, "linux-source-6.12"],
      { cwd: debs, stdio: ["ignore", "ignore", "inherit"] },
    );
    rmSync(root, { recursive: true, force: true });
    for (const deb of readdirSync(debs).filter((f) => f.endsWith(".deb"))) execFileSync("dpkg-deb", ["-x", join(debs, deb), root]);
    // the amd64 Makefile includes the common one by its installed path
    const mk = join(amd64, "Makefile");
    writeFileSync(mk, readFileSync(mk, "utf8").replace(/^include \/usr\/src\//m, `include ${src}/`));
    writeFileSync(join(root, ".unpacked"), "");
  }
  const tree = join(src, "linux-source-6.12");
  const tarball = readdirSync(src).find((f) => f.startsWith("linux-source-6.12") && f.endsWith(".tar.xz"))!;
  const missing = sourceDirs.filter((d) => !existsSync(join(tree, d)));
  if (missing.length > 0) {
    log(`cpp corpus: unpacking ${missing.join(", ")}`);
    execFileSync("tar", ["-xJf", join(src, tarball), "-C", src, "--wildcards", ...missing.map((d) => `linux-source-6.12/${d}/*`)], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return { version, common, amd64, source: tree, ...kbuildFlags(root, amd64) };
}

/** kbuild's command line for a module's .c, from `make V=1` of a one-line module. */
function kbuildFlags(root: string, amd64: string): { flags: string[]; cc: string } {
  const cache = join(root, "kbuild-flags.json");
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as { flags: string[]; cc: string };
  const mod = join(root, "probe-module");
  mkdirSync(mod, { recursive: true });
  writeFileSync(join(mod, "probe.c"), '#include <linux/module.h>\nMODULE_LICENSE("GPL");\n');
  writeFileSync(join(mod, "Makefile"), "obj-m += probe.o\n");
  execFileSync("make", ["-C", amd64, `M=${mod}`, "V=1", "probe.o"], { stdio: ["ignore", "ignore", "inherit"] });
  const cmd = readFileSync(join(mod, ".probe.o.cmd"), "utf8")
    .split("\n")[0]
    .replace(/^savedcmd_[^:]*:=\s*/, "");
  const words = shellWords(cmd.split(" ; ")[0]);
  const cc = words[0];
  const flags: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === "-c" || w.startsWith("-Wp,") || w.endsWith("probe.c") || /^-D(KBUILD_BASENAME|KBUILD_MODNAME|__KBUILD_MODNAME)=/.test(w)) continue;
    if (w === "-o") {
      i++;
      continue;
    }
    flags.push(w);
  }
  const out = { flags, cc };
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

/** Words of a shell command line (quotes as sh reads them). */
function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let any = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === " " || c === "\t") {
      if (any) {
        out.push(cur);
        cur = "";
        any = false;
      }
      continue;
    }
    any = true;
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      cur += s.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === "\\") j++;
        cur += s[j];
        j++;
      }
      i = j;
      continue;
    }
    if (c === "\\") {
      cur += s[++i];
      continue;
    }
    cur += c;
  }
  if (any) out.push(cur);
  return out;
}

/** A driver's translation unit with kbuild's options for the engine, and the header files
 *  it reads: found on demand as the page will load them (preprocess, add every file a
 *  missing #include could name from the include path, again until nothing is missing). */
export interface TranslationUnit {
  files: Record<string, string>;
  options: PreprocessOptions;
  bytes: number;
}

export function translationUnit(engine: Engine, k: KernelHeaders, src: string, extraDirs: string[] = []): TranslationUnit {
  const abs = (p: string): string => (p.startsWith("/") ? p : join(k.amd64, p));
  const base = src.split("/").at(-1)!.replace(/\.c$/, "");
  const includeDirs: string[] = [];
  const include: string[] = [];
  const macroPrefixMap: string[] = [];
  const defines: string[] = [];
  for (let i = 0; i < k.flags.length; i++) {
    const f = k.flags[i];
    if (f === "-include") include.push(abs(k.flags[++i]));
    else if (f === "-I") includeDirs.push(abs(k.flags[++i]));
    else if (f.startsWith("-I")) includeDirs.push(abs(f.slice(2)));
    else if (f.startsWith("-D")) defines.push(f.slice(2));
    else if (f.startsWith("-U")) defines.push("-" + f.slice(2));
    else if (f.startsWith("-fmacro-prefix-map=")) macroPrefixMap.push(f.slice("-fmacro-prefix-map=".length));
  }
  includeDirs.push(...extraDirs);
  defines.push(`KBUILD_BASENAME="${base}"`, `KBUILD_MODNAME="${base}"`, `__KBUILD_MODNAME=kmod_${base}`);
  const options: PreprocessOptions = {
    main: src,
    include,
    includeDirs,
    defines,
    macroPrefixMap,
    compiler: "gcc-kbuild",
    system: [k.common, k.amd64],
    stopAtFatal: false,
    tokens: false,
    text: false,
    invocations: false,
    definitions: false,
  };
  const files: Record<string, string> = {};
  const add = (p: string): boolean => {
    if (p in files || !existsSync(p) || statSync(p).isDirectory()) return false;
    files[p] = readFileSync(p, "utf8");
    return true;
  };
  add(src);
  for (const f of include) add(f);
  for (let round = 0; round < 100; round++) {
    const r = engine.preprocess(files, options);
    let added = false;
    for (const e of r.includes) {
      if (e.resolved !== null || e.spelling.startsWith("/")) continue;
      const from = e.from.slice(0, e.from.lastIndexOf("/"));
      for (const d of e.angled ? includeDirs : [from, ...includeDirs]) if (add(normalize(join(d, e.spelling)))) added = true;
    }
    if (!added) break;
  }
  return { files, options: { ...options, stopAtFatal: true }, bytes: Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0) };
}
