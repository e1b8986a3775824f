"""Where Debian's Chromium is and how Playwright starts it, for the browser tests and screenshots.

Playwright's own browser builds are never downloaded: the tests drive the system Chromium.
`CHROMIUM_PATH` points elsewhere (or at nothing, to see what happens without a browser).
"""

import os

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def missing_reason():
    """Why the browser tests cannot run here, or None when they can."""
    if not os.access(CHROMIUM_PATH, os.X_OK):
        return f"{CHROMIUM_PATH} not found (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[dev]')"
    return None


def launch(playwright):
    """A headless Chromium that makes no requests of its own."""
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=LAUNCH_ARGS)
