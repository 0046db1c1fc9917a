// Runs before the embed's first paint (a blocking classic script, allowed by its CSP as
// 'self'): applies the theme flag (light|dark|auto) so a dark embed never flashes white.
(function () {
  var t = new URLSearchParams(location.search).get("theme");
  if (t !== "light" && t !== "dark") t = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  document.documentElement.dataset.theme = t;
})();
