// Hovers: who exports a symbol (the workspace's modules, then the base kernel's table through
// the engine's queries), and what a namespace holds and who imports it. Everything shown is
// the engine's: the result's model and its profile lookups.

import type * as M from "monaco-editor/editor/editor.api";
import type { Monaco } from "./monaco";
import type { KernelExport, Range } from "../engine";
import type { PlaygroundState, PlaygroundStore } from "../store";
import { fileOfUri } from "./models";
import { isNamespaceArgument, isSymversSymbol } from "./context";
import { KMODC, SYMVERS, KBUILD } from "./languages";

/** A markdown link that opens a workspace range (command registered by the editor). */
export function revealLink(r: Range, label = `${r.file}:${r.line}`): string {
  return `[${label}](command:ksymns.reveal?${encodeURIComponent(JSON.stringify([r]))})`;
}

const code = (s: string) => "`" + s.replace(/`/g, "") + "`";

function profileExportLine(e: KernelExport, release: string): string {
  const bits = [e.ns ? `namespace ${code(e.ns)}` : "no namespace", e.gpl ? "GPL-only" : "any license", `CRC ${code(e.crc)}`];
  const owner = e.owner === "vmlinux" ? "**vmlinux**" : `**${e.owner}** (${code(e.ownerPath)})`;
  return `Base kernel ${release}: exported by ${owner} — ${bits.join(" · ")} — Module.symvers line ${e.row}`;
}

/** Markdown paragraphs describing `sym`, or none when nothing the engine knows exports it. */
export async function describeSymbol(sym: string, s: PlaygroundState): Promise<string[]> {
  const out: string[] = [];
  const modules = s.result?.model.modules ?? [];
  for (const m of modules) {
    for (const e of m.exports) {
      if (e.symbol !== sym) continue;
      const bits = [e.ns ? `namespace ${code(e.ns)}` : "no namespace", e.gpl ? "GPL-only" : "any license", `CRC ${code(e.crc)}`];
      out.push(`Exported by module **${m.name}** with ${code(e.macro)} at ${revealLink(e)} — ${bits.join(" · ")}`);
    }
  }
  const info = s.profile && s.queries ? await s.queries.symbolInfo(sym).catch(() => null) : null;
  if (info) out.push(profileExportLine(info, s.result?.kernel.release ?? ""));
  if (out.length === 0) return out;
  const users = modules.flatMap((m) => m.uses.filter((u) => u.symbol === sym && u.file && u.line).map((u) => revealLink(u as Range, `${m.name} (${u.file}:${u.line})`)));
  if (users.length) out.push(`Used by ${users.join(", ")}`);
  return [`**${sym}**`, ...out];
}

/** Markdown paragraphs describing namespace `ns`: its symbols and who imports it. */
export async function describeNamespace(ns: string, s: PlaygroundState): Promise<string[]> {
  const modules = s.result?.model.modules ?? [];
  const own = modules.flatMap((m) => m.exports.filter((e) => e.ns === ns).map((e) => `${code(e.symbol)} from **${m.name}** (${revealLink(e)})`));
  const importers = modules.flatMap((m) => m.imports.filter((i) => i.ns === ns).map((i) => revealLink(i, `**${m.name}** (${i.file}:${i.line})`)));
  const out: string[] = [];
  if (own.length) out.push(`Workspace exports: ${own.join(", ")}`);
  if (s.profile && s.queries) {
    const all = await s.queries.namespaces().catch(() => []);
    const entry = all.find((n) => n.ns === ns);
    if (entry) {
      const some = await s.queries.namespaceExports(ns, 8).catch(() => []);
      const more = entry.exports > some.length ? `, … (${entry.exports} in all)` : "";
      out.push(`Base kernel ${s.result?.kernel.release ?? ""}: ${entry.exports} symbol${entry.exports === 1 ? "" : "s"} from ${entry.owners.map((o) => `**${o}**`).join(", ")}: ${some.map((e) => code(e.symbol)).join(", ")}${more}`);
    }
  }
  if (out.length === 0 && importers.length === 0) return [];
  out.push(importers.length ? `Imported by ${importers.join(", ")}` : "Imported by no workspace module");
  return [`**namespace ${ns}**`, ...out];
}

/** Registers the hover provider for the workspace languages. */
export function registerHovers(monaco: Monaco, store: PlaygroundStore): M.IDisposable {
  const provider: M.languages.HoverProvider = {
    async provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const lang = model.getLanguageId();
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const s = store.getState();
      if (!s.result || fileOfUri(model.uri) === "load") return null;
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      let parts: string[];
      if (isNamespaceArgument(before, lang)) parts = await describeNamespace(word.word.replace(/"/g, ""), s);
      else if (lang === SYMVERS && !isSymversSymbol(before)) return null;
      else parts = await describeSymbol(word.word, s);
      if (parts.length === 0) return null;
      return { range, contents: parts.map((value) => ({ value, isTrusted: true })) };
    },
  };
  const disposables = [KMODC, SYMVERS, KBUILD].map((id) => monaco.languages.registerHoverProvider(id, provider));
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
