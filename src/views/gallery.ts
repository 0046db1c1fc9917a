// The gallery of presets: one card per real case (title, release, what the real kernel did,
// the first lines of its story). A card is a link to #example/<slug>, so it can be shared.

import type { Pane } from "./pane";
import { h, icon, replaceChildren } from "./dom";
import type { PlaygroundStore } from "../store";
import { PRESETS } from "../presets/list";
import { loadPreset } from "../presets/browser";
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
        h("div", null, h("h2", { id: "gallery-title" }, "Examples from real kernel threads"), h("p", null, "Each one replays a case from a mailing list or tracker, set on the release it happened on, with what the real kernel printed.")),
        h("button", { type: "button", class: "icon-button", title: "Close (Esc)", "aria-label": "Close", on: { click: close } }, icon("close")),
      ),
      grid,
    ),
  );
  root.addEventListener("click", (e) => e.target === root && close());
  root.addEventListener("keydown", (e) => e.key === "Escape" && close());
  container.append(root);

  // the cards are built when the gallery first opens: the presets' files load only then
  const fill = () => replaceChildren(
    grid,
    ...PRESETS.map((p) => {
      const story = h("p", { class: "gallery-story" }, "");
      const verdict = h("span", { class: "gallery-verdict" }, "");
      void loadPreset(p.slug).then(({ meta }) => {
        story.textContent = opening(meta.story);
        verdict.textContent = verdictText(meta.expected);
        verdict.classList.add(meta.expected.build.ok && meta.expected.commands.every((c) => c.exit === 0) ? "ok" : "bad");
      }, () => undefined);
      return h(
        "li",
        null,
        h(
          "a",
          { class: "gallery-card", href: `#example/${p.slug}`, dataset: { slug: p.slug }, on: { click: close } },
          h("span", { class: "gallery-top" }, h("span", { class: "badge" }, `Linux ${p.kernel}`), h("span", { class: "gallery-slug" }, p.slug)),
          h("span", { class: "gallery-title" }, p.title),
          story,
          verdict,
        ),
      );
    }),
  );

  const render = () => {
    const open = store.getState().galleryOpen;
    root.hidden = !open;
    if (open && !grid.firstChild) fill();
    if (open) (grid.querySelector("a") as HTMLElement | null)?.focus();
  };
  render();
  const unsub = store.subscribe((s) => s.galleryOpen, render);
  return () => {
    unsub();
    root.remove();
  };
}

export const galleryPane: Pane = { id: "gallery", title: "Examples", mount };
