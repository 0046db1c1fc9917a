// Where in a line the cursor is, in terms of the workspace formats: a namespace argument, a
// symbol argument, a Module.symvers column. Text positions only; meaning comes from the engine.

/** Whether a word starting after `before` (the line's text up to the word) is a namespace argument. */
export function isNamespaceArgument(before: string, language: string): boolean {
  // CRC, symbol, module, export type, namespace: the fifth column
  if (language === "symvers") return (before.match(/\t/g)?.length ?? 0) === 4;
  if (language === "kbuild") return /DEFAULT_SYMBOL_NAMESPACE=['"]*$/.test(before);
  return (
    /MODULE_IMPORT_NS\s*\(\s*"?$/.test(before) ||
    /EXPORT_SYMBOL\w*_NS\w*\s*\(\s*\w+\s*,\s*"?$/.test(before) ||
    /#\s*define\s+DEFAULT_SYMBOL_NAMESPACE\s+"?$/.test(before)
  );
}

/** Whether the word is a symbol name position of a Module.symvers line (its second column). */
export function isSymversSymbol(before: string): boolean {
  return /^[^\t]*\t$/.test(before);
}
