"""The research library, Django's `articles` app: plain-language summaries of published research."""
