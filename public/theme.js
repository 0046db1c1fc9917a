// Runs before the first paint (a blocking classic script, allowed by the page's CSP as
// 'self'): sets the saved or system theme so a dark page never flashes white.
(function () {
  var t = null;
  try {
    t = localStorage.getItem("ksymns:theme");
  } catch (e) {
    // storage refused (private mode): the system's theme below
  }
  if (t !== "light" && t !== "dark") t = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  document.documentElement.dataset.theme = t;
})();
