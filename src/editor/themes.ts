// The editor's two themes; token colours match the page's palette (src/app/app.css).

import type * as Monaco from "monaco-editor/editor/editor.api";

export const LIGHT = "ksymns-light";
export const DARK = "ksymns-dark";

/** Defines the light and dark editor themes. */
export function defineThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(LIGHT, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "keyword.export", foreground: "8639c7", fontStyle: "bold" },
      { token: "keyword.import", foreground: "0b7a75", fontStyle: "bold" },
      { token: "keyword.modinfo", foreground: "9a4d00" },
      { token: "keyword.command", foreground: "8639c7", fontStyle: "bold" },
      { token: "keyword.directive", foreground: "6e6e6e" },
      { token: "keyword.on", foreground: "1a7f37", fontStyle: "bold" },
      { token: "keyword.off", foreground: "b42318" },
      { token: "namespace", foreground: "c2410c", fontStyle: "bold" },
      { token: "symbol.export", foreground: "1d4ed8" },
      { token: "symbol.object", foreground: "1d4ed8" },
      { token: "module", foreground: "0b7a75" },
      { token: "number.crc", foreground: "8a8a8a" },
      { token: "number.release", foreground: "c2410c", fontStyle: "bold" },
      { token: "variable.config", foreground: "1d4ed8" },
      { token: "variable.config.off", foreground: "1d4ed8", fontStyle: "italic" },
      { token: "comment.header", foreground: "6e6e6e", fontStyle: "bold" },
      { token: "string.flag", foreground: "6e6e6e" },
    ],
    colors: {
      "editor.background": "#ffffff",
      "editorLineNumber.foreground": "#a0a4ab",
      "editor.lineHighlightBackground": "#f4f6f9",
      "editorGutter.background": "#ffffff",
    },
  });
  monaco.editor.defineTheme(DARK, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "keyword.export", foreground: "c4a1ff", fontStyle: "bold" },
      { token: "keyword.import", foreground: "5eead4", fontStyle: "bold" },
      { token: "keyword.modinfo", foreground: "fbbf77" },
      { token: "keyword.command", foreground: "c4a1ff", fontStyle: "bold" },
      { token: "keyword.directive", foreground: "9aa4b2" },
      { token: "keyword.on", foreground: "6ee7a0", fontStyle: "bold" },
      { token: "keyword.off", foreground: "fca5a5" },
      { token: "namespace", foreground: "fdba74", fontStyle: "bold" },
      { token: "symbol.export", foreground: "93c5fd" },
      { token: "symbol.object", foreground: "93c5fd" },
      { token: "module", foreground: "5eead4" },
      { token: "number.crc", foreground: "7d8590" },
      { token: "number.release", foreground: "fdba74", fontStyle: "bold" },
      { token: "variable.config", foreground: "93c5fd" },
      { token: "variable.config.off", foreground: "93c5fd", fontStyle: "italic" },
      { token: "comment.header", foreground: "9aa4b2", fontStyle: "bold" },
      { token: "string.flag", foreground: "9aa4b2" },
    ],
    colors: {
      "editor.background": "#15181e",
      "editorLineNumber.foreground": "#5a616d",
      "editor.lineHighlightBackground": "#1c2028",
      "editorGutter.background": "#15181e",
    },
  });
}
