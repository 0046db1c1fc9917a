// Kbuild: `obj-m += a.o`, `obj-y += core.o`, `ccflags-y += -D...`, `CFLAGS_a.o += ...`
// (Documentation/kbuild/makefiles.rst).

import type { languages } from "monaco-editor/editor/editor.api";

export const KBUILD = "kbuild";

export const kbuildLanguage: languages.IMonarchLanguage = {
  defaultToken: "",
  tokenizer: {
    root: [
      [/#.*$/, "comment"],
      [/(obj-[ym]|obj-\$\([A-Z_0-9]+\)|ccflags-y|ccflags-remove-y|CFLAGS_[\w.-]+|subdir-ccflags-y)(\s*)([:+?]?=)/, ["keyword", "", "operator"]],
      [/(-D)(DEFAULT_SYMBOL_NAMESPACE)(=)('"[^"]*"'|"[^"]*"|[A-Za-z_]\w*)/, ["operator", "keyword.export", "operator", "namespace"]],
      [/-[DIUW]\S*/, "string.flag"],
      [/[\w.-]+\.o\b/, "symbol.object"],
      [/\\$/, "operator"],
      [/\S+/, ""],
    ],
  },
};
