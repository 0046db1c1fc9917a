// A tiny VitePress site using ksymns/markdown-it (test/browser/vitepress.test.ts builds it;
// the playground's URL comes from the environment).
import ksymns from "ksymns/markdown-it";

const playground = process.env.KSYMNS_PLAYGROUND ?? "https://example.org/ksymns/";

export default {
  title: "ksymns in VitePress",
  head: [
    ["script", { src: `${playground}embed.js`, defer: "" }],
    ["link", { rel: "stylesheet", href: `${playground}embed.css` }],
  ],
  markdown: { config: (md) => md.use(ksymns, { playground }) },
  // <ksymns-playground> is a custom element, not a Vue component
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag === "ksymns-playground" } } },
};
