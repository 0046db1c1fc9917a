// Kernel module C: C, with the export and import macros, modinfo macros and namespace
// arguments marked (include/linux/export.h, include/linux/module.h).

import type { languages } from "monaco-editor/editor/editor.api";

export const KMODC = "kmodc";

const C_KEYWORDS = [
  "auto",
  "break",
  "case",
  "char",
  "const",
  "continue",
  "default",
  "do",
  "double",
  "else",
  "enum",
  "extern",
  "float",
  "for",
  "goto",
  "if",
  "inline",
  "int",
  "long",
  "register",
  "restrict",
  "return",
  "short",
  "signed",
  "sizeof",
  "static",
  "struct",
  "switch",
  "typedef",
  "union",
  "unsigned",
  "void",
  "volatile",
  "while",
  "bool",
  "true",
  "false",
  "NULL",
  "u8",
  "u16",
  "u32",
  "u64",
  "s8",
  "s16",
  "s32",
  "s64",
  "size_t",
  "__init",
  "__exit",
  "__user",
  "__iomem",
];

/** The kernel-module C language (Monarch). */
export const kmodcLanguage: languages.IMonarchLanguage = {
  defaultToken: "",
  keywords: C_KEYWORDS,
  tokenizer: {
    root: [
      // EXPORT_SYMBOL_NS_GPL(sym, NS) and friends: macro, symbol, namespace (identifier or string)
      [
        /(EXPORT_SYMBOL\w*)(\s*\(\s*)([A-Za-z_]\w*)(\s*,\s*)("[^"]*"|[A-Za-z_][\w:*,-]*)/,
        ["keyword.export", "delimiter", "symbol.export", "delimiter", "namespace"],
      ],
      [/(EXPORT_SYMBOL\w*)(\s*\(\s*)([A-Za-z_]\w*)/, ["keyword.export", "delimiter", "symbol.export"]],
      [/(MODULE_IMPORT_NS)(\s*\(\s*)("[^"]*"|[A-Za-z_][\w:]*)/, ["keyword.import", "delimiter", "namespace"]],
      [/MODULE_IMPORT_NS\b/, "keyword.import"],
      [/(#\s*(?:define|undef)\s+)(DEFAULT_SYMBOL_NAMESPACE)(\s*)("[^"]*"|[A-Za-z_]\w*)?/, ["keyword.directive", "keyword.export", "", "namespace"]],
      [/\b(?:MODULE_[A-Z_]+|module_init|module_exit|module_\w+_driver)\b/, "keyword.modinfo"],
      [/^\s*#\s*\w+/, "keyword.directive"],
      [/[A-Za-z_]\w*/, { cases: { "@keywords": "keyword", "@default": "identifier" } }],
      { include: "@whitespace" },
      [/[{}()[\]]/, "@brackets"],
      [/0[xX][0-9a-fA-F]+[uUlL]*|\d+[uUlL]*/, "number"],
      [/"/, "string", "@string"],
      [/'(?:[^'\\]|\\.)*'/, "string"],
      [/[;,.]/, "delimiter"],
      [/[=><!~?:&|+\-*/^%]+/, "operator"],
    ],
    whitespace: [
      [/\s+/, ""],
      [/\/\*/, "comment", "@comment"],
      [/\/\/.*$/, "comment"],
    ],
    comment: [
      [/[^/*]+/, "comment"],
      [/\*\//, "comment", "@pop"],
      [/[/*]/, "comment"],
    ],
    string: [
      [/[^\\"]+/, "string"],
      [/\\./, "string.escape"],
      [/"/, "string", "@pop"],
    ],
  },
};

export const kmodcConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: "//", blockComment: ["/*", "*/"] },
  brackets: [
    ["{", "}"],
    ["[", "]"],
    ["(", ")"],
  ],
  autoClosingPairs: [
    { open: "{", close: "}" },
    { open: "[", close: "]" },
    { open: "(", close: ")" },
    { open: '"', close: '"', notIn: ["string"] },
    { open: "/*", close: " */", notIn: ["string"] },
  ],
  surroundingPairs: [
    { open: "(", close: ")" },
    { open: '"', close: '"' },
  ],
  wordPattern: /[A-Za-z_][\w]*/,
};
