"""Date and time formats where the site writes a language differently from Django's defaults."""
