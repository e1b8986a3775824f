"""Date and time formats for languages the site writes differently from Django's defaults."""
