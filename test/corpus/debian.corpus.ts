// Whole real Debian kernels (5.10, 6.1, 6.12, 7.3: every module, Module.symvers, .config),
// downloaded from Debian's archive by `ksymns corpus` and cached (KSYMNS_CORPUS, else
// ~/.cache/ksymns/corpus). Run with `npm run test:corpus`; KSYMNS_CORPUS_SERIES=6.1,6.12
// picks series. Needs apt-get and dpkg-deb (a Debian or Ubuntu host); depmod and modinfo
// (kmod) for the comparisons with the kernel's own tools, which are skipped without them.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { nodeDecompress } from "../../src/engine/decompress/node";
import { compressionOf } from "../../src/engine/decompress";
import { moduleFiles, readKernelTree } from "../../src/engine/tree";
import type { Engine, ModelModule } from "../../src/engine";
import { corpusRelease, defaultCorpusDir, fetchCorpus } from "../../src/cli/corpus";

const SERIES = (process.env.KSYMNS_CORPUS_SERIES ?? "5.10,6.1,6.12,7.3").split(",").filter(Boolean);
const DEPMOD = "/usr/sbin/depmod";
const MODINFO = "/usr/sbin/modinfo";

/** modinfo(8)'s fields of each file: one block per module, starting at "filename:". */
function modinfoOf(paths: string[]): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (let i = 0; i < paths.length; i += 200) {
    const text = execFileSync(MODINFO, paths.slice(i, i + 200), { encoding: "utf8", maxBuffer: 1 << 28 });
    let cur: Map<string, string[]> | null = null;
    for (const line of text.split("\n")) {
      const m = /^([a-z_0-9.]+):\s*(.*)$/.exec(line);
      if (!m) continue;
      if (m[1] === "filename") {
        cur = new Map();
        out.set(m[2], cur);
        continue;
      }
      if (!cur) continue;
      if (!cur.has(m[1])) cur.set(m[1], []);
      cur.get(m[1])!.push(m[2]);
    }
  }
  return out;
}

/** The namespace Module.symvers gives each exported symbol. */
function namespaces(symvers: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of symvers.split("\n")) {
    const f = line.split("\t");
    if (f.length >= 5 && !out.has(f[1])) out.set(f[1], f[4]);
  }
  return out;
}

async function plainBytes(path: string): Promise<Uint8Array> {
  const raw = new Uint8Array(readFileSync(path));
  const format = compressionOf(raw);
  return format ? nodeDecompress(format, raw) : raw;
}

for (const series of SERIES) {
  describe(`Debian ${series}`, () => {
    let folder = "";
    let release = "";
    let dirname = "";
    let files: string[] = [];
    let engine: Engine;
    const described = new Map<string, ModelModule>();

    beforeAll(async () => {
      folder = fetchCorpus(series, defaultCorpusDir(), (s) => process.stderr.write(s + "\n"));
      release = corpusRelease(folder);
      dirname = join(folder, "lib/modules", release);
      files = moduleFiles(dirname);
      engine = await createNodeEngine();
    });

    it("reads every module without an error, and each one's name, license and import_ns as modinfo(8) does", async () => {
      expect(files.length).toBeGreaterThan(3000);
      for (const f of files) {
        const m = await engine.describeModule(f.split("/").at(-1)!, await plainBytes(join(dirname, f)), release);
        described.set(f, m);
        expect(m.ko, f).toMatchObject({ readable: true, wellFormed: true, problems: [], formatErrors: [] });
      }
      if (!existsSync(MODINFO)) return;
      const theirs = modinfoOf(files.map((f) => join(dirname, f)));
      for (const f of files) {
        const m = described.get(f)!;
        const t = theirs.get(join(dirname, f));
        expect(t, f).toBeDefined();
        expect(m.name, f).toBe(t!.get("name")?.[0] ?? "");
        expect(m.license, f).toBe(t!.get("license")?.[0] ?? null);
        expect(
          m.imports.map((i) => i.ns),
          f,
        ).toEqual(t!.get("import_ns") ?? []);
      }
    });

    it.skipIf(!existsSync(DEPMOD))("prints modules.dep exactly as depmod -n prints it", async () => {
      const depmod = execFileSync(DEPMOD, ["-b", folder, "-n", release], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });
      const res = await readKernelTree(folder, release);
      expect(res.modulesDep).toBe(depmod.slice(0, depmod.indexOf("# Aliases extracted")));
    });

    it("finds nothing wrong with the kernel as Debian built it (ksymns deps --check)", async () => {
      const check = {
        symvers: new Uint8Array(readFileSync(join(folder, "Module.symvers"))),
        config: existsSync(join(folder, "config")) ? readFileSync(join(folder, "config"), "utf8") : undefined,
      };
      const res = await readKernelTree(folder, release, { check });
      expect(res.problems).toEqual([]);
      expect(res.messages.filter((m) => !m.includes("modules.order"))).toEqual([]);
    });

    it("reports exactly the loader's words when a module's import_ns is taken away (in memory)", async () => {
      const symvers = readFileSync(join(folder, "Module.symvers"), "utf8");
      const nsOf = namespaces(symvers);
      // a module importing exactly one namespace, from which it uses symbols
      let victim = "";
      for (const f of files) {
        const m = described.get(f) ?? (await engine.describeModule(f.split("/").at(-1)!, await plainBytes(join(dirname, f)), release));
        if (m.imports.length === 1 && m.uses.some((u) => nsOf.get(u.symbol) === m.imports[0].ns)) {
          victim = f;
          break;
        }
      }
      expect(victim).not.toBe("");
      const bytes = (await plainBytes(join(dirname, victim))).slice();
      const key = new TextEncoder().encode("import_ns=");
      let at = -1;
      for (let i = 0; i + key.length <= bytes.length && at < 0; i++) if (key.every((b, j) => bytes[i + j] === b)) at = i;
      bytes.set(new TextEncoder().encode("import_xx="), at);
      const m = await engine.describeModule(victim.split("/").at(-1)!, bytes, release);
      expect(m.imports).toEqual([]);
      const ns = described.get(victim)?.imports[0].ns ?? (await engine.describeModule("x.ko", await plainBytes(join(dirname, victim)), release)).imports[0].ns;
      const expected = m.uses
        .filter((u) => nsOf.get(u.symbol) === ns)
        .flatMap((u) => [
          `${m.name}: module uses symbol (${u.symbol}) from namespace ${ns}, but does not import it.`,
          `${m.name}: Unknown symbol ${u.symbol} (err -22)`,
        ]);
      const check = {
        symvers: new Uint8Array(readFileSync(join(folder, "Module.symvers"))),
        config: existsSync(join(folder, "config")) ? readFileSync(join(folder, "config"), "utf8") : undefined,
      };
      const res = await readKernelTree(folder, release, { check, overrides: { [victim]: bytes } });
      expect(res.problems.map((p) => p.path)).toEqual(expected.map(() => victim));
      expect(res.problems.map((p) => p.text)).toEqual(expected);
    });
  });
}
