# A tiny Sphinx project using the ksymns directive (test/browser/sphinx.test.ts builds it).
import os

project = "ksymns in Sphinx"
extensions = ["sphinxcontrib.ksymns"]
# the playground the test serves on a port of its own
ksymns_embed_js = os.environ.get("KSYMNS_PLAYGROUND", "https://example.org/ksymns/") + "embed.js"
html_theme = "alabaster"
man_pages = [("index", "ksymns-notes", "ksymns in Sphinx", [], 7)]
latex_documents = [("index", "notes.tex", "ksymns in Sphinx", "", "howto")]
epub_copyright = "the ksymns tests"
