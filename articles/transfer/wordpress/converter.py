"""markdownify, taught the habits of WordPress, Squarespace and the other platforms' markup.

What the old site showed stays what a reader sees: text that looks like Markdown or HTML
(“#dowork”, “&lt;code&gt;”) stays text, every caption of a gallery stays visible, a link around an
image or inside a caption stays a link, and a list item holding code or a quote stays one item.
A `javascript:`, `vbscript:` or `data:` target is dropped; its link text or alt text stays.
"""

import html
import re
from urllib.parse import urljoin

from markdownify import MarkdownConverter

from clinic.authoring.links import is_unsafe
from clinic.authoring.markdown import sanitise_html

# Text that would start a heading, a list, or a quote if it began a line.
LINE_START_MARK = re.compile(r"^([ \t]*)(#|>|[-+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))",
                             re.MULTILINE)  # fmt: skip
ENTITY_LIKE = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
FENCED = re.compile(r"^```[^\n]*\n(.*?)\n```$", re.MULTILINE | re.DOTALL)
BLOCK_START = re.compile(r"(?<=\S)\n(?=> |```|<figure>|<table>)")
GALLERY_LISTS = {"blocks-gallery-grid", "gallery"}


class PostConverter(MarkdownConverter):
    """One post's conversion; keeps the images it shows and the unsafe targets it dropped."""

    def __init__(self, *, base_url, **options):
        super().__init__(
            heading_style="ATX",
            bullets="-",
            escape_misc=False,
            sup_symbol="<sup>",
            sub_symbol="<sub>",
            **options,
        )
        self.base_url = base_url
        self.image_urls = []
        self.without_alt = []
        self.unsafe = []
        self._positions = {}  # id of a list -> {id of each of its items: its position}

    def escape(self, text, parent_tags):
        """Text stays text: an "&lt;" or a "<" the page showed is not made markup, and a "#",
        ">", "-", "+" or "1." that happens to start a line does not start a heading, a quote
        or a list."""
        text = super().escape(text, parent_tags)
        text = ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;")
        return LINE_START_MARK.sub(lambda m: m[1] + _escaped(m[2]), text)

    def convert_a(self, el, text, parent_tags):
        href = el.get("href") or ""
        if href and is_unsafe(href):
            self.unsafe.append(href)
            return text
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        if "noscript" in parent_tags:
            return ""  # Squarespace repeats each image inside <noscript>
        # Squarespace lazy-loads: the address is in data-src / data-image, not src.
        src = el.get("src") or el.get("data-src") or el.get("data-image") or ""
        if not src:
            return ""
        if is_unsafe(src):
            self.unsafe.append(src)
            return self.escape(el.get("alt") or "", parent_tags)
        src = urljoin(self.base_url or "", src.strip())
        el["src"] = src
        if not (el.get("alt") or "").strip():
            self.without_alt.append(src)
        self.image_urls.append(src)
        return super().convert_img(el, text, parent_tags)

    def convert_noscript(self, el, text, parent_tags):
        return ""

    def convert_br(self, el, text, parent_tags):
        """A raw <br>: unlike two trailing spaces it survives editors that trim lines."""
        if "_noformat" in parent_tags:  # in code, where a tag would show as text
            following = el.next_sibling
            return "" if isinstance(following, str) and following.startswith("\n") else "\n"
        if parent_tags & {"td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}:
            return " "
        following = el.find_next_sibling()
        if following is not None and following.name in {"blockquote", "pre", "ul", "ol"}:
            return "\n"  # the block starts a line of its own
        return "<br>\n"

    def convert_code(self, el, text, parent_tags):
        """Code written over several lines outside <pre> (classic posts break its lines with
        <br>) becomes a code block, which keeps them; other code stays inline."""
        if "pre" in parent_tags or "_inline" in parent_tags or el.find("br") is None:
            return super().convert_code(el, text, parent_tags)
        return f"\n\n```\n{text.strip(chr(10))}\n```\n\n"

    def convert_figure(self, el, text, parent_tags):
        """An image with its caption: `![alt](src "caption")` alone in its paragraph, inside
        its link when it had one. A gallery's figure holds several: each is its own figure."""
        images = el.find_all("img")
        if len(images) != 1 or el.find("figure") is not None:
            return text
        image, caption = images[0], el.find("figcaption")
        markdown = self.convert_img(image, "", parent_tags).strip()
        if not markdown.startswith("!["):
            return text
        link = image.find_parent("a")
        inside = link is not None and any(parent is el for parent in link.parents)
        href = (link.get("href") or "").strip() if inside else ""
        href = "" if not href or is_unsafe(href) else urljoin(self.base_url or "", href)
        if caption is not None and caption.find("a") is not None:
            return self._html_figure(image, caption, href)
        if caption is not None and (words := caption.get_text(" ", strip=True)):
            words = words.replace('"', "”")
            markdown = markdown.removesuffix(")").split(' "', 1)[0] + f' "{words}")'
        if href:
            markdown = f"[{markdown}]({href})"
        return f"\n\n{markdown}\n\n"

    def _html_figure(self, image, caption, href):
        """A figure whose caption holds links, as the HTML the renderer keeps."""
        for link in caption.find_all("a"):
            target = link.get("href") or ""
            if is_unsafe(target):
                self.unsafe.append(target)
            link["href"] = urljoin(self.base_url or "", target.strip())
        alt = html.escape(image.get("alt") or "")
        picture = f'<img alt="{alt}" src="{html.escape(image["src"])}">'
        if href:
            picture = f'<a href="{html.escape(href)}">{picture}</a>'
        words = "".join(str(child) for child in caption.contents).strip()
        figure = sanitise_html(f"<figure>{picture}<figcaption>{words}</figcaption></figure>")
        return "\n\n" + " ".join(figure.split("\n")) + "\n\n"

    def convert_ins(self, el, text, parent_tags):
        return f"<ins>{text}</ins>" if text.strip() else text

    convert_u = convert_ins

    def convert_table(self, el, text, parent_tags):
        """Tables stay HTML (within the sanitiser's allow-list): cells keep their lists and
        breaks, and a table with no header row gets none."""
        for image in el.find_all("img"):  # already read (and made absolute) as a child
            image["alt"] = image.get("alt") or ""  # every <img> has an alt attribute
        cleaned = re.sub(r"\n\s*\n", "\n", sanitise_html(str(el))).strip()
        return f"\n\n{cleaned}\n\n"

    def convert_list(self, el, text, parent_tags):
        if _is_gallery_list(el):
            return f"\n\n{text.strip()}\n\n"  # a gallery's images, each its own figure
        return super().convert_list(el, text, parent_tags)

    convert_ul = convert_list
    convert_ol = convert_list

    def convert_li(self, el, text, parent_tags):
        """List items indented by four spaces, which the renderer needs to nest lists; a code
        block or quote inside an item stays inside it, and the next item stays an item."""
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and _is_gallery_list(parent):
            return f"\n\n{text}\n\n"
        if parent is not None and parent.name == "ol":
            start = parent.get("start", "")
            first = int(start) if str(start).isdigit() else 1
            bullet = f"{first + self._position(el)}."
        else:
            bullet = "-"
        # The renderer reads fences only outside lists: inside an item, code is indented.
        text = FENCED.sub(lambda m: re.sub(r"^", "    ", m[1], flags=re.MULTILINE), text)
        text = BLOCK_START.sub("\n\n", text)
        first_line, _, rest = text.partition("\n")
        indented = re.sub(r"^(?=.)", "    ", rest, flags=re.MULTILINE)
        item = f"{bullet.ljust(3)} {first_line}\n" + (f"{indented}\n" if rest else "")
        return item + ("\n" if "\n\n" in text else "")

    def _position(self, item):
        """How many <li>s come before `item` in its list: counted once per list, so a long
        list takes time in proportion to its length."""
        parent = item.parent
        if id(parent) not in self._positions:
            items = [child for child in parent.contents if getattr(child, "name", None) == "li"]
            self._positions[id(parent)] = {id(child): n for n, child in enumerate(items)}
        return self._positions[id(parent)].get(id(item), 0)


def _escaped(mark):
    """A line-start mark written so it shows as itself."""
    if mark[0].isdigit():
        return mark[:-1] + "\\" + mark[-1]  # "1\." is not a list item
    return "\\" + mark


def _is_gallery_list(element):
    classes = set(element.get("class") or [])
    return element.name in {"ul", "ol"} and bool(classes & GALLERY_LISTS)
