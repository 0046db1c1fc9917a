// `ksymns/markdown-it`: turns ```ksymns fenced blocks into <ksymns-playground> elements
// (fence.js) in markdown-it — VitePress, Slidev and any markdown-it site. The element carries
// its files in an attribute and a v-pre, so Vue's templates neither drop nor read them.
//
//   import ksymns from "ksymns/markdown-it";
//   md.use(ksymns, { playground: "https://example.org/ksymns/" });

import { fenceTree } from "./fence.js";
import { toHtml } from "../src/embed/snippet.js";

/** The markdown-it plugin; `playground` is the ksymns site the "Open in ksymns" links point to. */
export default function ksymns(md, options = {}) {
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    const m = /^ksymns(?:\s+(.*))?$/s.exec(token.info.trim());
    if (!m) return fence ? fence(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
    const doc = env?.relativePath ?? env?.path ?? "markdown";
    const tree = fenceTree(m[1] ?? "", token.content, (line) => `${doc}:${line}`, {
      playground: options.playground,
      attributes: { "v-pre": "" },
      firstLine: (token.map?.[0] ?? 0) + 1,
    });
    return `${toHtml(tree)}\n`;
  };
}
