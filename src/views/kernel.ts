// The kernel log of the load session, as a shell and dmesg show it: each command of `load`
// with its exit status and what insmod/rmmod/modprobe printed, then the kernel's lines.
// Clicking a command opens its line in `load`; clicking a kernel line opens what it is about.

import type { Pane } from "./pane";
import { h, onNextFrame, replaceChildren } from "./dom";
import type { PlaygroundStore } from "../store";
import type { CommandRecord, KernelLine } from "../engine";

/** dmesg -x's facility-less level names (include/linux/kern_levels.h). */
const LEVEL = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];

/** For a command that succeeded without a word (as insmod of a clean module does), a quiet line
 *  saying so, so that success is visible; null when the command printed anything. */
function quietLine(c: CommandRecord): HTMLElement | null {
  if (c.exit !== 0 || c.stdout.length || c.stderr.length || c.kernel.length) return null;
  const what = /^(busybox )?insmod\s|^modprobe\s+(?!-r\b)/.test(c.cmd)
    ? "loaded, no messages"
    : /^rmmod\s|^modprobe\s+-r\b/.test(c.cmd)
      ? "removed, no messages"
      : "no messages";
  return h("div", { class: "out quiet" }, `✓ ${what}`);
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const log = h("div", { class: "log kernel-log", role: "log", "aria-label": "Kernel log of the load session" });
  container.append(log);

  function findingOf(line: KernelLine, module?: string) {
    return store.getState().result?.findings.find((f) => f.stage === "load" && f.id === line.id && f.text === line.text && (!module || f.module === module));
  }

  function render(): void {
    const r = store.getState().result;
    if (!r) return replaceChildren(log);
    if (r.commands.length === 0) {
      replaceChildren(log, h("p", { class: "muted" }, "The load script runs no command. Add insmod, rmmod or modprobe lines to the file load."));
      return;
    }
    replaceChildren(
      log,
      ...r.commands.map((c) => {
        const loadLine = { file: "load", line: c.line, col: 1, endLine: c.line, endCol: 1 };
        return h(
          "section",
          { class: `command ${c.exit ? "failed" : "ok"}` },
          h(
            "button",
            { type: "button", class: "cmd", title: `Show line ${c.line} of load`, on: { click: () => store.getState().revealRange(loadLine) } },
            h("span", { class: "prompt", "aria-hidden": "true" }, "$"),
            h("span", { class: "cmd-text" }, c.cmd),
            h("span", { class: `exit ${c.exit ? "exit-bad" : "exit-ok"}`, title: "exit status" }, c.exit ? `exit ${c.exit}` : "exit 0"),
          ),
          quietLine(c),
          ...c.stdout.map((l) => h("div", { class: "out stdout" }, l)),
          ...c.stderr.map((l) => h("div", { class: "out stderr" }, l)),
          ...c.kernel.map((k) => {
            const f = findingOf(k);
            const level = LEVEL[k.level] ?? String(k.level);
            return h(
              "button",
              {
                type: "button",
                class: `kline lvl-${level}`,
                title: f && f.file ? `Show ${f.file}:${f.line}` : undefined,
                disabled: !(f && f.file),
                on: { click: () => f && store.getState().revealRange(f) },
              },
              h("span", { class: "lvl" }, level),
              h("span", { class: "ktext" }, k.text),
            );
          }),
        );
      }),
    );
  }
  render();
  const unsub = store.subscribe((s) => s.result, onNextFrame(render));
  return () => {
    unsub();
    log.remove();
  };
}

export const kernelPane: Pane = {
  id: "kernel",
  title: "Kernel log",
  mount,
  badge: (s) => {
    const failed = s.result?.commands.filter((c) => c.exit !== 0).length ?? 0;
    return failed ? { count: failed, tone: "bad" } : null;
  },
};
