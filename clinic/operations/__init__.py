"""Operations: backups and restores, and the demo content."""
