"""The site as Markdown files with YAML front matter, written and read back."""
