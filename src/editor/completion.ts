// Completion: symbol names the world exports (workspace modules and the base kernel, through
// the engine's queries), namespaces inside MODULE_IMPORT_NS and EXPORT_SYMBOL_NS*, the macros
// themselves, and commands and module names in the load script.

import type * as M from "monaco-editor/editor/editor.api";
import type { Monaco } from "./monaco";
import type { PlaygroundStore } from "../store";
import { writeNamespace, type NamespaceForm } from "../engine";
import { isNamespaceArgument } from "./context";
import { KMODC, KLOAD, KCONFIG, SYMVERS } from "./languages";

function macroSnippets(form: NamespaceForm): { label: string; insert: string; doc: string }[] {
  const ns = (n: number, name: string) => (form === "string" ? `"\${${n}:${name}}"` : `\${${n}:${name}}`);
  return [
    { label: "EXPORT_SYMBOL", insert: "EXPORT_SYMBOL(${1:symbol});", doc: "Export to every module." },
    { label: "EXPORT_SYMBOL_GPL", insert: "EXPORT_SYMBOL_GPL(${1:symbol});", doc: "Export to GPL-compatible modules only." },
    { label: "EXPORT_SYMBOL_NS", insert: `EXPORT_SYMBOL_NS(\${1:symbol}, ${ns(2, "NS")});`, doc: "Export into a namespace; users must import it." },
    {
      label: "EXPORT_SYMBOL_NS_GPL",
      insert: `EXPORT_SYMBOL_NS_GPL(\${1:symbol}, ${ns(2, "NS")});`,
      doc: "Export into a namespace, GPL-compatible modules only.",
    },
    {
      label: "EXPORT_SYMBOL_FOR_MODULES",
      insert: 'EXPORT_SYMBOL_FOR_MODULES(${1:symbol}, "${2:module}");',
      doc: "Export to the named modules only (`module:` namespace).",
    },
    {
      label: "EXPORT_SYMBOL_GPL_FOR_MODULES",
      insert: 'EXPORT_SYMBOL_GPL_FOR_MODULES(${1:symbol}, "${2:module}");',
      doc: "Export to the named modules only (`module:` namespace).",
    },
    { label: "MODULE_IMPORT_NS", insert: `MODULE_IMPORT_NS(${ns(1, "NS")});`, doc: "Import a symbol namespace." },
    { label: "MODULE_LICENSE", insert: 'MODULE_LICENSE("${1|GPL,GPL v2,Dual BSD/GPL,Dual MIT/GPL,Proprietary|}");', doc: "The module's license." },
    { label: "MODULE_DESCRIPTION", insert: 'MODULE_DESCRIPTION("$1");', doc: "What the module does." },
    { label: "MODULE_AUTHOR", insert: 'MODULE_AUTHOR("$1");', doc: "Who wrote it." },
    { label: "module_init", insert: "module_init(${1:init_fn});", doc: "The function run at load." },
    { label: "module_exit", insert: "module_exit(${1:exit_fn});", doc: "The function run at unload." },
    { label: "DEFAULT_SYMBOL_NAMESPACE", insert: `#define DEFAULT_SYMBOL_NAMESPACE ${ns(1, "NS")}`, doc: "Put this file's EXPORT_SYMBOL* into a namespace." },
  ];
}

/** Registers completion for the workspace languages. */
export function registerCompletion(monaco: Monaco, store: PlaygroundStore): M.IDisposable {
  const Kind = monaco.languages.CompletionItemKind;
  const Rule = monaco.languages.CompletionItemInsertTextRule;

  async function namespaces(before: string, range: M.IRange): Promise<M.languages.CompletionItem[]> {
    const s = store.getState();
    const form = s.namespaceForm ?? "identifier";
    const found = new Map<string, string>();
    for (const m of s.result?.model.modules ?? []) for (const e of m.exports) if (e.ns) found.set(e.ns, `workspace: ${m.name}`);
    if (s.profile && s.queries)
      for (const n of await s.queries.namespaces().catch(() => []))
        if (!found.has(n.ns)) found.set(n.ns, `${n.exports} symbols · ${n.owners.slice(0, 3).join(", ")}${n.owners.length > 3 ? ", …" : ""}`);
    const quoted = before.endsWith('"');
    return [...found].map(([ns, detail]) => ({
      label: ns,
      kind: Kind.Module,
      detail,
      insertText: quoted ? ns : writeNamespace(ns, form),
      range,
      sortText: detail.startsWith("workspace") ? "0" + ns : "1" + ns,
    }));
  }

  async function symbols(prefix: string, range: M.IRange): Promise<M.languages.CompletionItem[]> {
    const s = store.getState();
    const items: M.languages.CompletionItem[] = [];
    const seen = new Set<string>();
    for (const m of s.result?.model.modules ?? []) {
      for (const e of m.exports) {
        if (seen.has(e.symbol) || !e.symbol.startsWith(prefix)) continue;
        seen.add(e.symbol);
        items.push({
          label: e.symbol,
          kind: Kind.Function,
          detail: [m.name, e.ns, e.gpl ? "GPL-only" : ""].filter(Boolean).join(" · "),
          insertText: e.symbol,
          range,
          sortText: "0" + e.symbol,
        });
      }
    }
    if (s.profile && s.queries && prefix.length > 0) {
      for (const e of await s.queries.completeSymbols(prefix, { limit: 100 }).catch(() => [])) {
        if (seen.has(e.symbol)) continue;
        seen.add(e.symbol);
        items.push({
          label: e.symbol,
          kind: Kind.Function,
          detail: [e.owner, e.ns, e.gpl ? "GPL-only" : ""].filter(Boolean).join(" · "),
          insertText: e.symbol,
          range,
          sortText: "2" + e.symbol,
        });
      }
    }
    return items;
  }

  const cProvider: M.languages.CompletionItemProvider = {
    triggerCharacters: ["(", '"', " "],
    async provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const lang = model.getLanguageId();
      if (isNamespaceArgument(before, lang)) return { suggestions: await namespaces(before, range), incomplete: false };
      if (lang === SYMVERS) return { suggestions: [] };
      if (/[(" ]$/.test(before) && word.word === "" && !/\(\s*$/.test(before)) return { suggestions: [] };
      const form = store.getState().namespaceForm ?? "identifier";
      const macros =
        /^\s*#?\s*$/.test(before) || /^\s*\w*$/.test(before)
          ? macroSnippets(form).map((m) => ({
              label: m.label,
              kind: Kind.Snippet,
              insertText: m.insert,
              insertTextRules: Rule.InsertAsSnippet,
              documentation: m.doc,
              range,
              sortText: "1" + m.label,
            }))
          : [];
      return { suggestions: [...macros, ...(await symbols(word.word, range))], incomplete: true };
    },
  };

  const loadProvider: M.languages.CompletionItemProvider = {
    async provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const result = store.getState().result;
      const names = (result?.model.modules ?? []).filter((m) => !m.builtin).map((m) => m.name);
      // the files make writes keep the object's dashes (usb-storage.ko for usb_storage)
      const files = (result?.build.modules ?? []).filter((m) => !m.builtin).map((m) => m.ko);
      if (/^\s*$/.test(before))
        return {
          suggestions: ["insmod", "rmmod", "modprobe", "modprobe -r", "modinfo", "lsmod"].map((c) => ({
            label: c,
            kind: Kind.Keyword,
            insertText: c === "lsmod" ? c : c + " ",
            range,
          })),
        };
      if (/^\s*(?:insmod|modinfo)\s+$/.test(before)) return { suggestions: files.map((f) => ({ label: f, kind: Kind.File, insertText: f, range })) };
      if (/^\s*(?:rmmod|modprobe\s+-r)\s+$/.test(before)) return { suggestions: names.map((n) => ({ label: n, kind: Kind.Module, insertText: n, range })) };
      if (/^\s*modprobe\s+$/.test(before)) {
        // modprobe also finds the base kernel's own modules (its installed tree)
        const s = store.getState();
        const own = names.map((n) => ({ label: n, kind: Kind.Module, insertText: n, range, sortText: `0${n}` }));
        const tree = s.profile && s.queries ? await s.queries.installedModules(word.word, 60).catch(() => []) : [];
        const intree = tree
          .filter((n) => !names.includes(n))
          .map((n) => ({ label: n, kind: Kind.Module, detail: "in-tree module of the base kernel", insertText: n, range, sortText: `1${n}` }));
        return { suggestions: [...own, ...intree], incomplete: tree.length >= 60 };
      }
      return { suggestions: [] };
    },
  };

  const configProvider: M.languages.CompletionItemProvider = {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const keys = Object.keys(store.getState().result?.kernel.config ?? {});
      return { suggestions: keys.map((k) => ({ label: k, kind: Kind.Property, insertText: `${k}=y`, range })) };
    },
  };

  const disposables = [
    monaco.languages.registerCompletionItemProvider(KMODC, cProvider),
    monaco.languages.registerCompletionItemProvider(SYMVERS, cProvider),
    monaco.languages.registerCompletionItemProvider(KLOAD, loadProvider),
    monaco.languages.registerCompletionItemProvider(KCONFIG, configProvider),
  ];
  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
