// Types of snippet.js (plain JavaScript so that Node tools import it unbuilt).

/** A hast element or text node, as playgroundTree makes them. */
export type HastNode =
  { type: "element"; tagName: string; properties: Record<string, string | string[] | undefined>; children: HastNode[] } | { type: "text"; value: string };

/** The code block language of a workspace file. */
export declare function languageOf(name: string): string;
/** The <ksymns-playground> element as a hast tree: the share link in `files`, code blocks and a playground link for readers without JavaScript. */
export declare function playgroundTree(options: {
  link?: string;
  attributes?: Record<string, string>;
  files?: { name: string; content: string }[];
  open?: string;
}): HastNode & { type: "element" };
/** HTML for a hast tree made by playgroundTree. */
export declare function toHtml(node: HastNode, indent?: string): string;
