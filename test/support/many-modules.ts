// A workspace of many modules that export into shared namespaces and use each other's symbols,
// some without importing the namespace: the shape of the 250-module link that froze the Graph
// tab, for the graph's tests.

/** `n` modules; module i exports four symbols into NS(i mod 40), uses three others' and imports
 *  the namespaces of the first two (every third module forgets one). */
export function manyModules(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const used = [1, 2, 3].map((k) => (i + k * 7) % n);
    const imported = used.slice(0, i % 3 === 0 ? 1 : 2).map((j) => `NS${j % 40}`);
    files[`m${i}.c`] =
      "#include <linux/module.h>\n" +
      used.map((j) => `extern int m${j}_f0(void);\n`).join("") +
      [0, 1, 2, 3].map((k) => `int m${i}_f${k}(void) { return ${k}; }\nEXPORT_SYMBOL_NS_GPL(m${i}_f${k}, NS${i % 40});\n`).join("") +
      [...new Set(imported)].map((ns) => `MODULE_IMPORT_NS(${ns});\n`).join("") +
      `static int __init m${i}_init(void) { return ${used.map((j) => `m${j}_f0()`).join(" + ")}; }\nmodule_init(m${i}_init);\nMODULE_LICENSE("GPL");\n`;
  }
  return files;
}
