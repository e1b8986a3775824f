"""The platforms clinics move from, and how each one exports its blog."""

from .posts import Platform

WORDPRESS = Platform(
    "WordPress",
    "In WordPress, open Tools → Export, choose “All content” and click “Download Export File”; "
    "import the .xml file it gives.",
)
SQUARESPACE = Platform(
    "Squarespace",
    "In Squarespace, open Settings → Import & export → Export, choose WordPress, pick the blog "
    "page (one blog page per export) and download the .xml file once Squarespace says it is "
    "ready.",
)
WORDPRESS_OR_SQUARESPACE = Platform(
    "WordPress or Squarespace", f"{WORDPRESS.how_to_export} {SQUARESPACE.how_to_export}"
)
WIX = Platform(
    "Wix",
    "In the Wix dashboard, open CMS, choose the blog's “Posts” collection, then More actions → "
    "Export to CSV; import the .csv file.",
)
BLOGGER = Platform(
    "Blogger",
    "In Blogger, open Settings → Manage blog → Back up content → Download; import the .xml "
    "(Atom) file.",
)
GHOST = Platform(
    "Ghost",
    "In Ghost Admin, open Settings → Advanced → Import/Export (Labs in older versions) → "
    "Export content; import the .json file.",
)
MEDIUM = Platform(
    "Medium",
    "On Medium, open Settings → Security and apps → Download your information; import the "
    ".zip file Medium sends by email (or one post's .html file from its posts folder).",
)
