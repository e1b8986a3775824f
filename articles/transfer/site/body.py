"""A post page's body: the platform's post container, its images made whole, then trafilatura.

The post container narrows the page to the post itself (Wix `data-hook="post-description"`,
Squarespace `.blog-item-content`, WordPress and Squarespace `.entry-content`), so a "recent
posts" strip or the next post of an endless page never comes in. Inside it, images are made
what a reader saw: the real address behind lazy loading (`data-src`, `data-lazy-src`,
`data-image`, the `<noscript>` copy), Wix's original file instead of its blurred thumbnail,
hidden Pinterest copies dropped, and a figure's caption kept on the image as its title (which
becomes the Markdown image's caption). Each image then stands in a paragraph of its own, where
trafilatura keeps it. trafilatura (maintained, the best-scoring open extractor) then drops what
is not the post's text: share buttons, forms, author boxes, related posts.
"""

import copy
import re

import trafilatura
from lxml import etree, html

CLASS = '//*[contains(concat(" ", normalize-space(@class), " "), " {} ")]'
CONTAINERS = (
    '//*[@data-hook="post-description"]',  # Wix
    CLASS.format("blog-item-content"),  # Squarespace
    CLASS.format("entry-content"),  # WordPress themes, Squarespace
    '//*[@itemprop="articleBody"]',
)
IMAGE_SOURCES = ("data-lazy-src", "data-src", "data-image", "data-orig-file", "src")
WIX_ORIGINAL = re.compile(r"^(https://static\.wixstatic\.com/media/[^/?#]+)/v1/.*$")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
HIDDEN_CLASSES = re.compile(r"pinterest-image-hidden|screen-reader-text|sr-only|visually-hidden")
# Themes' and plugins' additions around a post: author boxes, related posts, sharing, sign-ups.
CHROME_CLASSES = re.compile(
    r"\b(abh_box|author-?box|about-?the-?author|jp-relatedposts|related-?posts|yarpp"
    r"|sharedaddy|share-?buttons|social-?share|dpsp-content-wrapper|ml-form|newsletter"
    r"|subscribe-?form)",
    re.IGNORECASE,
)
EXTRACT_OPTIONS = {
    "output_format": "html",
    "include_images": True,
    "include_links": True,
    "include_tables": True,
    "include_formatting": True,
    "include_comments": False,
    "fast": True,  # no second opinion from readability/jusText: they drop the images
    "favor_recall": True,
}


def post_container(document):
    """The element holding the post's body, or None when the platform's markers are absent."""
    for xpath in CONTAINERS:
        found = document.xpath(xpath)
        if found:
            return found[0]
    return None


def image_address(image):
    """The address a reader's browser ended up showing for `image`."""
    for attribute in IMAGE_SOURCES:
        value = (image.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return WIX_ORIGINAL.sub(r"\1", value)
    srcset = (image.get("srcset") or image.get("data-srcset") or "").strip()
    if srcset:
        return srcset.split(",")[-1].strip().split(" ")[0]
    return ""


def _drop_hidden(root):
    """Drop what a reader never saw: hidden copies, icons, buttons, forms, scripts.

    An element hidden by an inline style is dropped only when it holds no image: Wix keeps a
    gallery hidden until its script has run.
    """
    for element in root.xpath(".//svg | .//button | .//form | .//script | .//style"):
        element.drop_tree()
    for element in root.xpath(".//*[@hidden or @style or @class]"):
        if element.getparent() is None:
            continue
        style, classes = element.get("style") or "", element.get("class") or ""
        if element.get("hidden") is not None or HIDDEN_CLASSES.search(classes):
            element.drop_tree()
        elif CHROME_CLASSES.search(classes):
            element.drop_tree()
        elif HIDDEN_STYLE.search(style) and element.find(".//img") is None:
            element.drop_tree()


def _words(element):
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _caption_of(image):
    """(caption text, figure) of the figure around `image`, if any."""
    figure = next(image.iterancestors("figure"), None)
    if figure is None:
        return "", None
    caption = figure.find(".//figcaption")
    return (_words(caption) if caption is not None else ""), figure


def _only_chrome(words, caption):
    """True when a block's words are the caption, or a share button's label ("Pin", "Save")."""
    if caption and words.startswith(caption):
        words = words[len(caption) :]
    elif caption and words.endswith(caption):
        words = words[: -len(caption)]
    return len(words.split()) <= 2


def _image_block(image, root):
    """The largest block around `image` holding nothing else (its figure, with the caption)."""
    caption, figure = _caption_of(image)
    top = image
    while top is not figure:
        parent = top.getparent()
        if parent is None or parent is root:
            break
        if len(parent.xpath(".//img")) > 1 or not _only_chrome(_words(parent), caption):
            break
        top = parent
    return top, caption


def normalise_images(root, base_url=""):
    """Real addresses, one copy each, every image in a paragraph of its own with its caption."""
    for noscript in root.xpath(".//noscript"):
        noscript.drop_tree()
    seen = set()
    for image in root.xpath(".//img"):
        if image.getparent() is None:
            continue
        address = image_address(image)
        if not address or address in seen or image.get("data-hook", "").endswith("-preload"):
            image.drop_tree()
            continue
        seen.add(address)
        block, caption = _image_block(image, root)
        paragraph = etree.Element("p")
        attributes = {"src": address, "alt": image.get("alt") or ""}
        if caption:
            attributes["title"] = caption
        etree.SubElement(paragraph, "img", attributes)
        paragraph.tail = block.tail
        block.getparent().replace(block, paragraph)


def extract_body(document, page_url):
    """(body HTML, platform marker used or "") of the post in `document` (an lxml tree)."""
    container = post_container(document)
    source = copy.deepcopy(container if container is not None else document.find("body"))
    if source is None:
        return "", ""
    _drop_hidden(source)
    normalise_images(source, page_url)
    wrapper = html.fromstring("<html><body></body></html>")
    wrapper.find("body").append(source)
    extracted = trafilatura.extract(
        html.tostring(wrapper, encoding="unicode"), url=page_url, **EXTRACT_OPTIONS
    )
    if not extracted:
        return "", ""
    body = html.fromstring(extracted).find("body")
    inner = "".join(html.tostring(child, encoding="unicode") for child in body)
    return inner, ("container" if container is not None else "page")
