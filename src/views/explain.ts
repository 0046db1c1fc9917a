// An explanation card as the page shows it under a finding: rule, where, since, before, fix,
// and the kernel documentation to read (cards from src/explain).

import { cardFor } from "../explain";
import { h } from "./dom";

/** The card for a message id, or a short note when the id has none. */
export function explanationCard(id: string): HTMLElement {
  const card = cardFor(id);
  if (!card) return h("div", { class: "explain" }, h("p", { class: "explain-none" }, `No explanation is written for ${id}.`));
  const row = (label: string, text: string) => h("div", { class: "explain-row" }, h("dt", null, label), h("dd", null, text));
  return h(
    "div",
    { class: "explain", dataset: { card: id } },
    h("p", { class: "explain-title" }, card.title),
    h(
      "dl",
      null,
      row("Rule", card.rule),
      row("Where", card.where),
      row("Since", card.since),
      row("Before", card.before),
      row("Fix", card.fix),
      h(
        "div",
        { class: "explain-row" },
        h("dt", null, "Docs"),
        h("dd", null, h("a", { href: card.docs, target: "_blank", rel: "noopener noreferrer" }, card.docs.replace(/^https:\/\//, ""))),
      ),
    ),
  );
}
