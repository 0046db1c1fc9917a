// Module.symvers: CRC, symbol, module, export type, namespace, tab-separated
// (scripts/mod/modpost.c write_dump(); the 5.4 layout has the namespace third).

import type { languages } from "monaco-editor/editor/editor.api";

export const SYMVERS = "symvers";

/** Highlights each column of a Module.symvers line. */
export const symversLanguage: languages.IMonarchLanguage = {
  defaultToken: "invalid",
  tokenizer: {
    root: [
      [/(0x[0-9a-fA-F]+)(\t)([^\t]+)(\t)(EXPORT_SYMBOL\w*)(\t)([^\t]*)$/, ["number.crc", "", "symbol.export", "", "keyword.export", "", "module"]],
      [
        /(0x[0-9a-fA-F]+)(\t)([^\t]+)(\t)([^\t]+)(\t)(EXPORT_SYMBOL\w*)(\t?)([^\t]*)$/,
        ["number.crc", "", "symbol.export", "", "module", "", "keyword.export", "", "namespace"],
      ],
      [
        /(0x[0-9a-fA-F]+)(\t)([^\t]+)(\t)([^\t]+)(\t)([^\t]+)(\t)(EXPORT_SYMBOL\w*)$/,
        ["number.crc", "", "symbol.export", "", "namespace", "", "module", "", "keyword.export"],
      ],
      [/\s+/, ""],
      [/.+$/, "invalid"],
    ],
  },
};
