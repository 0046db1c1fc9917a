"""The ``.. ksymns::`` directive: a live ksymns example in HTML (the <ksymns-playground>
element, its files inside it as highlighted code that reads without JavaScript), and the
same code blocks with an "Open in ksymns" link in LaTeX, epub, man, texinfo and text."""

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.directives.code import container_wrapper
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from . import __version__
from .workspace import BlockError, check_block, check_flag, language_of, open_url, parse_files, share_link

logger = logging.getLogger(__name__)


class ksymns_playground(nodes.General, nodes.Element):
    """The element; ``attributes`` are its HTML attributes (the share link in ``files``)."""


def _flag(value):
    return directives.unchanged(value) or "1"


class KsymnsDirective(Directive):
    has_content = True
    option_spec = {
        "preset": directives.unchanged_required,
        "view": directives.unchanged_required,
        "readonly": _flag,
        "theme": directives.unchanged_required,
        "kernel": directives.unchanged_required,
        "file": directives.unchanged_required,
        "lines": directives.unchanged_required,
        "toolbar": directives.unchanged_required,
        "run": directives.unchanged_required,
        "profile": directives.unchanged_required,
        "height": directives.unchanged_required,
        "title": directives.unchanged_required,
        "eager": _flag,
    }

    def run(self):
        config = self.state.document.settings.env.config
        try:
            flags = {key: check_flag(key, value) for key, value in self.options.items()}
            files = parse_files(list(self.content))
            active = check_block(flags, files)
        except BlockError as err:
            line = self.content_offset + err.line + 1 if err.line is not None else self.lineno
            return [self.state.document.reporter.error(str(err), line=line)]
        if not config.ksymns_embed_js:
            logger.warning("ksymns: set ksymns_embed_js in conf.py (the URL of the ksymns site's embed.js)", location=(self.state.document.settings.env.docname, self.lineno))
        link = share_link(files, active) if files else None
        node = ksymns_playground()
        node["attributes"] = dict(flags, **({"files": link} if link else {}))
        for name, text in files:
            block = nodes.literal_block(text, text)
            block["language"] = language_of(name)
            block["force"] = True
            self.add_name(block)
            node += container_wrapper(self, block, name)
        playground = config.ksymns_playground or config.ksymns_embed_js
        if playground:
            url = open_url(playground, link, flags.get("preset"))
            para = nodes.paragraph(classes=["ksymns-open"])
            para += nodes.reference("", "Open in ksymns", refuri=url)
            node += para
        return [node]


class WriteLinksOut(SphinxPostTransform):
    """Text, man and texinfo pages show a link's text, not where it goes: write the URL out."""

    default_priority = 200
    builders = ("text", "man", "texinfo")

    def run(self, **kwargs):
        for node in list(self.document.findall(ksymns_playground)):
            for ref in list(node.findall(nodes.reference)):
                ref.replace_self(nodes.Text("Open in ksymns: %s" % ref["refuri"]))


def visit_html(self, node):
    # epub readers run no scripts: the code blocks and the link, as in print
    if self.builder.name.startswith("epub"):
        return
    self.body.append(self.starttag(node, "ksymns-playground", **node["attributes"]))


def depart_html(self, node):
    if not self.builder.name.startswith("epub"):
        self.body.append("</ksymns-playground>\n")


def visit_plain(self, node):
    pass


def depart_plain(self, node):
    pass


def add_script(app):
    if app.builder.format != "html" or app.builder.name.startswith("epub") or not app.config.ksymns_embed_js:
        return
    app.add_js_file(app.config.ksymns_embed_js, defer="defer")
    css = app.config.ksymns_embed_css
    if css is None:
        css = app.config.ksymns_embed_js.rsplit("/", 1)[0] + "/embed.css"
    if css:
        app.add_css_file(css)


def setup(app):
    app.add_config_value("ksymns_embed_js", "", "html")
    app.add_config_value("ksymns_embed_css", None, "html")
    app.add_config_value("ksymns_playground", "", "env")
    plain = (visit_plain, depart_plain)
    app.add_node(ksymns_playground, html=(visit_html, depart_html), latex=plain, text=plain, man=plain, texinfo=plain)
    app.add_directive("ksymns", KsymnsDirective)
    app.add_post_transform(WriteLinksOut)
    app.connect("builder-inited", add_script)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
