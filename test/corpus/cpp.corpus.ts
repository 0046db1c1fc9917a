// The preprocessor against gcc on real drivers: every .c of drivers/usb/storage, drivers/pwm,
// drivers/dma-buf, drivers/cxl, sound/usb and net/netfilter of Debian 6.12, preprocessed
// with kbuild's real flags (from `make V=1` against linux-headers-6.12) by gcc-12 -E -P and
// by the engine (with its own gcc table, cpp/gcc.ts) must give the same tokens, strings
// included. Files gcc itself cannot compile out of tree are skipped and counted. Needs a
// Debian host with gcc-12 (KSYMNS_CPP_DIRS=drivers/pwm,... picks folders).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine } from "../../src/engine";
import { ctokens } from "../engine/cpp/support";
import { fetchKernelHeaders, hostCanCompare, type KernelHeaders } from "./kernel-headers";
import { parseGccTable } from "../support/gcc-table-text";

const DIRS = (process.env.KSYMNS_CPP_DIRS ?? "drivers/usb/storage,drivers/pwm,drivers/dma-buf,drivers/cxl,sound/usb,net/netfilter").split(",");
const cannot = hostCanCompare();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith(".c")) out.push(p);
  }
  return out;
}

describe.skipIf(cannot !== null)("the preprocessor against gcc -E on Debian 6.12's drivers", () => {
  let k: KernelHeaders;
  let engine: Engine;
  beforeAll(async () => {
    k = fetchKernelHeaders([...DIRS, "drivers/scsi"], (s) => process.stderr.write(s + "\n"));
    engine = await createNodeEngine();
  });

  it("predefines what this host's gcc-12 predefines for kbuild's flags", () => {
    const table = parseGccTable(readFileSync(new URL("../../wasm/assembly/cpp/gcc.ts", import.meta.url), "utf8"));
    const flags = table.flags;
    const ours = table.predefined;
    const theirs =
      execFileSync(k.cc, [...flags.split(" "), "-dM", "-E", "-x", "c", "/dev/null"], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .sort()
        .join("\n") + "\n";
    expect(ours).toBe(theirs);
  });

  it(
    "gives gcc's tokens for every driver file gcc compiles",
    async () => {
      const work = mkdtempSync(join(tmpdir(), "ksymns-cpp-"));
      const abs = (p: string): string => (p.startsWith("/") ? p : join(k.amd64, p));
      let files = 0,
        skipped = 0,
        agreeing = 0,
        tokens = 0,
        sameTokens = 0,
        bytes = 0,
        ms = 0;
      const differ: string[] = [];
      try {
        for (const dir of DIRS) {
          for (const src of sources(join(k.source, dir))) {
            const base = src.split("/").at(-1)!.replace(/\.c$/, "");
            const srcDir = src.slice(0, src.lastIndexOf("/"));
            const defines = [`KBUILD_BASENAME="${base}"`, `KBUILD_MODNAME="${base}"`, `__KBUILD_MODNAME=kmod_${base}`];
            const extra = [`-I${srcDir}`, `-I${join(k.source, "drivers/scsi")}`];
            const dep = join(work, "dep");
            let ref: string;
            try {
              ref = execFileSync(k.cc, [...k.flags, ...extra, ...defines.map((d) => `-D${d}`), "-E", "-P", "-MD", "-MF", dep, src], {
                cwd: k.amd64,
                encoding: "utf8",
                maxBuffer: 1 << 30,
                stdio: ["ignore", "pipe", "ignore"],
              });
            } catch {
              skipped++;
              continue;
            }
            const deps = readFileSync(dep, "utf8")
              .replace(/\\\n/g, " ")
              .split(/\s+/)
              .slice(1)
              .filter((p) => /\.[ch]$/.test(p));
            const ws: Record<string, string> = {};
            for (const p of deps) ws[abs(p)] = readFileSync(abs(p), "utf8");
            bytes += Object.values(ws).reduce((n, t) => n + t.length, 0);
            const includeDirs: string[] = [];
            const include: string[] = [];
            const macroPrefixMap: string[] = [];
            const cmdline: string[] = [];
            for (let i = 0; i < k.flags.length; i++) {
              const f = k.flags[i];
              if (f === "-include") include.push(abs(k.flags[++i]));
              else if (f === "-I") includeDirs.push(abs(k.flags[++i]));
              else if (f.startsWith("-I")) includeDirs.push(abs(f.slice(2)));
              else if (f.startsWith("-D")) cmdline.push(f.slice(2));
              else if (f.startsWith("-U")) cmdline.push("-" + f.slice(2));
              else if (f.startsWith("-fmacro-prefix-map=")) macroPrefixMap.push(f.slice("-fmacro-prefix-map=".length));
            }
            for (const e of extra) includeDirs.push(e.slice(2));
            const t0 = performance.now();
            const res = engine.preprocess(ws, {
              main: src,
              include,
              includeDirs,
              defines: [...cmdline, ...defines],
              macroPrefixMap,
              compiler: "gcc-kbuild",
              system: [k.common, k.amd64],
              tokens: false,
              invocations: false,
              definitions: false,
            });
            ms += performance.now() - t0;
            const ours = ctokens(res.text ?? "");
            const theirs = ctokens(
              ref
                .split("\n")
                .filter((l) => !l.startsWith("#pragma"))
                .join("\n"),
            );
            let same = 0;
            while (same < ours.length && same < theirs.length && ours[same] === theirs[same]) same++;
            files++;
            tokens += theirs.length;
            sameTokens += same;
            if (same === ours.length && same === theirs.length && !res.stopped) agreeing++;
            else
              differ.push(
                `${src.slice(k.source.length + 1)}: first difference at token ${same} of ${theirs.length} (ours ${ours.slice(same, same + 8).join(" ")} | gcc ${theirs.slice(same, same + 8).join(" ")})`,
              );
            await new Promise((r) => setTimeout(r, 0));
          }
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      process.stdout.write(
        `cpp vs gcc-12 -E -P: ${agreeing}/${files} files identical, ${sameTokens}/${tokens} tokens (${((100 * sameTokens) / tokens).toFixed(3)} %) before the first difference; ${skipped} files gcc does not compile out of tree; ${(bytes / 1e6 / files).toFixed(1)} MB of headers per file, ${(ms / files).toFixed(0)} ms per file\n`,
      );
      for (const d of differ) process.stdout.write(`  ${d}\n`);
      expect(differ).toEqual([]);
      expect(files).toBeGreaterThan(skipped);
    },
    3 * 3600_000,
  );
});
