"""A pymdownx.superfences custom fence for MkDocs: ```ksymns blocks become the
<ksymns-playground> element, the files in its ``files`` attribute as a share link, again as
code blocks for readers without JavaScript, and an "Open in ksymns" link."""

import html

from pymdownx.superfences import SuperFencesException

from .workspace import BlockError, check_block, check_flag, open_url, parse_files, share_link


def fence_validator(language, inputs, options, attrs, md):
    """Takes the fence's flags (``file="user.c" readonly``); a wrong one stops the build."""
    for key, value in inputs.items():
        # superfences gives a bare flag its own name as value
        value = "1" if value == key else value
        try:
            options[key] = check_flag(key, value)
        except BlockError as err:
            raise SuperFencesException("ksymns fence: %s" % err) from err
    return True


def _element(source, options, playground):
    try:
        files = parse_files(source.split("\n"))
        active = check_block(options, files)
    except BlockError as err:
        where = " (line %d of the block)" % (err.line + 1) if err.line is not None else ""
        raise SuperFencesException("ksymns fence: %s%s" % (err, where)) from err
    link = share_link(files, active) if files else None
    attrs = dict(options, **({"files": link} if link else {}))
    # in a div: Python-Markdown keeps block-level HTML out of paragraphs, and knows no custom element
    out = ['<div class="ksymns">', "<ksymns-playground%s>" % "".join(' %s="%s"' % (k, html.escape(v, quote=True)) for k, v in attrs.items())]
    for name, text in files:
        out.append('<figure class="ksymns-file"><figcaption>%s</figcaption><pre><code>%s</code></pre></figure>' % (html.escape(name), html.escape(text, quote=False)))
    if playground:
        out.append('<p class="ksymns-open"><a href="%s">Open in ksymns</a></p>' % html.escape(open_url(playground, link, options.get("preset")), quote=True))
    out.append("</ksymns-playground>")
    out.append("</div>")
    return "\n".join(out)


def formatter(playground=None):
    """The fence's format function; ``playground`` is the ksymns site its links open."""

    def fence_format(source, language, class_name, options, md, **kwargs):
        return _element(source, options, playground)

    return fence_format


#: The format function without a playground link.
fence_format = formatter()
