// The embed's style sheets, written for a document of their own (embed.html), made to apply
// to an embed drawn in a shadow root, under one root element (`.ksymns-root`).

/** `css` for the root element instead of a document: `:root` and `html` become the root, and
 *  a query of the viewport's width one of the container `ksymns` (the embed's width, as a
 *  frame's viewport is). */
export function scopeCss(css: string): string {
  return css
    .replace(/:root\b/g, ".ksymns-root")
    .replace(/(^|[\s,{}])html\s*,\s*body(?:\.embed-page)?(?=\s*[{,])/g, "$1.ksymns-root")
    .replace(/(^|[\s,{}])html(?=\[data-theme)/g, "$1.ksymns-root")
    .replace(/@media\s*(\((?:(?:max|min)-width\s*:|width\s*[<>])[^)]*\))/g, "@container ksymns $1");
}
