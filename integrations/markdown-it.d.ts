// Types of markdown-it.js (markdown-it's own types are not required).

/** The markdown-it plugin: ```ksymns blocks become <ksymns-playground> elements. */
export default function ksymns(md: { renderer: { rules: Record<string, unknown> } }, options?: { playground?: string }): void;
