// Page-wide keyboard shortcuts (captured before the editor sees them).

import type { PlaygroundStore } from "../store";
import { copyLink } from "./commands";

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || !!el.closest(".monaco-editor"));
}

/** Connects the shortcuts; returns the dispose function. */
export function connectShortcuts(store: PlaygroundStore): () => void {
  const onKey = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      void copyLink(store);
    } else if (e.key === "?" && !mod && !typingIn(e.target)) {
      e.preventDefault();
      store.getState().setHelpOpen(true);
    } else if (e.altKey && !mod && /^Digit[1-9]$/.test(e.code)) {
      const file = store.getState().files[Number(e.code.slice(5)) - 1];
      if (file) {
        e.preventDefault();
        store.getState().openFile(file.name);
      }
    }
  };
  addEventListener("keydown", onKey, true);
  return () => removeEventListener("keydown", onKey, true);
}
