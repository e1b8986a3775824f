"""Checks the browser tests share: axe-core, keyboard focus, and what every page's <head> needs."""

# The axe-core build that axe-playwright-python ships, injected into each page once.
from axe_playwright_python.base import AXE_SCRIPT

# WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe's "best practice" rules for what the issue names beyond those tags: heading order,
# landmarks and the skip link.
STRUCTURE_RULES = [
    "heading-order",
    "page-has-heading-one",
    "empty-heading",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "landmark-complementary-is-top-level",
    "region",
    "skip-link",
]


def axe_violations(page):
    """axe-core's violations on the page as short lines, for the WCAG tags and the structure
    rules above; an empty list when there are none."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    lines = []
    for run_only in (
        {"type": "tag", "values": WCAG_TAGS},
        {"type": "rule", "values": STRUCTURE_RULES},
    ):
        options = {"runOnly": run_only, "resultTypes": ["violations"]}
        results = page.evaluate("options => axe.run(document, options)", options)
        for violation in results["violations"]:
            targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            lines.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return lines


FOCUSED_ELEMENT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const ringed = (node) => {
    const style = getComputedStyle(node);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  };
  let ring = null;  // a card may draw the ring for the link that covers it
  for (let node = el, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
    if (ringed(node)) { ring = node; break; }
  }
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    rel: el.getAttribute("rel"),
    href: el.getAttribute("href"),
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
    inMain: !!el.closest("main"),
    hasRing: ring !== null,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < innerHeight && box.left < innerWidth,
  };
}"""


def focused(page):
    """What has keyboard focus: tag, text, whether a focus ring shows and is on screen."""
    return page.evaluate(FOCUSED_ELEMENT)


def tab_through(page, limit=200):
    """Press Tab from the top of the page until focus leaves it; returns each focused element."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element is None or (seen and element == seen[0]):
            break
        seen.append(element)
    return seen


HEAD_FACTS = """() => ({
  viewport: document.querySelector('meta[name="viewport"]')?.content ?? null,
  themeColors: document.querySelectorAll('meta[name="theme-color"]').length,
  icon: document.querySelector('link[rel="icon"]')?.getAttribute("href") ?? null,
  touchIcon: document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute("href") ?? null,
  lang: document.documentElement.lang,
  title: document.title,
  unsizedImages: [...document.images]
    .filter((img) => !img.getAttribute("width") || !img.getAttribute("height"))
    .map((img) => img.getAttribute("src")),
})"""


def head_facts(page):
    return page.evaluate(HEAD_FACTS)
