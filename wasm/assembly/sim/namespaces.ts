// Namespace rules: module-name comparison and `module:` namespaces
// (kernel/module/main.c verify_module_namespace, 6.16).

export const MODULE_NS_PREFIX = "module:";

/** Module names compare with '-' and '_' equal (the kernel's module-name rule). */
export function sameModuleName(a: string, b: string): bool {
  if (a.length != b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i),
      y = b.charCodeAt(i);
    if (x == 45) x = 95;
    if (y == 45) y = 95;
    if (x != y) return false;
  }
  return true;
}

function sameChars(a: string, b: string, dashIsUnderscore: bool): bool {
  return dashIsUnderscore ? sameModuleName(a, b) : a == b;
}

/** Whether `module:a,b-*` names `mod`. The loader compares names with '-' and '_' equal;
 *  modpost (6.16) compares them as written. */
export function moduleNamespaceAllows(ns: string, mod: string, dashIsUnderscore: bool): bool {
  if (!ns.startsWith(MODULE_NS_PREFIX)) return false;
  const list = ns.substring(MODULE_NS_PREFIX.length).split(",");
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (entry.endsWith("*")) {
      const prefix = entry.substring(0, entry.length - 1);
      if (prefix.length <= mod.length && sameChars(prefix, mod.substring(0, prefix.length), dashIsUnderscore)) return true;
    } else if (sameChars(entry, mod, dashIsUnderscore)) return true;
  }
  return false;
}

/** GPL-compatible license strings (include/linux/license.h). */
export function isGplCompatible(license: string): bool {
  return (
    license == "GPL" ||
    license == "GPL v2" ||
    license == "GPL and additional rights" ||
    license == "Dual BSD/GPL" ||
    license == "Dual MIT/GPL" ||
    license == "Dual MPL/GPL"
  );
}
