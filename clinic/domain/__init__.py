"""The clinic itself, Django's `clinic` app: profile, people, locations, redirects, roles.

Opening hours, staff roles and edit tracking too, with their admin and migrations.
"""
