"""Project configuration: settings, the root URLconf, the WSGI and ASGI entry points."""
