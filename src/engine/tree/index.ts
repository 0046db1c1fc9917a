// A whole kernel's modules, read and resolved as depmod does (Node only; `ksymns deps`).
export { moduleFiles, readKernelTree } from "./tree";
export type { TreeOptions, TreeProblem, TreeResult } from "./tree";
