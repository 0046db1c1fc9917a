// Real driver sources against what Debian's real kbuild made of them, read with the real
// headers (issue 13): each object of the real-source data set (see realsrc.corpus.ts) compiled
// with the flags kbuild recorded for it (a Kbuild per object) against Debian 6.12's header
// pack (ksymns headers, cached), its undefined symbols compared with the object's; the
// built-in prelude's figure on the same inputs is printed beside it.
// KSYMNS_REALSRC_TARGETS=pwm,ddcci compares only those targets (the floor not held).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine } from "../../src/engine";
import { defaultHeadersDir, fetchHeaderPack, packSizes } from "../../src/cli/headers";
import { type TargetResult } from "../support/ground-truth";
import { kbuildWorkspaceOf, sourceOf } from "../support/realsrc-workspace";
import { realsrcDataset, sourceRoot, type RealsrcIndex } from "../support/realsrc-dataset";

const SERIES = (process.env.KSYMNS_REALSRC_SERIES ?? "6.12").split(",").filter(Boolean);
const ONLY = (process.env.KSYMNS_REALSRC_TARGETS ?? "").split(",").filter(Boolean);
const SAMPLES = new URL("../realsrc/", import.meta.url).pathname;

for (const series of SERIES) {
  describe(`real kbuild of Debian ${series}, read with the real headers`, () => {
    let index: RealsrcIndex;
    let results: TargetResult[] = [];
    let engine: Engine;
    let packed: Engine;

    beforeAll(async () => {
      ({ index, results } = realsrcDataset(series));
      engine = await createNodeEngine();
      packed = await createNodeEngine({ headers: defaultHeadersDir() });
    });

    /** Every object of every target run from its source with `e`: real undefined symbols
     *  found, symbols found the object does not reference, findings the build does not print. */
    async function agreement(e: Engine): Promise<{ matched: number; total: number; extra: number; unprinted: number; perTarget: string[] }> {
      let matched = 0;
      let total = 0;
      let extra = 0;
      let unprinted = 0;
      const perTarget: string[] = [];
      for (const r of results) {
        if (ONLY.length > 0 && !ONLY.includes(r.id)) continue;
        const root = sourceRoot(r, series, index.version);
        const real = r.log;
        let tm = 0;
        let tt = 0;
        for (const m of r.modules) {
          for (const o of m.objects) {
            if (!o.source) continue;
            const src = sourceOf(root, o);
            if (!existsSync(src)) continue;
            const res = await e.run(kbuildWorkspaceOf(src, m, o, root, r), { kernel: series });
            const mod = res.model.modules.find((x) => x.name === m.name) ?? res.model.modules[0];
            const found = new Set(mod?.uses.map((u) => u.symbol) ?? []);
            // the .ko's view: .mod.c defines __this_module, which each object still references
            const want = new Set(o.undefined.symtab.filter((s) => s !== "__this_module"));
            for (const s of want) if (found.has(s)) tm++;
            tt += want.size;
            for (const s of found) if (!want.has(s)) extra++;
            // an object of a module of several is run alone: modpost then rightly finds its
            // siblings' symbols undefined, their imports and license missing; only the
            // compiler's findings are comparable for it
            const comparable = (stage: string): boolean => stage === "compile" || (stage === "modpost" && m.objects.length === 1);
            unprinted += res.findings.filter((f) => comparable(f.stage) && f.severity !== "info" && !real.includes(f.text)).length;
          }
        }
        matched += tm;
        total += tt;
        perTarget.push(`${r.id} ${tm}/${tt}`);
      }
      return { matched, total, extra, unprinted, perTarget };
    }

    const floors = (): Record<string, { matched: number; extra: number; unprinted: number }> =>
      JSON.parse(readFileSync(join(SAMPLES, "agreement.json"), "utf8"));
    const say = (what: string, a: Awaited<ReturnType<typeof agreement>>): void => {
      process.stdout.write(
        `real undefined symbols found from source on ${index.release} ${what}: ${a.matched}/${a.total} (${((100 * a.matched) / Math.max(a.total, 1)).toFixed(1)} %; target 100 %), ` +
          `${a.extra} symbols the objects do not reference, ${a.unprinted} findings the real build does not print (target 0)\n  ${a.perTarget.join(", ")}\n`,
      );
    };

    it("reports how many it finds with the real headers of the kernel's header pack, never fewer than agreement.json records", async () => {
      const dir = fetchHeaderPack(`debian-${series}`, defaultHeadersDir(), defaultHeadersDir(), (line) => process.stderr.write(`ksymns headers: ${line}\n`));
      process.stdout.write(`header pack ${dir}: ${packSizes(dir)}\n`);
      say("with the built-in prelude, each object with its kbuild flags", await agreement(engine));
      const a = await agreement(packed);
      say("with the real headers, each object with its kbuild flags", a);
      if (ONLY.length > 0) return;
      const floor = floors()[`${series} headers`];
      expect(floor, `agreement.json has no "${series} headers" floor`).toBeDefined();
      expect(a.matched).toBeGreaterThanOrEqual(floor.matched);
      expect(a.extra).toBeLessThanOrEqual(floor.extra);
      expect(a.unprinted).toBeLessThanOrEqual(floor.unprinted);
    });

    it("reads a module of many real translation units in one run of the caller's (the engine collects between its own runs)", async () => {
      // usb-storage's usb.c 28 times as one module's objects: each unit leaves ~50 MiB of
      // garbage that the engine's runtime frees only between runs, which in one run would pass
      // the engine's 1 GiB (out-of-tree apfs, 24 objects, did before the engine deferred units)
      const target = results.find((r) => r.id === "usb-storage");
      if (!target) return;
      const usb = target.modules.flatMap((m) => m.objects).find((o) => o.path === "usb.o");
      if (!usb?.source) return;
      const src = sourceOf(sourceRoot(target, series, index.version), usb);
      const folder = src.slice(0, src.lastIndexOf("/"));
      const files: Record<string, string> = {};
      for (const name of [
        "usb.h",
        "transport.h",
        "protocol.h",
        "debug.h",
        "scsiglue.h",
        "initializers.h",
        "sierra_ms.h",
        "option_ms.h",
        "usual-tables.c",
        "unusual_devs.h",
      ])
        if (existsSync(join(folder, name))) files[name] = readFileSync(join(folder, name), "utf8");
      const text = readFileSync(src, "utf8");
      const objs: string[] = [];
      for (let i = 0; i < 28; i++) {
        files[`u${i}.c`] = text;
        objs.push(`u${i}.o`);
      }
      files.Kbuild = `obj-m := many.o\nmany-y := ${objs.join(" ")}\n`;
      const res = await packed.run(files, { kernel: series });
      expect(res.findings.filter((f) => f.stage === "internal")).toEqual([]);
      expect(res.kernel.headers?.units).toBe(28);
      expect(res.kernel.headers?.needed).toEqual([]);
      expect(res.model.modules.map((m) => m.name)).toEqual(["many"]);
    });
  });
}
