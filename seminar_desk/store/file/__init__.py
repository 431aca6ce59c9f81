"""What only a seminar file needs: the one-writer lock, consistent backups and SQLite's checks
(quick, integrity, foreign keys) with the WAL checkpoint. A server seminar has none of them."""
