// A composite module (`foo-y := a.o b.o`, obj-m += foo.o): kbuild links its objects into one
// foo.o, so what modpost and the loader see is their union — exports, imports and modinfo of
// every part, and as undefined only what no part defines.

import { ModuleSource, moduleNameOf } from "./toyc";

function mergeMap<V>(into: Map<string, V>, from: Map<string, V>): void {
  const keys = from.keys();
  for (let i = 0; i < keys.length; i++) if (!into.has(keys[i])) into.set(keys[i], from.get(keys[i]));
}

/** The module `object` (a workspace path such as `usb-storage.o`) linked from `parts`. */
export function linkSources(object: string, parts: ModuleSource[]): ModuleSource {
  const first = parts[0];
  const m = new ModuleSource(first.file, moduleNameOf(object));
  for (let p = 0; p < parts.length; p++) {
    const s = parts[p];
    if (m.license == null && s.license != null) {
      m.license = s.license;
      m.licenseSpan = s.licenseSpan;
      m.importInsertLine = s.importInsertLine;
    }
    m.hasDescription = m.hasDescription || s.hasDescription;
    m.intree = m.intree || s.intree;
    for (let i = 0; i < s.softdeps.length; i++) {
      m.softdeps.push(s.softdeps[i]);
      m.softdepSpans.push(s.softdepSpans[i]);
    }
    m.lacksHeaders = m.lacksHeaders || s.lacksHeaders;
    for (let i = 0; i < s.unexpanded.length; i++) m.unexpanded.push(s.unexpanded[i]);
    for (let i = 0; i < s.exports.length; i++) m.exports.push(s.exports[i]);
    for (let i = 0; i < s.imports.length; i++) m.imports.push(s.imports[i]);
    const seen = new Set<string>();
    for (let i = 0; i < m.refs.length; i++) seen.add(m.refs[i].name);
    for (let i = 0; i < s.refs.length; i++) if (!seen.has(s.refs[i].name)) m.refs.push(s.refs[i]);
    mergeMap(m.defined, s.defined);
    mergeMap(m.declared, s.declared);
    mergeMap(m.signatures, s.signatures);
    const macros = s.macros.values();
    for (let i = 0; i < macros.length; i++) m.macros.add(macros[i]);
    if (m.initFn.length == 0) m.initFn = s.initFn;
    if (m.exitFn.length == 0) m.exitFn = s.exitFn;
    for (let i = 0; i < s.findings.length; i++) m.findings.push(s.findings[i]);
  }
  // a name defined by one part and declared by another is defined in the module
  const defined = m.defined.keys();
  for (let i = 0; i < defined.length; i++) if (m.declared.has(defined[i])) m.declared.delete(defined[i]);
  return m;
}
