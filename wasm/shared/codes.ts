// The vocabulary shared by the engine (asc) and the host (tsc): stages, severities and
// message ids. The host never re-declares these numbers; the result names them as strings.

/** Which part of the pipeline produced a finding. */
export enum Stage {
  Read = 0,
  Compile = 1,
  Modpost = 2,
  Load = 3,
}

/** How bad a finding is, in the kernel's own terms. */
export enum Severity {
  Error = 0,
  Warning = 1,
  Info = 2,
}

/** Every finding the engine can produce. Names are the ids the result and the cards use. */
export enum Msg {
  // readers
  READ_TOO_LARGE = 0,
  READ_BINARY,
  READ_UNBALANCED,
  READ_BAD_MACRO_ARGS,
  READ_UNKNOWN_EXPORT_MACRO,
  READ_NO_MODULES,
  READ_UNSUPPORTED_FILE,
  READ_KBUILD_LINE,
  READ_KBUILD_NO_SOURCE,
  READ_SYMVERS_LINE,
  READ_SYMVERS_LAYOUT,
  READ_CONFIG_LINE,
  READ_CONFIG_VERSION,
  READ_LOAD_LINE,
  READ_UNKNOWN_KERNEL,
  READ_ASSUMED_HEADER,
  // compiler and assembler
  CC_NS_QUOTED_TWICE,
  CC_NS_IDENTIFIER,
  CC_IMPORT_IDENTIFIER,
  CC_UNKNOWN_MACRO,
  CC_DEFAULT_NS_FORM,
  CC_EXPORT_TWICE,
  // modpost
  MODPOST_UNDEFINED,
  MODPOST_NS_NOT_IMPORTED,
  MODPOST_GPL_ONLY,
  MODPOST_NO_LICENSE,
  MODPOST_IMPORT_MODULE_NS,
  MODPOST_NO_DESCRIPTION,
  MODPOST_NO_VMLINUX,
  MODPOST_EXPORTED_TWICE,
  // loader
  LOAD_SIG_UNSIGNED,
  LOAD_SIG_REJECTED,
  LOAD_OUT_OF_TREE,
  LOAD_LICENSE_TAINT,
  LOAD_LOCKDEP_OFF,
  LOAD_LICENSE_TAINT_SHORT,
  LOAD_IMPORT_MODULE_NS,
  LOAD_DUPLICATE_EXPORT,
  LOAD_UNKNOWN_SYMBOL,
  LOAD_CRC_MISMATCH,
  LOAD_NO_CRC,
  LOAD_NS_NOT_IMPORTED,
  LOAD_GPL_FROM_PROPRIETARY,
  LOAD_INHERIT_TAINT,
  LOAD_ALREADY_LOADED,
  LOAD_NOT_BUILT,
  LOAD_IN_USE,
  LOAD_NOT_LOADED,
  LOAD_MODULE_NOT_FOUND,
  COUNT,
}

/** The string form of each Msg, in enum order. */
export const MSG_NAMES: string[] = [
  "READ_TOO_LARGE",
  "READ_BINARY",
  "READ_UNBALANCED",
  "READ_BAD_MACRO_ARGS",
  "READ_UNKNOWN_EXPORT_MACRO",
  "READ_NO_MODULES",
  "READ_UNSUPPORTED_FILE",
  "READ_KBUILD_LINE",
  "READ_KBUILD_NO_SOURCE",
  "READ_SYMVERS_LINE",
  "READ_SYMVERS_LAYOUT",
  "READ_CONFIG_LINE",
  "READ_CONFIG_VERSION",
  "READ_LOAD_LINE",
  "READ_UNKNOWN_KERNEL",
  "READ_ASSUMED_HEADER",
  "CC_NS_QUOTED_TWICE",
  "CC_NS_IDENTIFIER",
  "CC_IMPORT_IDENTIFIER",
  "CC_UNKNOWN_MACRO",
  "CC_DEFAULT_NS_FORM",
  "CC_EXPORT_TWICE",
  "MODPOST_UNDEFINED",
  "MODPOST_NS_NOT_IMPORTED",
  "MODPOST_GPL_ONLY",
  "MODPOST_NO_LICENSE",
  "MODPOST_IMPORT_MODULE_NS",
  "MODPOST_NO_DESCRIPTION",
  "MODPOST_NO_VMLINUX",
  "MODPOST_EXPORTED_TWICE",
  "LOAD_SIG_UNSIGNED",
  "LOAD_SIG_REJECTED",
  "LOAD_OUT_OF_TREE",
  "LOAD_LICENSE_TAINT",
  "LOAD_LOCKDEP_OFF",
  "LOAD_LICENSE_TAINT_SHORT",
  "LOAD_IMPORT_MODULE_NS",
  "LOAD_DUPLICATE_EXPORT",
  "LOAD_UNKNOWN_SYMBOL",
  "LOAD_CRC_MISMATCH",
  "LOAD_NO_CRC",
  "LOAD_NS_NOT_IMPORTED",
  "LOAD_GPL_FROM_PROPRIETARY",
  "LOAD_INHERIT_TAINT",
  "LOAD_ALREADY_LOADED",
  "LOAD_NOT_BUILT",
  "LOAD_IN_USE",
  "LOAD_NOT_LOADED",
  "LOAD_MODULE_NOT_FOUND",
];

/** Names of Stage and Severity, in enum order. */
export const STAGE_NAMES: string[] = ["read", "compile", "modpost", "load"];
export const SEVERITY_NAMES: string[] = ["error", "warning", "info"];

/** Format version of the engine's serialized result. */
export const RESULT_FORMAT = 1;

/** Stated input limits (bytes). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_WORKSPACE_BYTES = 32 * 1024 * 1024;
export const MAX_FILES = 256;
