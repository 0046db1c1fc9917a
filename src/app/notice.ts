// The notice bar under the header: link opened, work kept in History, link broken, file deleted.

import { h, icon, replaceChildren } from "../views";
import type { PlaygroundStore } from "../store";

/** A read-only field holding `url`, selected once it is shown, for copying by hand. */
function shareField(url: string): HTMLInputElement {
  const input = h("input", { class: "share-url", readOnly: true, value: url, "aria-label": "Share link", spellcheck: false });
  queueMicrotask(() => input.select());
  return input;
}

/** Mounts the notice bar; returns its dispose function. */
export function mountNotice(container: HTMLElement, store: PlaygroundStore): () => void {
  const bar = h("div", { class: "notice", role: "status", "aria-live": "polite", hidden: true });
  container.append(bar);
  function render(): void {
    const n = store.getState().notice;
    bar.hidden = !n;
    if (!n) return replaceChildren(bar);
    bar.className = `notice notice-${n.kind}`;
    replaceChildren(
      bar,
      icon(n.kind === "error" ? "error" : "info"),
      h("span", { class: "notice-text" }, n.text, n.link ? " " : null, n.link ? shareField(n.link) : null),
      n.more ? h("button", { type: "button", class: "btn small link notice-more", on: { click: () => n.more!.run() } }, n.more.label) : null,
      n.action ? h("button", { type: "button", class: "btn small", on: { click: () => n.action!.run() } }, n.action.label) : null,
      h(
        "button",
        { type: "button", class: "icon-btn", title: "Dismiss", "aria-label": "Dismiss", on: { click: () => store.getState().dismissNotice() } },
        icon("close"),
      ),
    );
  }
  render();
  const unsub = store.subscribe((s) => s.notice, render);
  return () => {
    unsub();
    bar.remove();
  };
}
