// How a namespace argument is written in a given form. Which form a release wants is the
// engine's rule: it comes with every result (result.kernel.syntax.namespace).

/** `identifier`: MODULE_IMPORT_NS(NS); `string`: MODULE_IMPORT_NS("NS"). */
export type NamespaceForm = "identifier" | "string";

/** Writes `ns` as a namespace argument in `form`. */
export function writeNamespace(ns: string, form: NamespaceForm): string {
  return form === "string" ? `"${ns}"` : ns;
}
