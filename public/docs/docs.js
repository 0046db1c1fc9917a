// The docs page's host-API demo: buttons that send files and options to the third example,
// and its result events shown beside them.
(function () {
  "use strict";
  var el = document.getElementById("driven");
  var out = document.getElementById("verdict");
  if (!el || !out) return;
  var EXPORTER = '#include <linux/module.h>\n\nint toy_get(void)\n{\n\treturn 42;\n}\nEXPORT_SYMBOL_NS_GPL(toy_get, TOY_NS);\nMODULE_LICENSE("GPL");\n';
  var USER = '#include <linux/module.h>\n\nint toy_get(void);\nstatic int __init user_init(void)\n{\n\treturn toy_get() == 42 ? 0 : -1;\n}\nmodule_init(user_init);\nMODULE_LICENSE("GPL");\n';
  el.addEventListener("result", function (e) {
    var v = e.detail.verdicts;
    var failed = v.load.filter(function (c) { return c.exit !== 0; }).length;
    out.textContent = "kernel " + v.kernel + ": build " + v.build + ", " + failed + " of " + v.load.length + " commands failed, " + v.errors + " errors";
  });
  document.getElementById("fix").addEventListener("click", function () {
    el.setFiles({ "exporter.c": EXPORTER, "user.c": USER + 'MODULE_IMPORT_NS(TOY_NS);\n' }, "user.c");
  });
  document.getElementById("break").addEventListener("click", function () {
    el.setFiles({ "exporter.c": EXPORTER, "user.c": USER }, "user.c");
  });
  document.getElementById("k513").addEventListener("click", function () {
    el.setOptions({ kernel: "6.13" });
  });
})();
