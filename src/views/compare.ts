// Compare kernels: the same workspace run on several releases side by side (the build's
// verdict, each command's exit and kernel lines), a cell marked where it differs from the
// release before it, and the link's expectations shown as passed or failed.

import type { Pane } from "./pane";
import { h, icon, replaceChildren } from "./dom";
import {
  describeActual,
  describeExpectation,
  meetsExpectation,
  selectComparedKernels,
  type Expectation,
  type PlaygroundState,
  type PlaygroundStore,
} from "../store";
import { outcomeOf } from "../presets/outcome";
import type { ExpectedOutcome } from "../presets/types";
import type { RunResult } from "../engine";
import { parseRelease } from "../../wasm/shared/releases";

interface Cell {
  verdict: string;
  good: boolean;
  lines: string[];
  /** The command's exit status (command rows only). */
  exit?: number;
}

function buildCell(o: ExpectedOutcome): Cell {
  const relaxed = Object.values(o.build.modules).includes("relaxed");
  return {
    verdict: o.build.ok ? "make succeeds" : relaxed ? "make refuses · built anyway" : "make fails",
    good: o.build.ok,
    lines: [...o.build.errors, ...o.build.modpost],
  };
}

function commandCell(o: ExpectedOutcome, i: number): Cell | null {
  const c = o.commands[i];
  if (!c) return null;
  return { verdict: `exit ${c.exit}`, good: c.exit === 0, lines: [...c.stderr, ...c.kernel], exit: c.exit };
}

const sameCell = (a: Cell | null, b: Cell | null) =>
  !!a && !!b && a.verdict === b.verdict && a.lines.length === b.lines.length && a.lines.every((l, i) => l === b.lines[i]);

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const picker = h("div", { class: "compare-kernels", role: "group", "aria-label": "Kernels to compare" });
  const expectBox = h("section", { class: "expectations", "aria-label": "Expectations", hidden: true });
  const table = h("div", { class: "compare-table-wrap" });
  const status = h("span", { class: "compare-status", role: "status" });
  const root = h("div", { class: "compare-pane" }, expectBox, h("div", { class: "compare-head" }, h("h3", null, "Compare kernels"), status), picker, table);
  container.append(root);

  const runOf = (s: PlaygroundState, k: string): RunResult | Error | undefined => {
    const r = s.compareRuns[k];
    return !r ? undefined : "error" in r ? new Error(r.error) : r.result;
  };

  function renderPicker(s: PlaygroundState): void {
    const want = selectComparedKernels(s);
    const setChosen = (k: string, on: boolean) => store.getState().setCompared(k, on);
    const others = [...s.kernels].sort((a, b) => parseRelease(a) - parseRelease(b)).filter((k) => !want.includes(k));
    const adder = h(
      "select",
      { class: "kadd", "aria-label": "Add a kernel to the comparison" },
      h("option", { value: "" }, "+ kernel"),
      ...others.map((k) => h("option", { value: k }, k)),
    );
    adder.addEventListener("change", () => adder.value && setChosen(adder.value, true));
    replaceChildren(
      picker,
      h("span", { class: "compare-label" }, "Kernels"),
      ...want.map((k) => {
        const fixed = s.expect.some((e) => e.kernel === k);
        return h(
          "span",
          { class: "kchip on", dataset: { kernel: k } },
          k,
          fixed || want.length <= 2
            ? null
            : h(
                "button",
                { type: "button", class: "kchip-x", title: `Leave ${k} out`, "aria-label": `Leave ${k} out`, on: { click: () => setChosen(k, false) } },
                icon("close"),
              ),
        );
      }),
      others.length ? adder : null,
    );
  }

  function renderExpectations(s: PlaygroundState): void {
    expectBox.hidden = s.expect.length === 0;
    if (!s.expect.length) return replaceChildren(expectBox);
    let passed = 0;
    let failed = 0;
    const rows = s.expect.map((e: Expectation, i) => {
      const r = runOf(s, e.kernel);
      const run = r instanceof Error || !r ? null : r;
      const cmd = run && e.at !== "build" ? outcomeOf(run).commands[e.at]?.cmd : undefined;
      const state = !run ? "pending" : meetsExpectation(run, e) ? "passed" : "failed";
      if (state === "passed") passed++;
      if (state === "failed") failed++;
      return h(
        "li",
        { class: `expectation ${state}`, dataset: { status: state } },
        h("span", { class: "expect-state" }, state === "pending" ? "…" : icon(state === "passed" ? "ok" : "error"), state),
        h(
          "span",
          { class: "expect-text" },
          describeExpectation(e, cmd),
          run && state === "failed" ? h("span", { class: "expect-actual" }, `actually: ${describeActual(run, e.at)}`) : null,
        ),
        h(
          "button",
          {
            type: "button",
            class: "icon-button",
            title: "Remove this expectation",
            "aria-label": "Remove this expectation",
            on: { click: () => store.getState().removeExpectation(i) },
          },
          icon("close"),
        ),
      );
    });
    const done = passed + failed === s.expect.length;
    replaceChildren(
      expectBox,
      h(
        "h3",
        null,
        "This workspace claims",
        done
          ? h("span", { class: `expect-total ${failed ? "failed" : "passed"}` }, failed ? `${failed} of ${s.expect.length} failed` : `all ${passed} passed`)
          : null,
      ),
      h("ul", null, ...rows),
    );
  }

  function cellView(kernel: string, at: "build" | number, cell: Cell | null, left: Cell | null, first: boolean): HTMLElement {
    if (!cell) return h("td", { class: "cmp-cell empty" }, "—");
    const changed = !first && !sameCell(cell, left);
    const add = h(
      "button",
      {
        type: "button",
        class: "expect-add",
        title: "Add this as an expectation of the shared link",
        on: {
          click: () => {
            const text = cell.lines[0]?.replace(/^<\d>/, "");
            store
              .getState()
              .addExpectation(
                at === "build" ? { kernel, at, ok: cell.good, ...(text ? { text } : {}) } : { kernel, at, exit: cell.exit ?? 0, ...(text ? { text } : {}) },
              );
          },
        },
      },
      "+ expect",
    );
    return h(
      "td",
      { class: `cmp-cell${changed ? " changed" : ""}`, dataset: { kernel, at: String(at) } },
      h("div", { class: "cmp-top" }, h("span", { class: `pill ${cell.good ? "pill-ok" : "pill-bad"}` }, cell.verdict), add),
      cell.lines.length
        ? h("ul", { class: "cmp-lines" }, ...cell.lines.map((l) => h("li", { class: !first && !(left?.lines.includes(l) ?? false) ? "new" : undefined }, l)))
        : null,
    );
  }

  function renderTable(s: PlaygroundState): void {
    const kernels = selectComparedKernels(s);
    const outcomes = kernels.map((k) => {
      const r = runOf(s, k);
      return r && !(r instanceof Error) ? outcomeOf(r) : null;
    });
    status.textContent = outcomes.every(Boolean) ? `${kernels.length} kernels` : `running on ${kernels.filter((_, i) => !outcomes[i]).join(", ")}…`;
    status.classList.toggle("busy", !outcomes.every(Boolean));
    if (!s.side) return replaceChildren(table, h("p", { class: "muted" }, "The comparison engine is not available."));
    const n = Math.max(0, ...outcomes.map((o) => o?.commands.length ?? 0));
    const label = (i: number) => outcomes.find((o) => o?.commands[i])?.commands[i].cmd ?? `command ${i + 1}`;
    const row = (head: HTMLElement, cells: (o: ExpectedOutcome) => Cell | null, at: "build" | number) => {
      const cs = outcomes.map((o) => (o ? cells(o) : null));
      const differs = cs.some((c, i) => i > 0 && c && cs[i - 1] && !sameCell(c, cs[i - 1]));
      return h(
        "tr",
        { class: differs ? "differs" : undefined, dataset: { row: String(at) } },
        head,
        ...kernels.map((k, i) => {
          const r = runOf(s, k);
          if (r instanceof Error) return h("td", { class: "cmp-cell error" }, r.message);
          if (!r) return h("td", { class: "cmp-cell pending" }, h("span", { class: "busy" }, "running…"));
          return cellView(k, at, cs[i], i > 0 ? cs[i - 1] : null, i === 0);
        }),
      );
    };
    replaceChildren(
      table,
      h(
        "table",
        { class: "compare-table" },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            h("th", { scope: "col" }, ""),
            ...kernels.map((k) =>
              h(
                "th",
                { scope: "col", dataset: { kernel: k } },
                h("span", { class: "kv" }, k),
                h("span", { class: "krel" }, (runOf(s, k) as RunResult | undefined)?.kernel?.release ?? ""),
              ),
            ),
          ),
        ),
        h(
          "tbody",
          null,
          row(h("th", { scope: "row" }, h("span", { class: "rowname" }, "build"), h("code", null, "make M=…")), buildCell, "build"),
          ...Array.from({ length: n }, (_, i) =>
            row(h("th", { scope: "row" }, h("span", { class: "rowname" }, `command ${i + 1}`), h("code", null, `$ ${label(i)}`)), (o) => commandCell(o, i), i),
          ),
        ),
      ),
      h(
        "p",
        { class: "compare-legend" },
        h("span", { class: "swatch changed" }),
        "differs from the kernel to its left",
        h("span", { class: "swatch new" }),
        "a message that kernel did not print",
      ),
    );
  }

  function render(): void {
    const s = store.getState();
    renderPicker(s);
    renderExpectations(s);
    renderTable(s);
  }
  render();
  const unsubscribe = store.subscribe((s) => [s.compareRuns, s.compareChosen, s.expect, s.side, s.kernels] as const, render, {
    equalityFn: (a, b) => a.every((x, i) => x === b[i]),
  });
  return () => {
    unsubscribe();
    root.remove();
  };
}

export const comparePane: Pane = { id: "compare", title: "Compare", mount };
