"""Reports a person reads: the timeline in Markdown, HTML and JSON."""
