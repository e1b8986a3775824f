#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.config.settings")
    from django.core.management import execute_from_command_line

    from clinic.config.env import use_laptop_defaults

    # DEBUG on when nothing describes a server (no SECRET_KEY, no DEBUG, a SQLite database).
    use_laptop_defaults(os.environ)

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
