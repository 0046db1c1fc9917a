// A use's chain of inline functions (Finding.through, uses[].through) as people read it, the
// same in the playground's hovers and in the CLI.

import type { InlineStep } from "./types";

/** "outer (include/x.h:12) → inner (include/x.h:7)": outermost first, each where it is defined. */
export function throughText(steps: readonly InlineStep[]): string {
  return steps.map((step) => `${step.name} (${step.file}:${step.line})`).join(" → ");
}
