"""The demo clinic: its library in the site's own export format, loaded and taken away again.

`library/` is a folder as `manage.py export_markdown` writes it: `site.yaml` (the clinic
profile's wording, the team, topics, locations with their hours and closures, in English
and French) and one `<slug>.md` per article (front matter with its author, reviewer, topics,
studies and status, then the Markdown body), each English one with its French translation
beside it in `<French slug>.fr.md`. The clinic and its people are invented. The studies are
real: their titles, journals, authors and numbers were checked against the papers' published
abstracts, and a DOI or PubMed ID is given only where it was confirmed; otherwise `url` is a
PubMed search for the exact title, which always finds the paper.

`loader` reads it through the same code as `manage.py import_markdown` (so every `make run`
proves the round trip), `records` remembers which rows the demo made, and `removal` takes
them away again unless the clinic has changed them.
"""

from pathlib import Path

LIBRARY = Path(__file__).resolve().parent / "library"

ADMIN_USERNAME = "admin@example.org"  # staff sign in with their email address
ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "clinic-demo-2026"  # noqa: S105 - demo only; load_demo refuses it unless DEBUG
