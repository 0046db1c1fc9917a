"""A ksymns block as documentation writes it, for the Sphinx directive and the MkDocs fence
alike: flags (the embed's URL flags) and files after ``--- NAME`` lines, turned into the
playground's share link (``v1/`` + base64url(raw deflate(JSON))) — the format of the
playground's src/store/linkcodec.js, which a test decodes this module's links with."""

import base64
import json
import re
import zlib

FILE_NAME = re.compile(r"^[A-Za-z0-9_.+-][A-Za-z0-9_.+ -]{0,127}$")
SEPARATOR = re.compile(r"^---[ \t]+(\S.*?)[ \t]*$")

#: The flags a block may set, each with the values it takes.
FLAGS = {
    "preset": re.compile(r"^[a-z0-9][a-z0-9.-]{0,80}$"),
    "view": re.compile(r"^(code|result|split)$"),
    "readonly": re.compile(r"^(|0|1)$"),
    "theme": re.compile(r"^(light|dark|auto)$"),
    "kernel": re.compile(r"^\d{1,2}\.\d{1,2}$"),
    "file": re.compile(r"^.+$"),
    "lines": re.compile(r"^\d+(-\d+)?(,\d+(-\d+)?)*$"),
    "toolbar": re.compile(r"^(0|1)$"),
    "run": re.compile(r"^(load|click)$"),
    "profile": re.compile(r"^(auto|on|off)$"),
    "height": re.compile(r"^\d{2,4}$"),
    "title": re.compile(r"^.+$"),
    "eager": re.compile(r"^(|1)$"),
}


class BlockError(ValueError):
    """A mistake in a block; ``line`` is the 0-based line of the body it is on, or None."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.line = line


def check_flag(key, value):
    """The flag's value, checked; raises BlockError."""
    if key not in FLAGS:
        raise BlockError('unknown ksymns flag "%s" (known: %s)' % (key, ", ".join(FLAGS)))
    if not FLAGS[key].match(value):
        raise BlockError("ksymns flag %s=%s is not a value it takes" % (key, json.dumps(value)))
    return value


def parse_files(lines):
    """The files of a block's body lines: [(name, text)]; raises BlockError with the line."""
    files = []
    for i, text in enumerate(lines):
        sep = SEPARATOR.match(text)
        if sep:
            name = sep.group(1)
            if not FILE_NAME.match(name) or name in (".", ".."):
                raise BlockError('"%s" cannot be a workspace file name' % name, i)
            if any(f[0] == name for f in files):
                raise BlockError("the file %s appears twice" % name, i)
            files.append((name, []))
        elif not files:
            if text.strip():
                raise BlockError('a ksymns block starts with the line "--- NAME" naming its first file', i)
        else:
            files[-1][1].append(text)
    out = []
    for name, body in files:
        while body and not body[-1].strip():
            body.pop()
        out.append((name, "\n".join(body) + "\n" if body else ""))
    return out


def check_block(flags, files):
    """Raises BlockError when flags and files do not go together; returns the file shown first."""
    if not files and not flags.get("preset"):
        raise BlockError('a ksymns block needs files ("--- user.c" and its text) or a preset')
    if files and flags.get("preset"):
        raise BlockError("a ksymns block takes files or a preset, not both")
    names = [name for name, _ in files]
    if flags.get("file") and files and flags["file"] not in names:
        raise BlockError("file=%s names none of the block's files (%s)" % (flags["file"], ", ".join(names)))
    return flags.get("file") or next((n for n in names if n.endswith(".c")), None)


def share_link(files, active=None):
    """The share link (without ``#``) of text files, built against the base kernel and relaxed."""
    data = {"f": [[name, text] for name, text in files], "p": 1, "r": 1}
    if active:
        data["a"] = active
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(raw) + packer.flush()
    return "v1/" + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def open_url(playground, link=None, preset=None):
    """The playground page that opens the block's workspace (or its preset)."""
    base = playground if playground.endswith("/") else playground.rsplit("/", 1)[0] + "/"
    return base + "index.html#" + (link if link else "example/" + preset)


def language_of(name):
    """The highlighting language of a workspace file."""
    if name.endswith((".c", ".h")):
        return "c"
    if name in ("Kbuild", "Makefile"):
        return "make"
    if name == "load":
        return "sh"
    if name == ".config":
        return "ini"
    return "text"
