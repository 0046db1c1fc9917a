import { describe, expect, it } from "vitest";
import { scopeCss } from "../../src/embed/scopecss";

describe("the embed's styles in a shadow root", () => {
  it("puts the palette and the page's base rule on the root element", () => {
    expect(scopeCss(":root{--bg:#fff}")).toBe(".ksymns-root{--bg:#fff}");
    expect(scopeCss('html[data-theme="dark"]{--bg:#000}\nhtml[data-theme=dark] .tok-pp{color:red}')).toBe(
      '.ksymns-root[data-theme="dark"]{--bg:#000}\n.ksymns-root[data-theme=dark] .tok-pp{color:red}',
    );
    expect(scopeCss("html, body { margin: 0 }")).toBe(".ksymns-root { margin: 0 }");
    expect(scopeCss("a{}html,\nbody.embed-page{height:auto}")).toBe("a{}.ksymns-root{height:auto}");
  });

  it("asks the embed's width where the frame asked the viewport's, in either syntax", () => {
    expect(scopeCss("@media (max-width: 640px) { .a { b: c } }")).toBe("@container ksymns (max-width: 640px) { .a { b: c } }");
    expect(scopeCss("@media (min-width:701px){.t{x:y}}")).toBe("@container ksymns (min-width:701px){.t{x:y}}");
    expect(scopeCss("@media (width<=640px){.a{b:c}}")).toBe("@container ksymns (width<=640px){.a{b:c}}");
  });

  it("leaves other queries and selectors that merely contain the words alone", () => {
    const css = "@media (prefers-color-scheme: dark){.a{b:c}}.html-note{x:y}.embed-body{z:w}@container (max-width: 470px){.s{t:u}}";
    expect(scopeCss(css)).toBe(css);
  });
});
