// A real driver with its real headers (issue 13): sound/usb/mixer_quirks.c (4,500 lines) of
// Debian 6.12's linux-source, run through the engine facade with the 6.12 header pack
// (ksymns headers, cached; skipped where the pack or the source cannot be fetched). Cold: a
// fresh engine that loads the pack's index, the chunks the file's include closure needs and
// runs it; warm: the same files again; after an edit: one more line in the driver's body.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { defaultHeadersDir, fetchHeaderPack, packSizes } from "../../src/cli/headers";
import { fetchKernelSource } from "../support/kernel-source";
import { median, ms } from "./stats";

const DRIVER = "sound/usb/mixer_quirks.c";
const VERSION = "6.12.118-1~deb12u1";

export default async function bench(): Promise<void> {
  let root: string;
  let pack: string;
  try {
    pack = fetchHeaderPack("debian-6.12");
    root = fetchKernelSource("6.12", VERSION).root;
  } catch (err) {
    console.log(`skipped: ${(err as Error).message}`);
    return;
  }
  console.log(`header pack: ${packSizes(pack)}`);
  const dir = join(root, "sound/usb");
  const files: Record<string, string> = { "mixer_quirks.c": readFileSync(join(root, DRIVER), "utf8") };
  for (const h of readdirSync(dir).filter((f) => f.endsWith(".h"))) files[h] = readFileSync(join(dir, h), "utf8");
  const lines = files["mixer_quirks.c"].split("\n").length;
  const cold: number[] = [];
  const warm: number[] = [];
  const edit: number[] = [];
  let symbols = 0;
  for (let r = 0; r < 3; r++) {
    const engine = await createNodeEngine({ headers: defaultHeadersDir() });
    await engine.useProfileFor("6.12");
    let t = performance.now();
    const first = await engine.run(files, { kernel: "6.12" });
    cold.push(performance.now() - t);
    if (!first.kernel.headers?.units) throw new Error(`${DRIVER} was not read with the pack (needed: ${first.kernel.headers?.needed.slice(0, 5).join(", ")})`);
    symbols = first.model.modules[0]?.uses.length ?? 0;
    if (first.findings.some((f) => f.text.startsWith("fatal error"))) throw new Error(`${DRIVER}: ${first.findings[0].text}`);
    for (let w = 0; w < 3; w++) {
      await new Promise((res) => setTimeout(res, 0));
      t = performance.now();
      await engine.run(files, { kernel: "6.12" });
      warm.push(performance.now() - t);
    }
    for (let w = 0; w < 5; w++) {
      await new Promise((res) => setTimeout(res, 0));
      const edited = { ...files, "mixer_quirks.c": `${files["mixer_quirks.c"]}\nint ksymns_bench_edit_${r}_${w};\n` };
      t = performance.now();
      await engine.run(edited, { kernel: "6.12" });
      edit.push(performance.now() - t);
    }
  }
  console.log(`${DRIVER} (${lines} lines) with Debian 6.12's real headers: ${symbols} uses found`);
  console.log(`  cold (fresh engine: pack index and chunks read, every header lexed), median of ${cold.length}: ${ms(median(cold))}`);
  console.log(`  warm (same files), median of ${warm.length}: ${ms(median(warm))}`);
  console.log(`  after an edit in the driver's body, median of ${edit.length}: ${ms(median(edit))}`);
}
