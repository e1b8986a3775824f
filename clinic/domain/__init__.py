"""The clinic itself, Django's `clinic` app: profile, people, locations and hours, redirects,
staff roles and edit tracking, with their admin and migrations."""
