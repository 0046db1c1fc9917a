"""Live ksymns examples in Sphinx (the ``.. ksymns::`` directive) and MkDocs (a
pymdownx.superfences fence, in ``sphinxcontrib.ksymns.superfences``).

Sphinx is imported only by ``setup``, so MkDocs sites need no Sphinx.
"""

__version__ = "0.1.0"


def setup(app):
    """The Sphinx extension's entry point."""
    from .directive import setup as setup_directive

    return setup_directive(app)
