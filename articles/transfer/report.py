"""What an import did, or would do: the report printed by the command and shown in the admin."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ImportReport:
    dry_run: bool = False
    total: int = 0  # posts and pages in the export
    processed: int = 0  # posts and pages looked at in this run
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)
    new_topics: list[str] = field(default_factory=list)
    images_fetched: int = 0
    images_left: list[tuple[str, str]] = field(default_factory=list)  # (address, why)
    ignored: Counter = field(default_factory=Counter)  # other item types: attachments...
    repairs: list[str] = field(default_factory=list)  # what was mended in the XML itself
    embeds: Counter = field(default_factory=Counter)  # audio, video, embeds kept as links
    untitled: list[str] = field(default_factory=list)  # posts titled from their first words
    no_alt: list[str] = field(default_factory=list)  # images imported with no alt text
    next_start: int | None = None  # where a run cut short by its limits continues
    source: list[str] = field(default_factory=list)  # how the source was read (a live site)

    def skip(self, label, reason):
        self.skipped.append((label, reason))

    def warn(self, message):
        self.warnings.append(message)

    @property
    def is_complete(self):
        return self.next_start is None

    def summary(self):
        verb = "would be " if self.dry_run else ""
        return (
            f"{len(self.created)} {verb}created, {len(self.updated)} {verb}updated, "
            f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped, "
            f"{len(self.warnings)} warning(s)"
        )

    def sections(self):
        """(heading, lines) pairs, for the command's output and the admin page alike."""
        prefix = "Would create" if self.dry_run else "Created"
        update = "Would update" if self.dry_run else "Updated"
        ignored = [f"{count} × {kind}" for kind, count in sorted(self.ignored.items())]
        embeds = [f"{count} × {kind}" for kind, count in sorted(self.embeds.items())]
        sections = [
            ("Repaired in the file (it was not well-formed XML)", self.repairs),
            (f"{prefix} articles", self.created),
            (f"{update} articles", self.updated),
            ("Unchanged articles", self.unchanged),
            ("Skipped", [f"{label}: {reason}" for label, reason in self.skipped]),
            (f"{prefix} people (inactive until you review them)", self.new_people),
            (f"{prefix} topics", self.new_topics),
            ("Untitled posts, titled from their first words", self.untitled),
            ("Audio, video and embeds shown as links to the original", embeds),
            ("Images with no alt text (find them with the admin's “Alt text” filter)", self.no_alt),
            ("Warnings", self.warnings),
            (
                "Images left as links to the old site",
                [f"{u} ({why})" for u, why in self.images_left],
            ),
            ("Not posts or pages, so not imported", ignored),
        ]
        return [(heading, lines) for heading, lines in sections if lines]

    def lines(self):
        title = "Dry run: nothing was written." if self.dry_run else "Import finished."
        if not self.is_complete:
            title = (
                f"Imported {self.processed} posts; more remain (continue from {self.next_start})."
            )
        lines = [title, *self.source, self.summary()]
        if self.images_fetched:
            lines.append(f"{self.images_fetched} image(s) downloaded.")
        for heading, items in self.sections():
            lines.append(f"{heading} ({len(items)}):")
            lines.extend(f"  - {item}" for item in items)
        return lines
