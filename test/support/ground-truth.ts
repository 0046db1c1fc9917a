// The real-kbuild ground truth of issues 11 and 13: whole in-tree directories of Debian's
// linux-source and real out-of-tree drivers (Debian's DKMS packages), built unmodified with
// `make -C $KDIR M=<dir>` against Debian's own headers and compiler, and read back: each .ko's
// undefined symbols (nm -u order and symbol-table order), its exports (the M= Module.symvers),
// its .modinfo, each object's undefined symbols and compiler flags, and the make log.
//
//   sudo npx tsx test/support/ground-truth.ts --kernel 6.12 [--out DIR] [--chroot DIR] [--only ID,..]
//
// Needs root (debootstrap, chroot), Debian's registry and about 3 GB under the cache. The build
// environment is a debootstrap chroot of the kernel's suite holding its gcc and the unpacked
// headers (as the kernel lab does), made once under <cache>/ground-truth/chroot-<suite>;
// --chroot reuses one that already holds the headers. Output: <out>/<release>/<id>.json and
// <id>.log, plus index.json. Default <out>: <cache>/ground-truth (cache: $KSYMNS_CORPUS, else
// ~/.cache/ksymns/corpus).

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, posix, relative } from "node:path";
import { defaultCorpusDir } from "../../src/cli/corpus";
import { fetchKernelSource, listVersions, privateApt } from "./kernel-source";

const DEBIAN = "http://deb.debian.org/debian";
const SECURITY = "http://deb.debian.org/debian-security";

interface Kernel {
  suite: string;
  /** sources.list lines where the headers are published. */
  sources: string[];
  /** linux-headers package of the amd64 flavour; group 1 is the release (`uname -r`). */
  headers: RegExp;
}

/** The kernels the ground truth is made for: the kernel lab's releases of these series. */
export const KERNELS: Record<string, Kernel> = {
  "5.10": {
    suite: "bullseye",
    sources: [`deb ${DEBIAN} bullseye main`, `deb ${SECURITY} bullseye-security main`],
    headers: /^linux-headers-(5\.10\.0-\d+-amd64)$/,
  },
  "6.1": {
    suite: "bookworm",
    sources: [`deb ${DEBIAN} bookworm main`, `deb ${SECURITY} bookworm-security main`],
    headers: /^linux-headers-(6\.1\.0-\d+-amd64)$/,
  },
  "6.12": { suite: "bookworm", sources: [`deb ${SECURITY} bookworm-security main`], headers: /^linux-headers-(6\.12\.\d+\+deb12-amd64)$/ },
  "7.3": { suite: "trixie", sources: [`deb ${DEBIAN} trixie-backports main`], headers: /^linux-headers-(7\.3\.\d+\+deb13-amd64)$/ },
};

/** An in-tree directory built as an external module. `mirror` directories' headers are copied
 *  beside it at their tree position (for `#include "../../scsi/sd.h"`); `srctree` directories'
 *  headers are copied into the headers package at that path (for `-I$(srctree)/drivers/cxl`,
 *  which an M= build points at the headers package). The sources themselves stay unmodified. */
interface TreeTarget {
  id: string;
  dir: string;
  mirror?: string[];
  srctree?: string[];
}

export const TREE_TARGETS: TreeTarget[] = [
  { id: "usb-storage", dir: "drivers/usb/storage", mirror: ["drivers/scsi"] },
  { id: "pwm", dir: "drivers/pwm" },
  { id: "dma-buf", dir: "drivers/dma-buf" },
  { id: "cxl", dir: "drivers/cxl", srctree: ["drivers/cxl"] },
  { id: "sound-usb", dir: "sound/usb" },
  { id: "netfilter", dir: "net/netfilter", mirror: ["net/bridge"] },
];

/** A real out-of-tree driver from a Debian package (a DKMS source package's /usr/src tree, or
 *  a source package's upstream tarball), built the way its dkms.conf builds it: one or more
 *  `make -C $KDIR M=<dir>` passes with the given variables. */
interface DriverTarget {
  id: string;
  /** Debian binary package holding /usr/src/<tree>, or "src:NAME" for a source package. */
  pkg: string;
  version: string;
  suite: string;
  /** Folder inside the unpacked tree that holds the sources. */
  tree: string;
  /** Each pass: M folder relative to the tree, extra make variables (TREE = the tree's path). */
  passes: { m: string; vars?: string[] }[];
  licence: string;
  upstream: string;
}

export const DRIVER_TARGETS: DriverTarget[] = [
  {
    id: "kvmfr",
    pkg: "src:looking-glass",
    version: "0+b7+ds1-1",
    suite: "sid",
    tree: "looking-glass-B7",
    passes: [{ m: "module" }],
    licence: 'GPL-2.0 (module/kvmfr.c: MODULE_LICENSE("GPL v2"); LICENSE: GPL-2.0)',
    upstream: "https://github.com/gnif/LookingGlass (tag B7), module/",
  },
  {
    id: "v4l2loopback",
    pkg: "v4l2loopback-dkms",
    version: "0.15.4-2",
    suite: "sid",
    tree: "usr/src/v4l2loopback-0.15.4",
    passes: [{ m: "." }],
    licence: "GPL-2.0-or-later",
    upstream: "https://github.com/umlaeute/v4l2loopback (v0.15.4)",
  },
  {
    id: "evdi",
    pkg: "evdi-dkms",
    version: "1.15.1+dfsg-1",
    suite: "sid",
    tree: "usr/src/evdi-1.15.1+dfsg",
    passes: [{ m: ".", vars: ["DKMS_BUILD=1"] }],
    licence: "GPL-2.0-only",
    upstream: "https://github.com/DisplayLink/evdi (v1.15.1), module/",
  },
  {
    id: "xtables-addons",
    pkg: "xtables-addons-dkms",
    version: "3.31-1",
    suite: "sid",
    tree: "usr/src/xtables-addons-3.31",
    passes: [{ m: "extensions", vars: ["XA_ABSTOPSRCDIR=TREE", "XA_TOPSRCDIR=TREE"] }],
    licence: "GPL-2.0",
    upstream: "https://inai.de/projects/xtables-addons/ (3.31)",
  },
  {
    id: "ddcci",
    pkg: "ddcci-dkms",
    version: "0.4.5-2",
    suite: "sid",
    tree: "usr/src/ddcci-0.4.5",
    passes: [{ m: "ddcci" }, { m: "ddcci-backlight" }],
    licence: "GPL-2.0-or-later",
    upstream: "https://gitlab.com/ddcci-driver-linux/ddcci-driver-linux (v0.4.5)",
  },
];

function run(cmd: string, args: string[], opts: { cwd?: string; input?: string } = {}): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"], ...opts });
  } catch (err) {
    // a tool this machine lacks: say which and where it comes from, not a spawn stack
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`ground-truth: ${cmd} is not installed (apt-get install -y ${cmd === "dpkg-deb" ? "dpkg" : cmd})`, { cause: err });
    throw err;
  }
}

/** A command inside the build chroot with a clean environment. */
function inChroot(chroot: string, args: string[]): { status: number; out: string } {
  const r = spawnSync("chroot", [chroot, "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "HOME=/root", "LC_ALL=C", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  return { status: r.status ?? 1, out: (r.stdout ?? "") + (r.stderr ?? "") };
}

function log(s: string): void {
  process.stderr.write(`ground-truth: ${s}\n`);
}

interface Env {
  series: string;
  release: string;
  version: string;
  chroot: string;
  kdir: string;
  srctree: string;
  gcc: string;
  headerDebs: string[];
}

/** Downloads the headers of the newest release of `series` (or `release`) and unpacks them
 *  into a chroot of the kernel's suite, debootstrapped once with the compiler they name. */
export function prepareEnv(series: string, cache: string, chroot?: string, release?: string): Env {
  const k = KERNELS[series];
  if (!k) throw new Error(`unknown series ${series} (use ${Object.keys(KERNELS).join(", ")})`);
  const apt = privateApt(join(cache, ".apt", `headers-${series}`), k.sources);
  const names = (): string[] =>
    run("apt-cache", [...apt, "pkgnames", "linux-headers-"])
      .split("\n")
      .filter((p) => k.headers.test(p));
  let found = names();
  if (found.length === 0) {
    run("apt-get", [...apt, "update", "-qq"]);
    found = names();
  }
  const rel =
    release ??
    found
      .map((p) => k.headers.exec(p)![1])
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
      .at(-1);
  if (!rel) throw new Error(`no linux-headers package for ${series} in ${k.sources.join("; ")}`);
  const hdr = `linux-headers-${rel}`;
  const version = listVersions(apt, hdr)[0];
  const debs = join(cache, "ground-truth", "debs");
  mkdirSync(debs, { recursive: true });
  const fetch = (name: string, ver: string): string => {
    const have = readdirSync(debs).find((f) => f.startsWith(`${name}_`) && f.includes(ver.replace(/:/, "%3a")));
    if (have) return join(debs, have);
    run("apt-get", [...apt, "download", "-qq", `${name}=${ver}`], { cwd: debs });
    const got = readdirSync(debs).find((f) => f.startsWith(`${name}_`));
    if (!got) throw new Error(`apt-get download ${name}=${ver} wrote nothing`);
    return join(debs, got);
  };
  const hdeb = fetch(hdr, version);
  const depends = run("dpkg-deb", ["-f", hdeb, "Depends"]);
  const dep = (re: RegExp): string => {
    const m = depends
      .split(",")
      .map((s) => s.trim().split(/\s+/)[0])
      .find((n) => re.test(n));
    if (!m) throw new Error(`${hdr} Depends names no ${re}: ${depends}`);
    return m;
  };
  const common = dep(/^linux-headers-.*-common$/);
  const kbuild = dep(/^linux-kbuild-/);
  // 6.1 and older name linux-compiler-gcc-N-x86, which depends on gcc-N; trixie's gcc-N-for-host
  const gcc = dep(/^(gcc-\d+(-for-host)?|linux-compiler-gcc-\d+-x86)$/).replace(/^linux-compiler-(gcc-\d+)-x86$/, "$1");
  const cdeb = fetch(common, version);
  const kbVersion = listVersions(apt, kbuild).includes(version) ? version : listVersions(apt, kbuild)[0];
  const kdeb = fetch(kbuild, kbVersion);

  const root = chroot ?? join(cache, "ground-truth", `chroot-${k.suite}`);
  if (!existsSync(join(root, "bin/sh"))) {
    const kbDeps = run("dpkg-deb", ["-f", kdeb, "Depends"])
      .split(",")
      .map((s) => s.trim().split(/\s+/)[0])
      .filter((n) => n && n !== "libc6");
    const include = [gcc, "make", "libc6-dev", "binutils", "dwarves", ...kbDeps].join(",");
    log(`debootstrap ${k.suite} -> ${root} (a few minutes)`);
    rmSync(`${root}.tmp`, { recursive: true, force: true });
    run("debootstrap", ["--variant=minbase", `--include=${include}`, k.suite, `${root}.tmp`, DEBIAN]);
    execFileSync("mv", [`${root}.tmp`, root]);
  }
  const kdir = `/usr/src/${hdr}`;
  if (!existsSync(join(root, kdir, "Makefile"))) {
    log(`unpacking ${basename(hdeb)} ${basename(cdeb)} ${basename(kdeb)} into ${root}`);
    // tar --keep-directory-symlink keeps the merged-/usr /lib symlink of the chroot intact
    for (const d of [hdeb, cdeb, kdeb]) execFileSync("bash", ["-c", `dpkg-deb --fsys-tarfile "$1" | tar -C "$2" --keep-directory-symlink -xf -`, "x", d, root]);
  }
  // objtool (6.x) reads /proc
  if (spawnSync("mountpoint", ["-q", join(root, "proc")]).status !== 0) {
    mkdirSync(join(root, "proc"), { recursive: true });
    run("mount", ["-t", "proc", "proc", join(root, "proc")]);
  }
  return { series, release: rel, version, chroot: root, kdir, srctree: `/usr/src/${common}`, gcc, headerDebs: [hdeb, cdeb, kdeb].map((d) => basename(d)) };
}

/** One object file's undefined symbols: symbol-table order (readelf -s), nm -u order, weak ones. */
interface Undefined {
  symtab: string[];
  nm: string[];
  weak: string[];
}

function undefinedOf(env: Env, file: string): Undefined {
  const symtab: string[] = [];
  const weak: string[] = [];
  for (const line of inChroot(env.chroot, ["readelf", "-sW", file]).out.split("\n")) {
    // Num: Value Size Type Bind Vis Ndx Name
    const f = line.trim().split(/\s+/);
    if (f.length >= 8 && /^\d+:$/.test(f[0]) && f[6] === "UND" && f[7]) {
      symtab.push(f[7]);
      if (f[4] === "WEAK") weak.push(f[7]);
    }
  }
  const nm = inChroot(env.chroot, ["nm", "-u", file])
    .out.split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length === 2)
    .map((f) => f[1]);
  return { symtab, nm, weak };
}

/** .modinfo's key=value strings, in section order. */
function modinfoOf(env: Env, file: string): [string, string][] {
  const tmp = `/tmp/modinfo.${process.pid}`;
  inChroot(env.chroot, ["objcopy", "-O", "binary", "--only-section=.modinfo", file, tmp]);
  const raw = readFileSync(join(env.chroot, tmp), "latin1");
  rmSync(join(env.chroot, tmp), { force: true });
  return raw
    .split("\0")
    .filter((s) => s.includes("="))
    .map((s) => [s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1)] as [string, string]);
}

/** Splits a shell command line the way sh would (single and double quotes, backslashes). */
export function shellWords(cmd: string): string[] {
  const out: string[] = [];
  let cur = "";
  let has = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i];
    if (c === "'") {
      const j = cmd.indexOf("'", i + 1);
      cur += cmd.slice(i + 1, j < 0 ? cmd.length : j);
      i = j < 0 ? cmd.length : j;
      has = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < cmd.length && cmd[j] !== '"'; j++) {
        if (cmd[j] === "\\" && j + 1 < cmd.length) j++;
        cur += cmd[j];
      }
      i = j;
      has = true;
    } else if (c === "\\" && i + 1 < cmd.length) {
      cur += cmd[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** The preprocessor-relevant flags of one compile command (issue 13): -D/-U in order, -I and
 *  -isystem directories, -include files, and the whole argument list. */
export interface CompileFlags {
  argv: string[];
  defines: string[];
  undefines: string[];
  includeDirs: string[];
  systemDirs: string[];
  includeFiles: string[];
}

export function compileFlags(savedcmd: string): CompileFlags {
  const argv = shellWords(savedcmd);
  const f: CompileFlags = { argv, defines: [], undefines: [], includeDirs: [], systemDirs: [], includeFiles: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const take = (flag: string, into: string[]): boolean => {
      if (a === flag) {
        into.push(argv[++i]);
        return true;
      }
      if (a.startsWith(flag) && flag.length === 2) {
        into.push(a.slice(2));
        return true;
      }
      return false;
    };
    if (take("-include", f.includeFiles) || take("-isystem", f.systemDirs)) continue;
    if (take("-D", f.defines) || take("-U", f.undefines) || take("-I", f.includeDirs)) continue;
  }
  return f;
}

/** The source file of a saved compile command: the last .c or .S word (the command may go on
 *  with objtool's run on the object, which kbuild saves in the same line for a module of one
 *  object). */
export function gccSource(argv: string[]): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) if (/\.[cS]$/.test(argv[i]) && argv[i - 1] !== "-o" && argv[i - 1] !== "-include") return argv[i];
  return undefined;
}

/** The M= folder of the pass that built the module at `koPath`. */
export function passFolder(passes: { m: string }[], koPath: string): string {
  return passes.find((q) => q.m === "." || koPath.startsWith(`${q.m}/`))?.m ?? ".";
}

/** A path gcc named relative to the M= folder `m`, in the data set's form. */
export function inFolder(m: string, f: string): string {
  return f.startsWith("<T>") || f.startsWith("/") ? f : `<T>/${posix.join(m, f)}`;
}

/** The compile command kbuild saved for an object (.<obj>.cmd), or null. */
function savedCommand(objPath: string): string | null {
  const cmd = join(dirname(objPath), `.${basename(objPath)}.cmd`);
  if (!existsSync(cmd)) return null;
  const m = /^savedcmd_\S+ := (.*)$/m.exec(readFileSync(cmd, "utf8")) ?? /^cmd_\S+ := (.*)$/m.exec(readFileSync(cmd, "utf8"));
  return m ? m[1] : null;
}

interface Export {
  symbol: string;
  namespace: string;
  gpl: boolean;
  type: string;
  crc: string;
}

/** Module.symvers rows (5.4+ layout: crc, symbol, module, type, namespace) by module path. */
function readSymvers(path: string): Map<string, Export[]> {
  const out = new Map<string, Export[]>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const f = line.split("\t");
    if (f.length < 4) continue;
    const list = out.get(f[2]) ?? [];
    list.push({ crc: f[0], symbol: f[1], type: f[3], gpl: f[3].includes("_GPL"), namespace: f[4] ?? "" });
    out.set(f[2], list);
  }
  return out;
}

export interface BuiltObject {
  /** Path relative to the target's tree. */
  path: string;
  undefined: Undefined;
  source?: string;
  flags?: CompileFlags;
}

export interface BuiltModule {
  /** The .ko path relative to the target's tree (as make wrote it, e.g. usb-storage.ko). */
  ko: string;
  name: string;
  license: string[];
  import_ns: string[];
  depends: string[];
  modinfo: [string, string][];
  undefined: Undefined;
  exports: Export[];
  /** The objects linked into it (the .mod list); for a composite module also the prelinked .o. */
  objects: BuiltObject[];
}

export interface TargetResult {
  id: string;
  kind: "tree" | "driver";
  kernel: { series: string; release: string; headers: string[]; gcc: string; kdir: string };
  source: { pkg: string; version: string; path: string; licence?: string; upstream?: string };
  setup: string[];
  passes: { m: string; command: string; exit: number }[];
  modules: BuiltModule[];
  /** Files the build made and an object's -include names (evdi's conftest.sh writes
   *  evdi_detect.h by test-compiling against the headers), keyed by their <T>/ path. */
  generated?: Record<string, string>;
  /** Objects built but in no module (obj-y parts of a mixed directory are not built in an M= build). */
  log: string;
}

function findFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(suffix)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Builds one M= folder (already in the chroot at `inner`) and reads its modules. */
function buildAndRead(env: Env, work: string, tree: string, passes: { m: string; vars?: string[] }[], res: TargetResult, sourceTree: string): void {
  const inner = "/" + relative(env.chroot, work);
  const hostTree = join(work, tree);
  let log = "";
  for (const p of passes) {
    const m = join(inner, tree, p.m);
    const vars = (p.vars ?? []).map((v) => v.replace("TREE", join(inner, tree)));
    const args = ["make", "-C", env.kdir, `M=${m}`, ...vars, "modules"];
    const r = inChroot(env.chroot, args);
    const shown = args.join(" ").replaceAll(join(inner, tree), "<T>");
    log += `=== ${shown}\n${r.out}=== exit status: ${r.status}\n`;
    res.passes.push({ m: p.m, command: shown, exit: r.status });
  }
  res.log = log.replaceAll(join(inner, tree), "<T>").replaceAll(inner, "<W>");
  const symvers = new Map<string, Export[]>();
  // from 6.13 an M= build's Module.symvers names its modules relative to the M= folder
  for (const p of passes)
    for (const [k, v] of readSymvers(join(hostTree, p.m, "Module.symvers")))
      symvers.set(k.startsWith("/") ? k.replace(join(inner, tree) + "/", "") : posix.join(p.m, k), v);
  for (const ko of findFiles(hostTree, ".ko")) {
    const rel = relative(hostTree, ko);
    const stem = ko.slice(0, -3);
    const info = modinfoOf(env, "/" + relative(env.chroot, ko));
    const field = (k: string): string[] => info.filter(([key]) => key === k).map(([, v]) => v);
    const objects: BuiltObject[] = [];
    const modList = existsSync(`${stem}.mod`) ? readFileSync(`${stem}.mod`, "utf8").split(/\s+/).filter(Boolean) : [];
    const parts = modList.map((o) => (o.startsWith("/") ? join(env.chroot, o) : join(dirname(ko), o)));
    if (!parts.includes(`${stem}.o`)) parts.push(`${stem}.o`);
    for (const o of parts) {
      if (!existsSync(o)) continue;
      const obj: BuiltObject = { path: relative(hostTree, o), undefined: undefinedOf(env, "/" + relative(env.chroot, o)) };
      const cmd = savedCommand(o);
      if (cmd && / -c /.test(cmd)) {
        const norm = cmd.replaceAll(join(inner, tree), "<T>");
        obj.flags = compileFlags(norm);
        obj.source = gccSource(obj.flags.argv);
        // from 6.13 gcc runs in the M= folder and names the source and $(src) relative to it
        const m = passFolder(passes, rel);
        if (obj.source && !obj.source.startsWith("<T>") && !obj.source.startsWith("/")) {
          obj.source = inFolder(m, obj.source);
          obj.flags.includeDirs = obj.flags.includeDirs.map((d) => inFolder(m, d));
          obj.flags.includeFiles = obj.flags.includeFiles.map((f) => inFolder(m, f));
        }
      }
      for (const f of obj.flags?.includeFiles ?? []) {
        const inTree = join(hostTree, f.slice(4));
        if (f.startsWith("<T>/") && existsSync(inTree) && !existsSync(join(sourceTree, f.slice(4)))) (res.generated ??= {})[f] = readFileSync(inTree, "utf8");
      }
      objects.push(obj);
    }
    res.modules.push({
      ko: rel,
      name: field("name")[0] ?? basename(ko, ".ko").replaceAll("-", "_"),
      license: field("license"),
      import_ns: field("import_ns"),
      depends: (field("depends")[0] ?? "").split(",").filter(Boolean),
      modinfo: info,
      undefined: undefinedOf(env, "/" + relative(env.chroot, ko)),
      exports: symvers.get(rel.slice(0, -3)) ?? [],
      objects,
    });
  }
}

function copyHeaders(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) if (e.isFile() && e.name.endsWith(".h")) cpSync(join(from, e.name), join(to, e.name));
}

export function buildTreeTarget(env: Env, src: { pkg: string; version: string; root: string }, t: TreeTarget): TargetResult {
  const work = join(env.chroot, "gt-work", env.release, t.id);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "src", dirname(t.dir)), { recursive: true });
  cpSync(join(src.root, t.dir), join(work, "src", t.dir), { recursive: true });
  const setup: string[] = [`cp -a linux-source/${t.dir} <W>/src/${t.dir}`];
  for (const d of t.mirror ?? []) {
    copyHeaders(join(src.root, d), join(work, "src", d));
    setup.push(`cp linux-source/${d}/*.h <W>/src/${d}/   (the tree position its #include "../" paths name)`);
  }
  for (const d of t.srctree ?? []) {
    copyHeaders(join(src.root, d), join(env.chroot, env.srctree, d));
    setup.push(`cp linux-source/${d}/*.h ${env.srctree}/${d}/   (kbuild's -I$(srctree)/${d} points into the headers package)`);
  }
  const res: TargetResult = {
    id: t.id,
    kind: "tree",
    kernel: { series: env.series, release: env.release, headers: env.headerDebs, gcc: env.gcc, kdir: env.kdir },
    source: { pkg: src.pkg, version: src.version, path: t.dir, licence: "GPL-2.0 (the kernel's COPYING)" },
    setup,
    passes: [],
    modules: [],
    log: "",
  };
  buildAndRead(env, work, "src", [{ m: t.dir }], res, src.root);
  // the M= folder's own paths, not src/<dir>/, name the objects
  for (const m of res.modules) {
    m.ko = m.ko.replace(`${t.dir}/`, "");
    for (const o of m.objects) o.path = o.path.replace(`${t.dir}/`, "");
  }
  return res;
}

/** Downloads and unpacks a driver's Debian package (once) under <cache>/ground-truth/drivers. */
export function fetchDriver(cache: string, d: DriverTarget): string {
  const dir = join(cache, "ground-truth", "drivers", `${d.id}_${d.version}`);
  if (existsSync(join(dir, ".complete"))) return dir;
  const sources = [`deb ${DEBIAN} ${d.suite} main`, `deb-src ${DEBIAN} ${d.suite} main`];
  const apt = privateApt(join(cache, ".apt", `drivers-${d.suite}`), sources);
  if (!existsSync(join(cache, ".apt", `drivers-${d.suite}`, "lists", "updated"))) {
    run("apt-get", [...apt, "update", "-qq"]);
    writeFileSync(join(cache, ".apt", `drivers-${d.suite}`, "lists", "updated"), "");
  }
  rmSync(dir, { recursive: true, force: true });
  const dl = join(dir, ".download");
  mkdirSync(dl, { recursive: true });
  if (d.pkg.startsWith("src:")) {
    // only the upstream tarball is needed; apt may fail on the Debian part, which is checked below
    spawnSync("apt-get", [...apt, "source", "--download-only", "-qq", `${d.pkg.slice(4)}=${d.version}`], { cwd: dl });
    const orig = readdirSync(dl).find((f) => f.includes(".orig.tar"));
    if (!orig) throw new Error(`${d.pkg}=${d.version}: no upstream tarball downloaded`);
    run("tar", ["-xf", join(dl, orig), "-C", dir]);
  } else {
    run("apt-get", [...apt, "download", "-qq", `${d.pkg}=${d.version}`], { cwd: dl });
    const deb = readdirSync(dl).find((f) => f.endsWith(".deb"));
    if (!deb) throw new Error(`${d.pkg}=${d.version}: no .deb downloaded`);
    run("dpkg-deb", ["-x", join(dl, deb), dir]);
  }
  writeFileSync(join(dir, ".complete"), `${d.pkg} ${d.version}\n`);
  return dir;
}

export function buildDriverTarget(env: Env, cache: string, d: DriverTarget): TargetResult {
  const from = join(fetchDriver(cache, d), d.tree);
  const work = join(env.chroot, "gt-work", env.release, d.id);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(from, join(work, "tree"), { recursive: true });
  const res: TargetResult = {
    id: d.id,
    kind: "driver",
    kernel: { series: env.series, release: env.release, headers: env.headerDebs, gcc: env.gcc, kdir: env.kdir },
    source: { pkg: d.pkg, version: d.version, path: d.tree, licence: d.licence, upstream: d.upstream },
    setup: [`cp -a ${d.pkg}_${d.version}:${d.tree} <W>/tree`],
    passes: [],
    modules: [],
    log: "",
  };
  buildAndRead(env, work, "tree", d.passes, res, from);
  return res;
}

function main(argv: string[]): number {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const series = opt("--kernel");
  if (!series || !KERNELS[series]) {
    process.stderr.write(`usage: ground-truth.ts --kernel ${Object.keys(KERNELS).join("|")} [--release R] [--out DIR] [--chroot DIR] [--only ID,..]\n`);
    return 2;
  }
  const cache = defaultCorpusDir();
  const env = prepareEnv(series, cache, opt("--chroot"), opt("--release"));
  log(`${env.release}: ${env.headerDebs.join(" ")} in ${env.chroot} (${env.gcc})`);
  const src = fetchKernelSource(series, env.version, cache, log);
  const out = join(opt("--out") ?? join(cache, "ground-truth"), env.release);
  mkdirSync(out, { recursive: true });
  const only = opt("--only")?.split(",");
  const want = (id: string): boolean => !only || only.includes(id);
  for (const t of TREE_TARGETS.filter((t) => want(t.id))) {
    if (!existsSync(join(src.root, t.dir))) continue;
    log(`building ${t.dir}`);
    const r = buildTreeTarget(env, src, t);
    writeResult(out, r);
  }
  for (const d of DRIVER_TARGETS.filter((d) => want(d.id))) {
    log(`building ${d.id} (${d.pkg} ${d.version})`);
    writeResult(out, buildDriverTarget(env, cache, d));
  }
  const index = readdirSync(out)
    .filter((f) => f.endsWith(".json") && f !== "index.json")
    .map((f) => {
      const r = JSON.parse(readFileSync(join(out, f), "utf8")) as TargetResult;
      return { id: r.id, kind: r.kind, source: r.source, modules: r.modules.map((m) => m.ko), exits: r.passes.map((p) => p.exit) };
    });
  writeFileSync(
    join(out, "index.json"),
    JSON.stringify({ series: env.series, release: env.release, version: env.version, headers: env.headerDebs, gcc: env.gcc, targets: index }, null, 1) + "\n",
  );
  process.stdout.write(out + "\n");
  return 0;
}

function writeResult(out: string, r: TargetResult): void {
  writeFileSync(join(out, `${r.id}.log`), r.log);
  writeFileSync(join(out, `${r.id}.json`), JSON.stringify(r, null, 1) + "\n");
  log(`${r.id}: ${r.modules.length} modules, make exit ${r.passes.map((p) => p.exit).join(",")} (${statSync(join(out, `${r.id}.json`)).size} bytes)`);
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
