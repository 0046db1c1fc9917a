// The problems pane: every finding with the kernel's exact text, its code, stage and place,
// the related location, and a Fix button where the result allows one. A keyboard- and
// screen-reader-friendly twin of the editor's underlines.

import type { Pane } from "./pane";
import { h, icon, onNextFrame, replaceChildren } from "./dom";
import { selectBaseKernel, selectCounts, selectFindings, selectIsBaseTable, toWorkspaceFiles, type PlaygroundStore } from "../store";
import type { Finding, InlineStep } from "../engine";
import { applyEdits, quickFixesFor } from "../editor/fixes";
import { fixContextOf } from "../editor/fixcontext";
import { explanationCard } from "./explain";
import { openBaseTable } from "./basetable";

const STAGE: Record<Finding["stage"], string> = { read: "read", compile: "compile", modpost: "modpost", load: "load", internal: "internal" };
const RANK = { error: 0, warning: 1, info: 2 } as const;

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const counts = h("p", { class: "counts", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "problems", "aria-label": "Problems" });
  const root = h("div", { class: "problems-pane" }, counts, list);
  container.append(root);

  // cards stay open across re-runs while the same finding is there
  const openWhy = new Set<string>();

  function applyFix(f: Finding): void {
    const s = store.getState();
    const ctx = fixContextOf(s);
    const fix = ctx && quickFixesFor(f, ctx)[0];
    if (!ctx || !fix) return;
    const changed = applyEdits(toWorkspaceFiles(s.resultFiles ?? s.files), fix.edits);
    for (const [name, text] of Object.entries(changed)) store.getState().setFile(name, text);
    const first = fix.edits[0];
    store.getState().openFile(first.file);
  }

  // a workspace line opens in the editor; a row of the base kernel's table opens that table
  function relatedLink(r: NonNullable<Finding["related"]>): HTMLElement {
    if (selectIsBaseTable(r.file)(store.getState())) {
      const where = `Module.symvers of ${selectBaseKernel(store.getState())}, line ${r.line}`;
      return h(
        "button",
        {
          type: "button",
          class: "problem-related",
          title: "Show this row of the base kernel's export table (read-only)",
          on: { click: (e: Event) => void openBaseTable(store, r.line, e.currentTarget as Element) },
        },
        `↳ ${r.note} — ${where}`,
      );
    }
    return h(
      "button",
      { type: "button", class: "problem-related", title: `Show ${r.file}:${r.line}`, on: { click: () => store.getState().revealRange(r) } },
      `↳ ${r.note} — ${r.file}:${r.line}`,
    );
  }

  // the inline functions of headers that made the use: a workspace header's opens there
  function throughLine(steps: InlineStep[]): HTMLElement {
    const parts: (HTMLElement | string)[] = ["↳ reached through "];
    steps.forEach((step, i) => {
      if (i > 0) parts.push(" → ");
      const where = `${step.file}:${step.line}`;
      const inWorkspace = store.getState().files.some((f) => f.name === step.file);
      parts.push(
        inWorkspace
          ? h(
              "button",
              { type: "button", class: "problem-through-step", title: `Show ${where}`, on: { click: () => store.getState().revealRange(step) } },
              step.name,
            )
          : h("code", { title: where }, step.name),
        ` (${where})`,
      );
    });
    return h("div", { class: "problem-through" }, ...parts);
  }

  function render(): void {
    const s = store.getState();
    const c = selectCounts(s);
    const findings = [...selectFindings(s)].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    counts.textContent = s.result
      ? `${c.error} error${c.error === 1 ? "" : "s"}, ${c.warning} warning${c.warning === 1 ? "" : "s"}, ${c.info} note${c.info === 1 ? "" : "s"}`
      : "";
    const ctx = fixContextOf(s);
    if (s.result && findings.length === 0) {
      replaceChildren(list, h("li", { class: "no-problems" }, icon("ok"), "modpost and the kernel have nothing to say: every module builds and loads."));
      return;
    }
    replaceChildren(
      list,
      ...findings.map((f) => {
        const where = f.file ? `${f.file}:${f.line}:${f.col}` : "";
        const fix = ctx ? quickFixesFor(f, ctx)[0] : undefined;
        const main = h(
          "button",
          { type: "button", class: "problem-main", title: where ? `Show ${where}` : undefined, on: { click: () => f.file && store.getState().revealRange(f) } },
          icon(f.severity),
          h("span", { class: "problem-text" }, f.text),
          h(
            "span",
            { class: "problem-meta" },
            h("code", { class: "code" }, f.id),
            h("span", { class: "stage" }, STAGE[f.stage]),
            where && h("span", { class: "where" }, where),
          ),
        );
        const related = f.related ? relatedLink(f.related) : null;
        const through = f.through?.length ? throughLine(f.through) : null;
        const fixButton = fix ? h("button", { type: "button", class: "fix", title: fix.title, on: { click: () => applyFix(f) } }, icon("wrench"), "Fix") : null;
        const item = h("li", { class: `problem sev-${f.severity}`, dataset: { id: f.id } }, main, through, related, fixButton);
        const why = h(
          "button",
          { type: "button", class: "why", "aria-expanded": "false", title: "What this message means, since when, and how to fix it" },
          "Why?",
        );
        const key = `${f.id}@${where}`;
        const show = (open: boolean) => {
          why.setAttribute("aria-expanded", String(open));
          item.querySelector(".explain")?.remove();
          if (open) item.append(explanationCard(f.id));
        };
        why.addEventListener("click", () => {
          const open = !openWhy.has(key);
          if (open) openWhy.add(key);
          else openWhy.delete(key);
          show(open);
        });
        item.classList.toggle("has-fix", !!fixButton);
        item.append(why);
        if (openWhy.has(key)) show(true);
        return item;
      }),
    );
  }
  render();
  const unsub = store.subscribe((s) => s.result, onNextFrame(render));
  return () => {
    unsub();
    root.remove();
  };
}

export const problemsPane: Pane = {
  id: "problems",
  title: "Problems",
  mount,
  badge: (s) => {
    const c = selectCounts(s);
    return c.error + c.warning ? { count: c.error + c.warning, tone: c.error ? "bad" : "warn" } : null;
  },
};
