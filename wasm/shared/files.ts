// What each workspace file is, by its name: compiled by asc and tsc alike, so the engine, the
// CLI's folder reader, the page's file list and archives agree on which files count.

/** The role of a file in a workspace. */
export enum FileRole {
  /** A C source file: a module, a part of a composite module, or a unit built into vmlinux. */
  Source = 0,
  /** A header a source may include. */
  Header,
  /** Kbuild or Makefile: which objects are modules, and their flags. */
  Kbuild,
  /** A Module.symvers export table. */
  Symvers,
  /** The kernel configuration. */
  Config,
  /** The session of insmod/rmmod/modprobe commands. */
  Load,
  /** A built module (.ko), possibly compressed. */
  Module,
  /** Notes that travel with a workspace but are not read (README, *.md, preset.json). */
  Note,
  /** Anything else: reported and ignored. */
  Other,
}

function baseName(name: string): string {
  const slash = name.lastIndexOf("/");
  return slash >= 0 ? name.substring(slash + 1) : name;
}

/** A built module's file name: NAME.ko, or compressed as .ko.xz, .ko.zst, .ko.gz. */
export function isModuleFile(name: string): bool {
  return name.endsWith(".ko") || name.endsWith(".ko.xz") || name.endsWith(".ko.zst") || name.endsWith(".ko.gz");
}

/** The role of the file named `name` (a path relative to the workspace; folders allowed). */
export function fileRole(name: string): FileRole {
  const base = baseName(name);
  if (base.endsWith(".c")) return FileRole.Source;
  if (base.endsWith(".h")) return FileRole.Header;
  if (base == "Kbuild" || base == "Makefile") return FileRole.Kbuild;
  if (base == "Module.symvers") return FileRole.Symvers;
  if (name == ".config") return FileRole.Config;
  if (name == "load") return FileRole.Load;
  if (isModuleFile(base)) return FileRole.Module;
  if (base == "README" || base.endsWith(".md") || base.endsWith(".json")) return FileRole.Note;
  return FileRole.Other;
}

/** Whether the engine reads the file (notes and others it does not). */
export function isWorkspaceInput(name: string): bool {
  const r = fileRole(name);
  return r != FileRole.Note && r != FileRole.Other;
}
