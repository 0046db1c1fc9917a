// Keystroke-to-underline timing as performance measures, read by the typing benchmark:
// `ksymns:keystroke-to-markers` ends when the markers of the verdict that includes the
// keystroke are set, `ksymns:keystroke-to-frame` at the next animation frame (when Monaco paints).

let keyDownAt = 0;
let editAt = 0;

/** A key went down in an editor (capture phase, before the editor handles it). */
export function markKeyDown(): void {
  keyDownAt = performance.now();
}

/** The key changed a file: the next verdict is the one to time. */
export function markEdit(): void {
  if (keyDownAt && performance.now() - keyDownAt < 100) editAt = keyDownAt;
  keyDownAt = 0;
}

/** Markers now show a verdict; `current` tells whether it was computed from the latest files. */
export function markMarkersApplied(current: boolean): void {
  if (!editAt || !current) return;
  const start = editAt;
  editAt = 0;
  performance.measure("ksymns:keystroke-to-markers", { start, end: performance.now() });
  requestAnimationFrame(() => performance.measure("ksymns:keystroke-to-frame", { start, end: performance.now() }));
}
