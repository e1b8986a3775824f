"""Site runtime: what wraps every request.

The page cache, middleware, template context, sign-in lock-out and deploy checks.
"""
