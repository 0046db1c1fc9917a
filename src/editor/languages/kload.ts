// The load script: one shell command a line (insmod NAME.ko, rmmod NAME, modprobe [-r] NAME,
// modinfo NAME.ko, lsmod), `#` comments.

import type { languages } from "monaco-editor/editor/editor.api";

export const KLOAD = "kload";

export const kloadLanguage: languages.IMonarchLanguage = {
  defaultToken: "",
  tokenizer: {
    root: [
      [/#.*$/, "comment"],
      [/\b(?:busybox\s+)?(?:insmod|rmmod|modprobe|modinfo|lsmod|dmesg)\b/, "keyword.command"],
      [/\s-{1,2}[\w-]+/, "string.flag"],
      [/[\w.-]+\.ko(?:\.\w+)?\b/, "symbol.object"],
      [/[\w-]+/, "module"],
      [/\S+/, ""],
    ],
  },
};
