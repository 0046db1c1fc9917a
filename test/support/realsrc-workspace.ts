// One object of the real-source data set as engine input (test/corpus/realsrc-headers.corpus.ts):
// its source, the files it includes by name and a Kbuild with the flags kbuild recorded for it.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, normalize, relative } from "node:path";
import type { WorkspaceFiles } from "../../src/engine";
import { type BuiltModule, type BuiltObject, type TargetResult } from "./ground-truth";

/** Engine input for one source file: the file, every header beside it and the files it
 *  includes by name from elsewhere (sound/usb/usx2y's "usbusx2yaudio.c" and "../usbaudio.h"),
 *  keyed by absolute path. */
function sourceFilesOf(src: string): Map<string, string> {
  const files = new Map<string, string>([[src, readFileSync(src, "utf8")]]);
  for (const h of readdirSync(dirname(src)).filter((f) => f.endsWith(".h"))) files.set(join(dirname(src), h), readFileSync(join(dirname(src), h), "utf8"));
  const queue = [...files.keys()];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const m of files.get(file)!.matchAll(/^\s*#\s*include\s*"([^"]+)"/gm)) {
      const path = join(dirname(file), m[1]);
      if (files.has(path) || !existsSync(path)) continue;
      files.set(path, readFileSync(path, "utf8"));
      queue.push(path);
    }
  }
  return files;
}

/** The source file of an object (a module of one object records its .o). */
export function sourceOf(root: string, o: BuiltObject): string {
  const src = join(root, o.source!.replace(/^<T>\//, ""));
  return src.endsWith(".o") ? `${src.slice(0, -2)}.c` : src;
}

/** The Module.symvers rows of the target's modules built in the M= folder whose table the
 *  source folder's own Makefile or Kbuild names in KBUILD_EXTRA_SYMBOLS (ddcci-backlight's
 *  `$(src)/../ddcci/Module.symvers`), or null. */
function extraSymversOf(src: string, r: TargetResult, root: string): string | null {
  const rows: string[] = [];
  for (const name of ["Kbuild", "Makefile"]) {
    const mk = join(dirname(src), name);
    if (!existsSync(mk)) continue;
    for (const m of readFileSync(mk, "utf8").matchAll(/^\s*KBUILD_EXTRA_SYMBOLS\s*[:+?]?=\s*(.*)$/gm))
      for (const word of m[1].split(/\s+/).filter(Boolean)) {
        const table = normalize(word.replace(/\$[({](src|obj|M|PWD)[)}]/g, dirname(src)));
        for (const other of r.modules)
          if (join(root, dirname(other.ko)) === dirname(table))
            for (const e of other.exports) rows.push([e.crc, e.symbol, other.ko.replace(/\.ko$/, ""), e.type, e.namespace].join("\t"));
      }
  }
  return rows.length > 0 ? rows.join("\n") + "\n" : null;
}

/** Engine input for one object as kbuild compiled it: the source's files (in a subfolder as
 *  deep as its "../" includes need) and a Kbuild that builds it into its module with the
 *  object's own -D, -U, -I and -include flags (the folders of the target's tree it names
 *  copied in as inc<N>/, others are the kernel tree's; a file the build generated from the
 *  data set), and the tables of the target's other M= builds its Makefile names in
 *  KBUILD_EXTRA_SYMBOLS. */
export function kbuildWorkspaceOf(src: string, m: BuiltModule, o: BuiltObject, root: string, r: TargetResult): WorkspaceFiles {
  const sources = sourceFilesOf(src);
  let top = dirname(src);
  for (const path of sources.keys()) while (relative(top, path).startsWith("..")) top = dirname(top);
  const sub = relative(top, dirname(src));
  const at = (rel: string): string => (sub ? `${sub}/${rel}` : rel);
  const files: WorkspaceFiles = {};
  for (const [path, text] of sources) files[relative(top, path)] = text;
  const base = basename(src).replace(/\.c$/, "");
  const kmod = basename(m.ko).replace(/\.ko$/, "");
  const flags: string[] = [];
  const f = o.flags;
  if (f) {
    for (const d of f.defines)
      if (!["__KERNEL__", "CC_USING_FENTRY", "MODULE"].includes(d) && !/^(KBUILD_BASENAME|KBUILD_MODNAME|__KBUILD_MODNAME)=/.test(d)) flags.push(`-D${d}`);
    for (const u of f.undefines) flags.push(`-U${u}`);
    let n = 0;
    for (const d of f.includeDirs) {
      if (d.includes("linux-headers-") || d.startsWith("./")) continue;
      if (!d.startsWith("<T>")) {
        flags.push(`-I${d}`);
        continue;
      }
      const abs = normalize(join(root, d.slice(3)));
      if (abs === dirname(src) || !existsSync(abs)) continue;
      const inc = `inc${n++}`;
      for (const h of readdirSync(abs, { recursive: true, encoding: "utf8" }).filter((x) => x.endsWith(".h")))
        files[at(`${inc}/${h}`)] = readFileSync(join(abs, h), "utf8");
      flags.push(`-I$(src)/${inc}`);
    }
    n = 0;
    for (const x of f.includeFiles) {
      if (!x.startsWith("<T>/")) continue;
      const text = r.generated?.[x] ?? (existsSync(join(root, x.slice(4))) ? readFileSync(join(root, x.slice(4)), "utf8") : null);
      if (text === null) continue;
      const gen = `gen${n++}/${basename(x)}`;
      files[at(gen)] = text;
      flags.push("-include", `$(src)/${gen}`);
    }
  }
  const lines = [kmod === base ? `obj-m += ${base}.o` : `obj-m += ${kmod}.o\n${kmod}-y := ${base}.o`];
  if (flags.length > 0) lines.push(`ccflags-y += ${flags.map((x) => `'${x}'`).join(" ")}`);
  const extra = extraSymversOf(src, r, root);
  if (extra !== null) {
    files[at("extra0/Module.symvers")] = extra;
    lines.push("KBUILD_EXTRA_SYMBOLS := $(src)/extra0/Module.symvers");
  }
  files[at("Kbuild")] = lines.join("\n") + "\n";
  if (sub) files.Kbuild = `obj-m += ${sub}/\n`;
  return files;
}
