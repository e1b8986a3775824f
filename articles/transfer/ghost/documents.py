"""Ghost's stored documents as HTML, for posts whose export has no `html`: Mobiledoc (Ghost
1–4) and Lexical (Ghost 5 on). Both hold the same cards (image, gallery, markdown, embed,
bookmark...), rendered once here; players and embeds become frames with their address, which
the converter turns into labelled links."""

import html
import json

import markdown

LEXICAL_FORMATS = ((1, "strong"), (2, "em"), (4, "s"), (8, "u"), (16, "code"), (32, "sub"),
                   (64, "sup"))  # fmt: skip
SILENT_CARDS = {"paywall", "email", "email-cta", "signup", "transistor"}  # nothing for readers


def _escape(text):
    return html.escape(text or "")


def _figure(src, alt="", caption="", href=""):
    image = f'<img src="{_escape(src)}" alt="{_escape(alt)}">'
    if href:
        image = f'<a href="{_escape(href)}">{image}</a>'
    if caption:
        return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"
    return f"<p>{image}</p>"


def _frame(url, title=""):
    title_attribute = f' title="{_escape(title)}"' if title else ""
    return f'<iframe src="{_escape(url)}"{title_attribute}></iframe>' if url else ""


def _link(url, text):
    return f'<p><a href="{_escape(url)}">{_escape(text or url)}</a></p>' if url else ""


def card_html(name, payload, warnings):
    """One card (the same names and fields in Mobiledoc and Lexical) as HTML."""
    payload = payload or {}
    caption = payload.get("caption") or ""
    if name == "image":
        return _figure(payload.get("src"), payload.get("alt"), caption, payload.get("href"))
    if name == "gallery":
        return "".join(_figure(i.get("src"), i.get("alt"), i.get("caption") or "")
                       for i in payload.get("images") or [])  # fmt: skip
    if name in {"markdown", "card-markdown"}:
        return markdown.markdown(payload.get("markdown") or "", extensions=["extra"])
    if name == "html":
        return payload.get("html") or ""
    if name in {"hr", "horizontalrule"}:
        return "<hr>"
    if name in {"code", "codeblock"}:
        return f"<pre><code>{_escape(payload.get('code'))}</code></pre>"
    if name in {"embed", "video", "audio"}:
        url = payload.get("url") or payload.get("src") or ""
        if not url:
            warnings.append(f"a Ghost {name} card with no address was left out")
        tag = name if name in {"video", "audio"} else "iframe"
        return f'<{tag} src="{_escape(url)}"></{tag}>' if url else ""
    if name == "bookmark":
        metadata = payload.get("metadata") or {}
        return _link(payload.get("url") or metadata.get("url"), metadata.get("title"))
    if name == "button":
        return _link(payload.get("buttonUrl"), payload.get("buttonText"))
    if name == "file":
        return _link(payload.get("src"), payload.get("fileTitle") or payload.get("fileName"))
    if name == "callout":
        return f"<blockquote><p>{payload.get('calloutText') or ''}</p></blockquote>"
    if name == "toggle":
        return f"<h3>{payload.get('heading') or ''}</h3>{payload.get('content') or ''}"
    if name == "header":
        return f"<h2>{payload.get('header') or ''}</h2><p>{payload.get('subheader') or ''}</p>"
    if name not in SILENT_CARDS:
        warnings.append(f"a Ghost “{name}” card could not be shown and was left out")
    return ""


def mobiledoc_html(document, warnings):
    """HTML for a Mobiledoc document (a JSON string or dict)."""
    doc = json.loads(document) if isinstance(document, str) else document
    markups, atoms, cards = doc.get("markups", []), doc.get("atoms", []), doc.get("cards", [])
    parts = []
    for section in doc.get("sections", []):
        kind = section[0]
        if kind == 1:  # markup section: p, h2, blockquote...
            tag = str(section[1]).lower()
            tag = "blockquote" if tag in {"aside", "pull-quote"} else tag
            parts.append(f"<{tag}>{_markers(section[2], markups, atoms)}</{tag}>")
        elif kind == 2:  # an image section (early Mobiledoc)
            parts.append(_figure(section[1]))
        elif kind == 3:  # a list: ul or ol, each item a list of markers
            items = "".join(f"<li>{_markers(item, markups, atoms)}</li>" for item in section[2])
            parts.append(f"<{section[1]}>{items}</{section[1]}>")
        elif kind == 10 and section[1] < len(cards):
            parts.append(card_html(*cards[section[1]], warnings))
    return "\n".join(parts)


def _markers(markers, markups, atoms):
    out, open_tags = [], []
    for marker_type, opened, closed, value in markers:
        for index in opened:
            markup = markups[index]
            tag, attributes = markup[0], (markup[1] if len(markup) > 1 else [])
            pairs = zip(attributes[::2], attributes[1::2], strict=False)
            attrs = "".join(f' {name}="{_escape(str(val))}"' for name, val in pairs
                            if name in {"href", "title"})  # fmt: skip
            out.append(f"<{tag}{attrs}>")
            open_tags.append(tag)
        if marker_type == 1:  # an atom: a mention, a soft return...
            atom = atoms[value] if value < len(atoms) else ["", ""]
            out.append("<br>" if atom[0] == "soft-return" else _escape(atom[1]))
        else:
            out.append(_escape(value))
        for _ in range(closed):
            out.append(f"</{open_tags.pop()}>")
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out)


def lexical_html(document, warnings):
    """HTML for a Lexical document (a JSON string or dict with a "root")."""
    doc = json.loads(document) if isinstance(document, str) else document
    return _lexical_children((doc.get("root") or {}).get("children") or [], warnings)


def _lexical_children(children, warnings):
    return "".join(_lexical(node, warnings) for node in children if isinstance(node, dict))


def _lexical(node, warnings):
    kind = node.get("type", "")
    inner = _lexical_children(node.get("children") or [], warnings)
    if kind in {"text", "extended-text"}:
        text = _escape(node.get("text"))
        for bit, tag in LEXICAL_FORMATS:
            if int(node.get("format") or 0) & bit:
                text = f"<{tag}>{text}</{tag}>"
        return text
    if kind == "linebreak":
        return "<br>"
    if kind in {"link", "autolink"}:
        return f'<a href="{_escape(node.get("url"))}">{inner}</a>'
    if kind in {"paragraph", "extended-paragraph"}:
        return f"<p>{inner}</p>"
    if kind in {"heading", "extended-heading"}:
        tag = node.get("tag") if str(node.get("tag", "")).startswith("h") else "h2"
        return f"<{tag}>{inner}</{tag}>"
    if kind in {"quote", "aside", "extended-quote"}:
        return f"<blockquote>{inner}</blockquote>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" or node.get("tag") == "ol" else "ul"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "listitem":
        return f"<li>{inner}</li>"
    if kind == "tab":
        return " "
    if node.get("children") is not None and kind not in {"gallery"}:
        return inner
    return card_html(kind, node, warnings)
