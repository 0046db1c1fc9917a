// Real driver objects to hold the C reader against: Debian 6.12's linux-source, headers and
// kbuild packages (fetched with apt-get through a private sources list, cached), each chosen
// .c built as an out-of-tree object with kbuild's own command line (make M=DIR file.o), then
// preprocessed with that same command (-E instead of -c) and its undefined symbols read
// with nm -u. Cached under KSYMNS_FRONTEND_CACHE (default ~/.cache/ksymns-frontend).
// Needs a Debian host with make, gcc-12 (x86_64-linux-gnu-gcc-12), binutils, dpkg and xz.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, join } from "node:path";

/** The release whose packages are used, and its Debian version. */
export const RELEASE = "6.12.117+deb12";
const VERSION = "6.12.117-1~deb12u1";
const SUITE = "deb http://deb.debian.org/debian-security bookworm-security main";

/** Folders of linux-source whose files are built, each file as its own object
 *  (KSYMNS_FRONTEND_FOLDERS, comma-separated, picks others). */
export const FOLDERS = (process.env.KSYMNS_FRONTEND_FOLDERS ?? "drivers/usb/storage,drivers/pwm,drivers/dma-buf,sound/usb").split(",").filter(Boolean);

export interface KbuildObject {
  /** The source as the workspace names it (folder-relative path with folder prefix). */
  name: string;
  /** The preprocessed translation unit (gcc -E with kbuild's flags). */
  preprocessed: string;
  /** `nm -u` of the object kbuild made. */
  undefined: string[];
  /** The object's .modinfo strings (license=..., import_ns=...). */
  modinfo: string[];
}

export function cacheDir(): string {
  return process.env.KSYMNS_FRONTEND_CACHE ?? join(homedir(), ".cache", "ksymns-frontend");
}

function run(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
}

/** Whether this host can build kernel objects. */
export function canBuild(): string | null {
  for (const tool of ["make", "x86_64-linux-gnu-gcc-12", "nm", "apt-get", "dpkg", "tar"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) return `needs ${tool}`;
  }
  return null;
}

/** The headers folder (linux-headers-<release>-amd64 with its Makefile pointing at -common). */
function fetchPackages(log: (s: string) => void): { headers: string; source: string } {
  const cache = cacheDir();
  const x = join(cache, "x");
  const headers = join(x, "usr/src", `linux-headers-${RELEASE}-amd64`);
  const tarball = join(x, "usr/src/linux-source-6.12.tar.xz");
  if (!existsSync(join(headers, "Makefile")) || !existsSync(tarball)) {
    const apt = join(cache, "apt");
    mkdirSync(join(apt, "lists/partial"), { recursive: true });
    mkdirSync(join(apt, "cache/archives/partial"), { recursive: true });
    writeFileSync(join(apt, "sources.list"), SUITE + "\n");
    const opts = [
      "-o",
      `Dir::Etc::sourcelist=${join(apt, "sources.list")}`,
      "-o",
      "Dir::Etc::sourceparts=-",
      "-o",
      `Dir::State::Lists=${join(apt, "lists")}`,
      "-o",
      `Dir::Cache=${join(apt, "cache")}`,
    ];
    log("apt-get update (private sources list)");
    spawnSync("apt-get", [...opts, "update", "-qq"], { stdio: "ignore" });
    const debs = join(cache, "debs");
    mkdirSync(debs, { recursive: true });
    const pkgs = [
      `linux-headers-${RELEASE}-amd64=${VERSION}`,
      `linux-headers-${RELEASE}-common=${VERSION}`,
      `linux-kbuild-${RELEASE}=${VERSION}`,
      `linux-source-6.12=${VERSION}`,
    ];
    log(`apt-get download ${pkgs.join(" ")}`);
    run("apt-get", [...opts, "download", "-qq", ...pkgs], debs);
    for (const d of readdirSync(debs).filter((f) => f.endsWith(".deb"))) run("dpkg", ["-x", join(debs, d), x]);
  }
  // the headers' Makefile includes the -common one by its installed path
  const mk = join(headers, "Makefile");
  const common = join(x, "usr/src", `linux-headers-${RELEASE}-common`);
  const text = readFileSync(mk, "utf8");
  const fixed = text.replace(/include \S+\/linux-headers-[^/\s]+-common\/Makefile/, `include ${common}/Makefile`);
  if (fixed !== text) writeFileSync(mk, fixed);
  const source = join(cache, "src");
  if (!existsSync(join(source, "linux-source-6.12", FOLDERS[FOLDERS.length - 1]))) {
    mkdirSync(source, { recursive: true });
    log("unpacking the chosen folders of linux-source-6.12");
    run("tar", ["-xJf", tarball, "-C", source, ...FOLDERS.map((f) => `linux-source-6.12/${f}/*`), "--wildcards"]);
  }
  return { headers, source: join(source, "linux-source-6.12") };
}

/** kbuild's command line for an object, as make recorded it in .<obj>.cmd. */
function savedCommand(dir: string, obj: string): string | null {
  const cmd = join(dir, `.${obj}.cmd`);
  if (!existsSync(cmd)) return null;
  const m = /^savedcmd_\S+ := (.*)$/m.exec(readFileSync(cmd, "utf8"));
  return m ? m[1] : null;
}

/** Builds (once) and returns the objects of FOLDERS that kbuild compiles for x86-64. */
export function kbuildObjects(log: (s: string) => void): KbuildObject[] {
  const { headers, source } = fetchPackages(log);
  const out: KbuildObject[] = [];
  for (const folder of FOLDERS) {
    const slug = folder.replaceAll("/", "_");
    const dir = join(cacheDir(), "build", slug);
    const done = join(dir, ".ksymns-built");
    const files = readdirSync(join(source, folder))
      .filter((f) => f.endsWith(".c"))
      .sort();
    if (!existsSync(done)) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      cpSync(join(source, folder), dir, { recursive: true });
      // each file its own object, with the folder's own compiler flags
      const mf = existsSync(join(dir, "Makefile")) ? readFileSync(join(dir, "Makefile"), "utf8") : "";
      const flags = mf.split("\n").filter((l) => /^(ccflags-y|subdir-ccflags-y|CFLAGS_\S+\.o)\s*[:+]?=/.test(l));
      writeFileSync(join(dir, "Kbuild"), [...flags, `obj-m := ${files.map((f) => f.replace(/\.c$/, ".o")).join(" ")}`, ""].join("\n"));
      log(`building ${files.length} objects of ${folder}`);
      spawnSync("make", ["-k", "-s", "-C", headers, `M=${dir}`, ...files.map((f) => f.replace(/\.c$/, ".o"))], { stdio: "ignore" });
      for (const f of files) {
        const obj = f.replace(/\.c$/, ".o");
        const cmd = savedCommand(dir, obj);
        if (!cmd || !existsSync(join(dir, obj))) continue;
        const pre = cmd.replace(/-Wp,-MMD,\S+\s+/, "").replace(/ -c -o \S+\.o /, ` -E -o ${join(dir, f.replace(/\.c$/, ".i"))} `);
        spawnSync("sh", ["-c", pre], { cwd: headers, stdio: "ignore" });
        writeFileSync(join(dir, f.replace(/\.c$/, ".nm")), run("nm", ["-u", join(dir, obj)]));
        const info = spawnSync("objcopy", ["-O", "binary", "--only-section=.modinfo", join(dir, obj), "/dev/stdout"], {
          encoding: "latin1",
          maxBuffer: 1 << 24,
        });
        writeFileSync(join(dir, f.replace(/\.c$/, ".modinfo")), info.status === 0 ? info.stdout : "");
      }
      writeFileSync(done, "");
    }
    for (const f of files) {
      const stem = f.replace(/\.c$/, "");
      const i = join(dir, stem + ".i");
      if (!existsSync(i) || !existsSync(join(dir, stem + ".nm"))) continue;
      out.push({
        name: `${folder}/${f}`,
        preprocessed: readFileSync(i, "utf8"),
        undefined: readFileSync(join(dir, stem + ".nm"), "utf8")
          .split("\n")
          .map((l) => l.trim().split(/\s+/).at(-1) ?? "")
          .filter(Boolean),
        modinfo: existsSync(join(dir, stem + ".modinfo"))
          ? readFileSync(join(dir, stem + ".modinfo"), "latin1")
              .split("\0")
              .filter(Boolean)
          : [],
      });
    }
  }
  return out;
}

export const objectName = (o: KbuildObject): string => basename(o.name);
