"""The public site's stylesheet, scoped to the editor's live preview.

The Markdown editor's preview sits inside the admin, whose own styles (headings in coloured
bars, square bullets) would otherwise apply to it. `scoped_stylesheet` rewrites the public
`css/site.css` so that every rule applies only inside the preview, with enough weight to win
over the admin's rules: the page root, `body` and `.prose` become the preview box itself, so it
looks like an article's text on the site. One source of truth: the public stylesheet.
"""

import re
from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders

PREVIEW_SCOPE = ".markdownx > .markdownx-preview"
_ROOTS = re.compile(r"^(?::root|html|body|\.prose)(?![\w-])")
_GROUPING_AT_RULES = ("@media", "@supports", "@container", "@layer")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _scope_selector(selector, scope):
    selector = selector.strip()
    if _ROOTS.match(selector):
        return _ROOTS.sub(lambda _: scope, selector, count=1)
    return f"{scope} {selector}"


def _split_selectors(prelude):
    """Selectors separated by top-level commas (not those inside :is(...) or :not(...))."""
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _blocks(css):
    """(prelude, body) for each top-level block of `css`; body without its braces."""
    blocks, depth, start, prelude = [], 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index], index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append((prelude.strip(), css[start:index]))
                start = index + 1
    return blocks


def scoped_stylesheet(css, scope=PREVIEW_SCOPE):
    """`css` with every style rule limited to elements inside `scope` (and `scope` itself)."""
    out = []
    for prelude, body in _blocks(_COMMENT.sub("", css)):
        if prelude.startswith(_GROUPING_AT_RULES):
            out.append(f"{prelude} {{\n{scoped_stylesheet(body, scope)}}}")
        elif prelude.startswith("@"):  # @page, @font-face, @keyframes: as they are
            out.append(f"{prelude} {{{body}}}")
        else:
            selectors = ", ".join(_scope_selector(s, scope) for s in _split_selectors(prelude))
            out.append(f"{selectors} {{{body}}}")
    return "\n".join(out) + "\n"


# The public `body` is a full-height page; the preview is a box in a form.
PREVIEW_BOX = f"""{PREVIEW_SCOPE} {{
  display: block; min-height: 6rem; margin: 0.5rem 0 0; padding: 1rem 1.25rem;
  max-width: calc(var(--measure) + 2.5rem); border: 1px solid var(--border); border-radius: 6px;
}}
{PREVIEW_SCOPE} :is(li, td, th, dt, dd) {{ font-size: inherit; }}
"""


@lru_cache(maxsize=1)
def preview_stylesheet():
    """The scoped public stylesheet (read once per process)."""
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    return scoped_stylesheet(css) + PREVIEW_BOX
