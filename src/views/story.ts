// The story beside the editor: an open preset's (title, what happened, where it was discussed
// with the message link, and whether this run agrees with what the real kernel did), or the
// mail of a pasted patch (subject, commit message, author, lore link).

import type { Pane } from "./pane";
import { h, icon, onNextFrame, replaceChildren } from "./dom";
import type { PatchStory, PlaygroundStore } from "../store";
import { diffOutcome, outcomeOf } from "../presets/outcome";
import type { ExpectedOutcome } from "../presets/types";

/** A short verdict of an outcome: the build and the failing commands. */
export function verdictText(o: ExpectedOutcome): string {
  const failed = o.commands.filter((c) => c.exit !== 0);
  const build = o.build.ok ? "make succeeds" : Object.values(o.build.modules).includes("relaxed") ? "make refuses (built anyway)" : "make fails";
  const load =
    o.commands.length === 0
      ? ""
      : failed.length
        ? `${failed.map((c) => c.cmd.split(/\s+/)[0]).join(", ")} fails (exit ${failed[0].exit})`
        : "every command succeeds";
  return [build, load].filter(Boolean).join(" · ");
}

function mount(container: HTMLElement, store: PlaygroundStore): () => void {
  const root = h("aside", { class: "story", "aria-label": "The story of this example" });
  container.append(root);
  // collapsed, the story keeps one line (the example and its title) and gives the editor the room
  let collapsed = false;
  const toggle = () => {
    collapsed = !collapsed;
    render();
  };

  function render(): void {
    const s = store.getState();
    const p = s.preset;
    root.hidden = !p && !s.story;
    if (!p) return s.story ? renderPatch(s.story) : replaceChildren(root);
    const { meta } = p;
    root.classList.toggle("collapsed", collapsed);
    replaceChildren(
      root,
      h(
        "div",
        { class: "story-head" },
        h(
          "span",
          { class: "story-kicker" },
          "Example",
          h("span", { class: "badge" }, `Linux ${meta.kernel}`),
          meta.relaxed ? h("span", { class: "badge" }, "built anyway") : null,
        ),
        h(
          "span",
          { class: "story-actions" },
          h(
            "button",
            { type: "button", class: "link-button", id: "story-compare", on: { click: () => store.getState().setTab("compare") } },
            "Compare kernels",
          ),
          h("button", { type: "button", class: "link-button", on: { click: () => store.getState().setGalleryOpen(true) } }, "All examples"),
          h(
            "button",
            {
              type: "button",
              class: "icon-button story-collapse",
              title: collapsed ? "Show the whole story" : "Collapse the story to one line",
              "aria-label": collapsed ? "Show the whole story" : "Collapse the story",
              "aria-expanded": String(!collapsed),
              "aria-controls": "story-body",
              on: { click: toggle },
            },
            icon("chevron"),
          ),
          h(
            "button",
            {
              type: "button",
              class: "icon-button",
              title: "Hide the story",
              "aria-label": "Hide the story",
              on: { click: () => store.getState().setPreset(null) },
            },
            icon("close"),
          ),
        ),
      ),
      h("h2", { class: "story-title" }, meta.title),
      collapsed ? null : storyBody(),
    );
  }

  /** The story of a pasted patch: its subject, the commit message, its author and its mail. */
  function renderPatch(story: PatchStory): void {
    root.classList.toggle("collapsed", collapsed);
    replaceChildren(
      root,
      h(
        "div",
        { class: "story-head" },
        h("span", { class: "story-kicker" }, "Patch"),
        h(
          "span",
          { class: "story-actions" },
          h(
            "button",
            {
              type: "button",
              class: "icon-button story-collapse",
              title: collapsed ? "Show the whole story" : "Collapse the story to one line",
              "aria-label": collapsed ? "Show the whole story" : "Collapse the story",
              "aria-expanded": String(!collapsed),
              "aria-controls": "story-body",
              on: { click: toggle },
            },
            icon("chevron"),
          ),
          h(
            "button",
            {
              type: "button",
              class: "icon-button",
              title: "Hide the story",
              "aria-label": "Hide the story",
              on: { click: () => store.getState().setStory(null) },
            },
            icon("close"),
          ),
        ),
      ),
      h("h2", { class: "story-title" }, story.subject || "A patch"),
      collapsed
        ? null
        : h(
            "div",
            { id: "story-body", class: "story-body" },
            story.message ? h("p", { class: "story-text" }, story.message) : null,
            h(
              "ul",
              { class: "citations" },
              h(
                "li",
                null,
                h("span", { class: "cite-subject" }, story.subject),
                h("span", { class: "cite-meta" }, [story.author, story.date].filter(Boolean).join(" · ")),
                story.link ? h("a", { class: "cite-link", href: story.link, target: "_blank", rel: "noopener noreferrer" }, story.link) : null,
              ),
            ),
          ),
    );
  }

  function storyBody(): HTMLElement {
    const s = store.getState();
    const { meta } = s.preset!;
    const expected = meta.expected;
    let check: HTMLElement;
    if (!s.result || s.running) check = h("p", { class: "story-check busy" }, "Running…");
    else {
      const diff = diffOutcome(expected, outcomeOf(s.result));
      const sameKernel = s.result.kernel.version === meta.kernel && s.relaxed === meta.relaxed;
      check =
        diff.length === 0
          ? h("p", { class: "story-check ok" }, icon("ok"), "ksymns gives what the real kernel gave.")
          : h(
              "details",
              { class: `story-check ${sameKernel ? "bad" : "changed"}` },
              h(
                "summary",
                null,
                icon(sameKernel ? "error" : "info"),
                sameKernel
                  ? `${diff.length} difference${diff.length === 1 ? "" : "s"} from the real kernel`
                  : `You changed the example: ${diff.length} difference${diff.length === 1 ? "" : "s"} from the stored outcome`,
              ),
              h("pre", null, diff.join("\n")),
            );
    }
    return h(
      "div",
      { id: "story-body", class: "story-body" },
      h("p", { class: "story-text" }, meta.story),
      h(
        "ul",
        { class: "citations" },
        ...meta.citation.map((c) =>
          h(
            "li",
            null,
            h("span", { class: "cite-subject" }, c.subject),
            h("span", { class: "cite-meta" }, `${c.authors.join(", ")} · ${c.list} · ${c.date}`),
            h("a", { class: "cite-link", href: c.link, target: "_blank", rel: "noopener noreferrer" }, c.link),
          ),
        ),
      ),
      h(
        "div",
        { class: "story-verdict" },
        h("span", { class: "story-verdict-label" }, "Real kernel"),
        h("span", { class: "story-verdict-text", id: "story-verdict" }, verdictText(expected)),
        check,
      ),
    );
  }
  render();
  const unsub = store.subscribe((s) => [s.preset, s.story, s.result, s.running] as const, onNextFrame(render), {
    equalityFn: (a, b) => a.every((x, i) => x === b[i]),
  });
  return () => {
    unsub();
    root.remove();
  };
}

export const storyPane: Pane = { id: "story", title: "Story", mount };
