"""Typed notes that could not be saved in the seminar file, kept outside it until they are.

When saving typed text fails (a full disk, a read-only file), the text is appended to a small
journal in the user's data folder, one per seminar file, and synced to disk, so a crash or a
closed window loses nothing. Once the text reaches the seminar file its lines are removed; what
is left is offered when the file is opened again. The journal is JSON lines: the newest line
for a (target, section) wins, and a line torn by a crash is skipped.
"""

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, tzinfo
from pathlib import Path

# Past this size the journal is rewritten with only the newest text of each section.
COMPACT_BYTES = 256 * 1024

JournalKey = tuple[str | None, str | None, str]  # item id, group id, section


@dataclass(frozen=True)
class JournalEntry:
    """One section's text as typed, with where it belongs and when it was typed."""

    item_id: str | None
    group_id: str | None
    section: str
    body: str
    author_name: str
    author_id: str | None
    typed_at: datetime

    @property
    def key(self) -> JournalKey:
        return (self.item_id, self.group_id, self.section)

    def to_line(self, db: str) -> str:
        data = asdict(self) | {"typed_at": self.typed_at.isoformat(), "db": db}
        return json.dumps(data, ensure_ascii=False) + "\n"

    @classmethod
    def from_line(cls, line: str) -> "JournalEntry | None":
        try:
            data = json.loads(line)
            return cls(
                item_id=data["item_id"],
                group_id=data["group_id"],
                section=str(data["section"]),
                body=str(data["body"]),
                author_name=str(data.get("author_name", "")),
                author_id=data.get("author_id"),
                typed_at=datetime.fromisoformat(data["typed_at"]),
            )
        except (ValueError, KeyError, TypeError):
            return None  # a line cut short by a crash


def journal_folder() -> Path:
    from seminar_desk.paths import data_dir

    return data_dir() / "recovery"


class NoteJournal:
    """The recovery journal of one seminar file."""

    def __init__(self, db_path: Path, folder: Path | None = None) -> None:
        self.db_path = Path(db_path).resolve()
        digest = hashlib.sha256(str(self.db_path).encode("utf-8", "surrogatepass")).hexdigest()
        self.path = (folder or journal_folder()) / f"{digest[:20]}.jsonl"
        self._compacted = 0  # size after the last compaction

    def record(self, entries: Iterable[JournalEntry]) -> None:
        """Append texts and sync them to disk (raises OSError if even that is impossible)."""
        text = "".join(e.to_line(str(self.db_path)) for e in entries)
        if not text:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Private (0600): it holds what rapporteurs typed.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with open(fd, "a", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
            size = f.tell()
        # Compact when old versions take most of the space (not on every save of a long text).
        if size > max(COMPACT_BYTES, 4 * self._compacted):
            self._rewrite(self.entries())

    def entries(self) -> list[JournalEntry]:
        """The newest text of each section, oldest first."""
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        newest: dict[JournalKey, JournalEntry] = {}
        for line in lines:
            entry = JournalEntry.from_line(line)
            if entry is not None:
                newest.pop(entry.key, None)
                newest[entry.key] = entry
        return list(newest.values())

    def forget(self, keys: Iterable[JournalKey], since: datetime) -> None:
        """Remove the texts of these sections typed since `since` (they reached the file).

        Older texts stay: they were not restored yet (the person chose to decide later).
        """
        gone = set(keys)
        if not gone or not self.path.exists():
            return
        self._rewrite([e for e in self.entries() if e.key not in gone or e.typed_at < since])

    def remove(self, done: Iterable[JournalEntry]) -> None:
        """Remove these texts (restored into the file), keeping any typed since."""
        gone = set(done)
        if gone:
            self._rewrite([e for e in self.entries() if e not in gone])

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def _rewrite(self, entries: list[JournalEntry]) -> None:
        if not entries:
            self.clear()
            return
        temp = self.path.with_suffix(".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as f:
            f.write("".join(e.to_line(str(self.db_path)) for e in entries))
            f.flush()
            os.fsync(f.fileno())
            self._compacted = f.tell()
        os.replace(temp, self.path)


def to_markdown(
    entries: Iterable[JournalEntry],
    title_of: Callable[[JournalEntry], str],
    source: Path,
    zone: tzinfo | None = None,
) -> str:
    """The texts as a plain Markdown file a person can open anywhere, one heading each;
    times in the seminar's zone."""
    parts = [f"# Notes not saved in {source.name}\n\nSeminar file: {source}\n"]
    for e in entries:
        when = e.typed_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        by = f" by {e.author_name}" if e.author_name else ""
        parts.append(f"## {title_of(e)}\n\nTyped{by}, {when}\n\n{e.body}\n")
    return "\n".join(parts)
