// `ksymns/remark`: turns ```ksymns code blocks into <ksymns-playground> elements (fence.js) in
// remark — Astro, Starlight, Docusaurus (MDX) and any unified pipeline. The element is made as
// hast through the node's data (hName, hProperties, hChildren), never as raw HTML, so MDX
// reads no JSX in the code and the files travel in an attribute.
//
//   import ksymns from "ksymns/remark";
//   remarkPlugins: [[ksymns, { playground: "https://example.org/ksymns/" }]]

import { fenceTree } from "./fence.js";

function walk(node, visit) {
  if (!node.children) return;
  node.children.forEach((child, i) => {
    visit(child, i, node);
    walk(node.children[i], visit);
  });
}

/** The remark plugin; `playground` is the ksymns site the "Open in ksymns" links point to. */
export default function ksymns(options = {}) {
  return (tree, file) => {
    const doc = file?.path ?? "markdown";
    walk(tree, (node, index, parent) => {
      if (node.type !== "code" || node.lang !== "ksymns") return;
      const el = fenceTree(node.meta ?? "", node.value, (line) => `${doc}:${line}`, {
        playground: options.playground,
        firstLine: node.position?.start.line ?? 1,
      });
      parent.children[index] = {
        type: "ksymnsPlayground",
        data: { hName: el.tagName, hProperties: el.properties, hChildren: el.children },
        position: node.position,
      };
    });
  };
}
