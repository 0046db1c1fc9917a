// Explanation cards: what each message the engine can produce means, where the kernel
// applies the rule, since when, and how to fix it. The page shows them next to findings.

import { CARDS, type ExplanationCard, type MessageId } from "../../wasm/explain/cards";

export { CARDS };
export type { ExplanationCard, MessageId };

/** The card of a message id (a finding's `id`), or null for ids without one (e.g. INTERNAL_ERROR). */
export function cardFor(id: string): ExplanationCard | null {
  return Object.prototype.hasOwnProperty.call(CARDS, id) ? CARDS[id as MessageId] : null;
}
