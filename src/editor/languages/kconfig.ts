// .config: the header naming the release, `CONFIG_X=value` and `# CONFIG_X is not set`
// (scripts/kconfig/confdata.c).

import type { languages } from "monaco-editor/editor/editor.api";

export const KCONFIG = "kconfig";

export const kconfigLanguage: languages.IMonarchLanguage = {
  defaultToken: "",
  tokenizer: {
    root: [
      [/(#\s*Linux\/\S+\s+)(\S+)(\s+Kernel Configuration\s*)$/, ["comment.header", "number.release", "comment.header"]],
      [/(#\s*)(CONFIG_\w+)(\s+is not set\s*)$/, ["comment", "variable.config.off", "comment"]],
      [/#.*$/, "comment"],
      [/(CONFIG_\w+)(=)(y|m)\b/, ["variable.config", "operator", "keyword.on"]],
      [/(CONFIG_\w+)(=)(n)\b/, ["variable.config", "operator", "keyword.off"]],
      [/(CONFIG_\w+)(=)(".*"|\S*)/, ["variable.config", "operator", "string"]],
      [/\S+/, "invalid"],
    ],
  },
};
