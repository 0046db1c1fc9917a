// Which palette a theme setting means right now ("system" follows the OS, live).

import type { Theme } from "../store";

/** "light" or "dark" for a theme setting, asking the OS for "system". */
export function resolveTheme(theme: Theme): "light" | "dark" {
  if (theme !== "system") return theme;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}
