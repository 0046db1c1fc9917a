// Types of remark.js (unified's own types are not required).

/** The remark plugin: ```ksymns code blocks become <ksymns-playground> elements. */
export default function ksymns(options?: { playground?: string }): (tree: unknown, file?: { path?: string }) => void;
