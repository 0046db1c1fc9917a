// Types of fence.js.
import type { HastNode } from "../src/embed/snippet.js";

/** An error in a ksymns block, naming the document and line. */
export declare class FenceError extends Error {}

/** The <ksymns-playground> tree of a ```ksymns block. */
export declare function fenceTree(
  info: string,
  body: string,
  where: (line: number) => string,
  options?: { playground?: string; attributes?: Record<string, string>; firstLine?: number },
): HastNode & { type: "element" };
