// Hovers: who exports a symbol (the workspace's modules, then the base kernel's table through
// the engine's queries), and what a namespace holds and who imports it. Everything shown is
// the engine's: the result's model and its profile lookups, all of it escaped (./markdown).

import type * as M from "monaco-editor/editor/editor.api";
import type { Monaco } from "./monaco";
import type { KernelExport, Range } from "../engine";
import { throughText } from "../engine/through";
import { selectBaseKernel, type PlaygroundState, type PlaygroundStore } from "../store";
import { fileOfUri } from "./models";
import { isNamespaceArgument, isSymversSymbol } from "./context";
import { KMODC, SYMVERS, KBUILD } from "./languages";
import { HOVER_TRUST, bold, code, commandLink, joinMarkdown, md, plain, type Markdown } from "./markdown";

/** A markdown link that opens a workspace range (command registered by the editor). */
export function revealLink(r: Range, label: Markdown = plain(`${r.file}:${r.line}`)): Markdown {
  return commandLink(label, "ksymns.reveal", [r]);
}

function exportBits(e: { ns?: string; gpl: boolean; crc: string }): Markdown {
  return joinMarkdown(
    [
      e.ns
        ? md`namespace ${code(e.ns)}`
        : md`
no namespace
          `,
      e.gpl
        ? md`
GPL-only
          `
        : md`
any license
          `,
      md`CRC ${code(e.crc)}`,
    ],
    " · ",
  );
}

function profileExportLine(e: KernelExport, release: string): Markdown {
  const owner = e.owner === "vmlinux" ? bold("vmlinux") : md`${bold(e.owner)} (${code(e.ownerPath)})`;
  return md`Base kernel ${plain(release)}: exported by ${owner} — ${exportBits(e)} — Module.symvers line ${plain(String(e.row))}`;
}

/** Markdown paragraphs describing `sym`, or none when nothing the engine knows exports it. */
export async function describeSymbol(sym: string, s: PlaygroundState): Promise<Markdown[]> {
  const out: Markdown[] = [];
  const modules = s.result?.model.modules ?? [];
  for (const m of modules) {
    for (const e of m.exports) {
      if (e.symbol !== sym) continue;
      out.push(md`Exported by module ${bold(m.name)} with ${code(e.macro)} at ${revealLink(e)} — ${exportBits(e)}`);
    }
  }
  const info = s.profile && s.queries ? await s.queries.symbolInfo(sym).catch(() => null) : null;
  if (info) out.push(profileExportLine(info, selectBaseKernel(s)));
  if (out.length === 0) return out;
  const users = modules.flatMap((m) =>
    m.uses
      .filter((u) => u.symbol === sym && u.file && u.line)
      .map((u) => {
        const through = u.through?.length ? ` through ${throughText(u.through)}` : "";
        return revealLink(u as Range, plain(`${m.name} (${u.file}:${u.line})${through}`));
      }),
  );
  if (users.length) out.push(md`Used by ${joinMarkdown(users, ", ")}`);
  return [bold(sym), ...out];
}

/** Markdown paragraphs describing namespace `ns`: its symbols and who imports it. */
export async function describeNamespace(ns: string, s: PlaygroundState): Promise<Markdown[]> {
  const modules = s.result?.model.modules ?? [];
  const own = modules.flatMap((m) => m.exports.filter((e) => e.ns === ns).map((e) => md`${code(e.symbol)} from ${bold(m.name)} (${revealLink(e)})`));
  const importers = modules.flatMap((m) =>
    m.imports.filter((i) => i.ns === ns).map((i) => revealLink(i, md`${bold(m.name)} (${plain(`${i.file}:${i.line}`)})`)),
  );
  const out: Markdown[] = [];
  if (own.length) out.push(md`Workspace exports: ${joinMarkdown(own, ", ")}`);
  if (s.profile && s.queries) {
    const all = await s.queries.namespaces().catch(() => []);
    const entry = all.find((n) => n.ns === ns);
    if (entry) {
      const some = await s.queries.namespaceExports(ns, 8).catch(() => []);
      const more = entry.exports > some.length ? md`, … (${plain(String(entry.exports))} in all)` : md``;
      const count = plain(`${entry.exports} symbol${entry.exports === 1 ? "" : "s"}`);
      out.push(
        md`Base kernel ${plain(selectBaseKernel(s))}: ${count} from ${joinMarkdown(entry.owners.map(bold), ", ")}: ${joinMarkdown(
          some.map((e) => code(e.symbol)),
          ", ",
        )}${more}`,
      );
    }
  }
  if (out.length === 0 && importers.length === 0) return [];
  out.push(
    importers.length
      ? md`Imported by ${joinMarkdown(importers, ", ")}`
      : md`
Imported by no workspace module
        `,
  );
  return [md`**namespace** ${bold(ns)}`, ...out];
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
      let parts: Markdown[];
      if (isNamespaceArgument(before, lang)) parts = await describeNamespace(word.word.replace(/"/g, ""), s);
      else if (lang === SYMVERS && !isSymversSymbol(before)) return null;
      else parts = await describeSymbol(word.word, s);
      if (parts.length === 0) return null;
      // no HTML, and no command but the editor's own, whatever the workspace holds
      return { range, contents: parts.map((value) => ({ value, isTrusted: HOVER_TRUST, supportHtml: false })) };
    },
  };
  const disposables = [KMODC, SYMVERS, KBUILD].map((id) => monaco.languages.registerHoverProvider(id, provider));
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
