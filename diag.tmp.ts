import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createNodeEngine } from "./src/engine/hosts/node";
import { defaultHeadersDir } from "./src/cli/headers";
import { DRIVER_TARGETS, fetchDriver } from "./test/support/ground-truth";
import { defaultCorpusDir } from "./src/cli/corpus";
import { fetchKernelSource } from "./test/support/kernel-source";
const GT = join(defaultCorpusDir(), "ground-truth/6.12.118+deb12-amd64");
const targets = process.argv.slice(2);
const e = await createNodeEngine({ headers: defaultHeadersDir() });
const missCount = new Map<string, number>();
const findCount = new Map<string, number>();
for (const t of targets) {
  const r = JSON.parse(readFileSync(join(GT, t + ".json"), "utf8"));
  const root = r.kind === "tree" ? fetchKernelSource("6.12", "6.12.118-1~deb12u1").root : (() => { const d = DRIVER_TARGETS.find((x) => x.id === r.id)!; return join(fetchDriver(defaultCorpusDir(), d), d.tree); })();
  for (const m of r.modules) for (const o of m.objects) {
    if (!o.source) continue;
    let src = join(root, o.source.replace(/^<T>\//, ""));
    if (src.endsWith(".o")) src = src.slice(0, -2) + ".c";
    if (!existsSync(src)) { console.log("NOSRC", src); continue; }
    const files: Record<string, string> = { [basename(src)]: readFileSync(src, "utf8") };
    for (const h of readdirSync(dirname(src)).filter((f) => f.endsWith(".h"))) files[h] = readFileSync(join(dirname(src), h), "utf8");
    const res = await e.run(files, { kernel: "6.12" });
    const mod = res.model.modules.find((x) => x.file === basename(src));
    const found = new Set(mod?.uses.map((u) => u.symbol) ?? []);
    const miss = o.undefined.symtab.filter((s: string) => !found.has(s));
    const extra = [...found].filter((s) => !o.undefined.symtab.includes(s));
    for (const s of miss) missCount.set(s, (missCount.get(s) ?? 0) + 1);
    const bad = res.findings.filter((f) => (f.stage === "compile" || f.stage === "modpost") && f.severity !== "info" && !r.log.includes(f.text));
    for (const f of bad) { const k = f.text.replace(/[0-9]+/g, "N").slice(0, 140); findCount.set(k, (findCount.get(k) ?? 0) + 1); }
    console.log(`${t} ${o.path}: ${o.undefined.symtab.length - miss.length}/${o.undefined.symtab.length} pack=${res.kernel.headers?.units} miss: ${miss.slice(0, 12).join(" ")} | extra: ${extra.slice(0, 6).join(" ")} | bad: ${bad.slice(0, 2).map((f) => f.text.slice(0, 150)).join(" || ")}`);
  }
}
console.log("TOP MISSES", [...missCount].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([s, n]) => `${s}:${n}`).join(" "));
console.log("TOP FINDINGS"); for (const [k, n] of [...findCount].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(n, k);
