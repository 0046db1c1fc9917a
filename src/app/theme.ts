// Applies the theme to the page: the choice is kept in localStorage (read before first paint
// by public/theme.js, so there is no white flash) and "system" follows the OS live.

import type { PlaygroundStore, Theme } from "../store";
import { resolveTheme } from "../views/theme";

export const THEME_KEY = "ksymns:theme";

/** The saved theme choice. */
export function savedTheme(storage: Pick<Storage, "getItem">): Theme {
  const t = storage.getItem(THEME_KEY);
  return t === "light" || t === "dark" ? t : "system";
}

/** Keeps <html data-theme> (or `target`'s) in step with the store and the OS; returns the dispose function. */
export function connectTheme(store: PlaygroundStore, storage: Pick<Storage, "setItem">, target: HTMLElement = document.documentElement): () => void {
  const query = matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    const theme = store.getState().theme;
    target.dataset.theme = resolveTheme(theme);
    target.dataset.themeChoice = theme;
  };
  const unsub = store.subscribe(
    (s) => s.theme,
    (t) => {
      try {
        storage.setItem(THEME_KEY, t);
      } catch {
        // a refused choice costs nothing but the choice after a reload
      }
      apply();
    },
  );
  query.addEventListener("change", apply);
  apply();
  return () => {
    unsub();
    query.removeEventListener("change", apply);
  };
}
