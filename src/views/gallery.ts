// The gallery of presets: one card per real case (title, release, what the real kernel did,
// the first lines of its story). A card is a link to #example/<slug>, so it can be shared.

import type { Pane } from "./pane";
import { h, icon, replaceChildren } from "./dom";
import type { PlaygroundStore } from "../store";
import { PRESETS } from "../presets/list";
import { verdictText } from "./story";

/** The story's opening, cut at a word near 200 characters. */
function opening(text: string): string {
  if (text.length <= 210) return text;
  const cut = text.lastIndexOf(" ", 200);
  return `${text.slice(0, cut > 120 ? cut : 200).replace(/[,;:(]$/, "")}…`;
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const grid = h("ul", { class: "gallery-grid" });
  const close = () => store.getState().setGalleryOpen(false);
  const root = h(
    "div",
    { class: "gallery", role: "dialog", "aria-modal": "true", "aria-labelledby": "gallery-title" },
    h(
      "div",
      { class: "gallery-box" },
      h(
        "header",
        { class: "gallery-head" },
        h(
          "div",
          null,
          h("h2", { id: "gallery-title" }, "Examples from real kernel threads"),
          h("p", null, "Each one replays a case from a mailing list or tracker, set on the release it happened on, with what the real kernel printed."),
        ),
        h("button", { type: "button", class: "icon-button", title: "Close (Esc)", "aria-label": "Close", on: { click: close } }, icon("close")),
      ),
      grid,
    ),
  );
  root.addEventListener("click", (e) => e.target === root && close());
  root.addEventListener("keydown", (e) => e.key === "Escape" && close());
  container.append(root);

  // the cards are built when the gallery first opens, whole: every preset's story and verdict
  // come in one small chunk (asked for while the page is idle, so it is usually there already)
  const metas = () => (metasLoading ??= import("../presets/metas"));
  let metasLoading: Promise<typeof import("../presets/metas")> | null = null;
  const idle = setTimeout(() => void metas().catch(() => undefined), 1500);
  const fill = async () => {
    grid.setAttribute("aria-busy", "true");
    const { presetMeta } = await metas();
    grid.removeAttribute("aria-busy");
    replaceChildren(
      grid,
      ...PRESETS.map((p) => {
        const meta = presetMeta(p.slug);
        const good = meta ? meta.expected.build.ok && meta.expected.commands.every((c) => c.exit === 0) : false;
        return h(
          "li",
          null,
          h(
            "a",
            { class: "gallery-card", href: `#example/${p.slug}`, dataset: { slug: p.slug }, on: { click: close } },
            h("span", { class: "gallery-top" }, h("span", { class: "badge" }, `Linux ${p.kernel}`), h("span", { class: "gallery-slug" }, p.slug)),
            h("span", { class: "gallery-title" }, p.title),
            meta ? h("p", { class: "gallery-story" }, opening(meta.story)) : null,
            meta ? h("span", { class: `gallery-verdict ${good ? "ok" : "bad"}` }, verdictText(meta.expected)) : null,
          ),
        );
      }),
    );
    if (!root.hidden) (grid.querySelector("a") as HTMLElement | null)?.focus();
  };

  let filling: Promise<void> | null = null;
  const render = () => {
    const open = store.getState().galleryOpen;
    root.hidden = !open;
    if (open && !filling)
      filling = fill().catch(() => replaceChildren(grid, h("li", { class: "muted" }, "The examples could not be loaded; reload the page to try again.")));
    if (open) (grid.querySelector("a") as HTMLElement | null)?.focus();
  };
  render();
  const unsub = store.subscribe((s) => s.galleryOpen, render);
  return () => {
    clearTimeout(idle);
    unsub();
    root.remove();
  };
}

export const galleryPane: Pane = { id: "gallery", title: "Examples", mount };
