// Compressed modules (.ko.xz, .ko.zst, .ko.gz), decompressed within the engine's limits.
// browser.ts and node.ts are the two platforms' decompressors.
export { compressionOf, decompressModule, decompressModules, DecompressError } from "./decompress";
export type { Compression, Decompressor, DecompressFailure, DecompressedWorkspace, Undecoded } from "./decompress";
