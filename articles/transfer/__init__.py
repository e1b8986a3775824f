"""Articles in and out: WordPress and Squarespace imports, and the Markdown export format."""
