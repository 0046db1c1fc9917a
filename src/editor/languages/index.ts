// The five workspace languages and which file gets which.

import type * as Monaco from "monaco-editor/editor/editor.api";
import { KMODC, kmodcConfiguration, kmodcLanguage } from "./kmodc";
import { SYMVERS, symversLanguage } from "./symvers";
import { KCONFIG, kconfigLanguage } from "./kconfig";
import { KBUILD, kbuildLanguage } from "./kbuild";
import { KLOAD, kloadLanguage } from "./kload";

export { KMODC, SYMVERS, KCONFIG, KBUILD, KLOAD };

/** The language id for a workspace file name. */
export function languageFor(name: string): string {
  if (/\.[ch]$/.test(name)) return KMODC;
  if (name === "Module.symvers" || name.endsWith(".symvers")) return SYMVERS;
  if (name === ".config" || name.endsWith(".config")) return KCONFIG;
  if (name === "Kbuild" || name === "Makefile") return KBUILD;
  if (name === "load") return KLOAD;
  return "plaintext";
}

/** Registers the five languages with Monaco. */
export function registerLanguages(monaco: typeof Monaco): void {
  const hash = { lineComment: "#" } as const;
  for (const [id, lang, conf] of [
    [KMODC, kmodcLanguage, kmodcConfiguration],
    [SYMVERS, symversLanguage, {}],
    [KCONFIG, kconfigLanguage, { comments: hash }],
    [KBUILD, kbuildLanguage, { comments: hash }],
    [KLOAD, kloadLanguage, { comments: hash }],
  ] as const) {
    monaco.languages.register({ id });
    monaco.languages.setMonarchTokensProvider(id, lang);
    monaco.languages.setLanguageConfiguration(id, conf);
  }
}
