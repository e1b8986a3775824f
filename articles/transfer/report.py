"""What an import did, or would do: the report printed by the command and shown in the admin."""

from collections import Counter
from dataclasses import asdict, dataclass, field, fields


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
    pictures_queued: int = 0  # pictures handed to the background copy (or, dry: to be)
    images_left: list[tuple[str, str]] = field(default_factory=list)  # (address, why)
    ignored: Counter = field(default_factory=Counter)  # other item types: attachments...
    repairs: list[str] = field(default_factory=list)  # what was mended in the XML itself
    embeds: Counter = field(default_factory=Counter)  # audio, video, embeds kept as links
    untitled: list[str] = field(default_factory=list)  # posts titled from their first words
    no_alt: list[str] = field(default_factory=list)  # images imported with no alt text
    next_start: int | None = None  # where a run cut short by its limits continues
    unusable: int = 0  # posts skipped for having no text or nothing to recognise them by
    empty_reason: str = ""  # the export gave nothing to import: why, and how to export again
    published: list[str] = field(default_factory=list)  # published, as they were before
    refused: list[tuple[str, str]] = field(default_factory=list)  # kept drafts by the checks
    kept_as_drafts: int = 0  # published on the old site, arriving as drafts for review
    source: list[str] = field(default_factory=list)  # how the source was read (a live site)

    def to_data(self):
        """The report as JSON-ready data, for keeping it until someone confirms the import."""
        return asdict(self)

    @classmethod
    def from_data(cls, data):
        """The report `to_data` gave (pairs come back as tuples, counts as Counters)."""
        known = {item.name for item in fields(cls)}
        report = cls(**{name: value for name, value in data.items() if name in known})
        for name in ("skipped", "images_left", "refused"):
            setattr(report, name, [tuple(pair) for pair in getattr(report, name)])
        report.ignored, report.embeds = Counter(report.ignored), Counter(report.embeds)
        return report

    def skip(self, label, reason, *, unusable=False):
        self.skipped.append((label, reason))
        self.unusable += unusable

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
        publish = "Would publish" if self.dry_run else "Published"
        sections = [
            ("Repaired in the file (it was not well-formed XML)", self.repairs),
            (f"{prefix} articles", self.created),
            (f"{update} articles", self.updated),
            ("Unchanged articles", self.unchanged),
            (
                f"{publish}, as they were on the old site (the publishing checks apply)",
                self.published,
            ),
            (
                "Kept as drafts by the publishing checks",
                [f"{title}: {reason}" for title, reason in self.refused],
            ),
            ("Skipped", [f"{label}: {reason}" for label, reason in self.skipped]),
            (f"{prefix} people (inactive until you review them)", self.new_people),
            (
                f"{prefix} topics (off the public site until each has a description)",
                self.new_topics,
            ),
            ("Untitled posts, titled from their first words", self.untitled),
            ("Audio, video and embeds shown as links to the original", embeds),
            ("Images with no alt text (find them with the admin's “Alt text” filter)", self.no_alt),
            ("Warnings", self.warnings),
            (
                "Pictures not copied to this site (they still show from the old site)",
                [f"{u}: {why}" for u, why in self.images_left],
            ),
            ("Not posts or pages, so not imported", ignored),
        ]
        return [(heading, lines) for heading, lines in sections if lines]

    def notices(self):
        """Sentences about the import as a whole: drafts, pictures."""
        verb = "would be" if self.dry_run else "were"
        notices = []
        if self.kept_as_drafts:
            notices.append(
                f"{self.kept_as_drafts} post(s) published on the old site {verb} imported as "
                "drafts, to be reviewed before they go live."
            )
        if self.pictures_queued and self.dry_run:
            notices.append(
                f"{self.pictures_queued} picture(s) would be copied to this site, in the "
                "background once the posts are imported."
            )
        elif self.pictures_queued:
            notices.append(
                f"{self.pictures_queued} picture(s) are being copied to this site in the "
                "background; “Imported posts” shows each article's, and any that could not be."
            )
        if self.images_left:
            notices.append(f"{len(self.images_left)} picture(s) {verb} not copied (listed below).")
        return notices

    def lines(self):
        title = "Dry run: nothing was written." if self.dry_run else "Import finished."
        if not self.is_complete:
            title = (
                f"Imported {self.processed} posts; more remain (continue from {self.next_start})."
            )
        lines = [title, *self.source, self.summary()]
        if self.empty_reason:
            lines.insert(0, self.empty_reason)
        lines += self.notices()
        for heading, items in self.sections():
            lines.append(f"{heading} ({len(items)}):")
            lines.extend(f"  - {item}" for item in items)
        return lines
