// `ksymns presets` and `ksymns run --preset SLUG`: list the presets, and replay one against
// its stored expectation (what the real kernel did, from the kernel lab).

import { resolve } from "node:path";
import { createNodeEngine } from "../engine/hosts/node";
import { PRESETS, diffOutcome, outcomeOf } from "../presets";
import { readPreset, readPresetFolder } from "../presets/node";
import { escapeLines, escapeValue } from "./escape";
import type { Io } from "./main";

/** Prints one `slug<TAB>title` line per preset. */
export function listPresets(io: Io): number {
  for (const p of PRESETS) io.stdout.write(`${p.slug}\t${p.title}\n`);
  return 0;
}

/** Whether a preset.json holds a stored outcome in the shape diffOutcome() compares. */
function hasOutcome(meta: unknown): boolean {
  const e = (meta as { expected?: unknown } | null)?.expected as Record<string, unknown> | undefined;
  const b = e?.build as Record<string, unknown> | undefined;
  const commandsOk =
    Array.isArray(e?.commands) &&
    (e!.commands as unknown[]).every((c) => {
      const x = c as Record<string, unknown> | null;
      return !!x && typeof x.cmd === "string" && Array.isArray(x.stderr) && Array.isArray(x.kernel);
    });
  return (
    !!b &&
    Array.isArray(b.errors) &&
    Array.isArray(b.modpost) &&
    typeof b.modules === "object" &&
    b.modules !== null &&
    commandsOk &&
    Array.isArray(e!.modules_at_end)
  );
}

/** Runs a preset (a slug, or a folder holding preset.json); 0 when its outcome equals the
 *  stored one, 1 (and the differences on stderr) when not, 2 when there is no such preset. */
export async function runPreset(which: string, json: boolean, io: Io): Promise<number> {
  let preset;
  try {
    preset = which.includes("/") ? await readPresetFolder(resolve(io.cwd, which)) : await readPreset(which);
  } catch (err) {
    io.stderr.write(`ksymns: ${escapeValue((err as Error).message)}\n`);
    return 2;
  }
  const { meta, files, entry } = preset;
  if (!hasOutcome(meta)) {
    io.stderr.write(
      `ksymns: ${escapeValue(preset.dir)}/preset.json: no stored outcome ("expected": build, commands, modules_at_end), so there is nothing to compare with\n`,
    );
    return 2;
  }
  const slug = entry.slug;
  const engine = await createNodeEngine();
  const res = await engine.run(files, { kernel: meta.kernel, relaxed: meta.relaxed });
  io.stdout.write(json ? JSON.stringify(res, null, 2) + "\n" : escapeLines(res.transcript));
  const diff = diffOutcome(meta.expected, outcomeOf(res));
  if (diff.length === 0) return 0;
  io.stderr.write(`ksymns: preset ${escapeValue(slug)} differs from its stored outcome (${escapeValue(String(meta.expected_source))}):\n`);
  for (const d of diff) io.stderr.write(`  ${escapeValue(d)}\n`);
  return 1;
}
