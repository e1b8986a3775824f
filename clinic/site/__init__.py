"""Site runtime, what wraps every request: page cache, middleware, error pages, sign-in lock-out.

Also the template context every page gets, the cache backend and its breaker, health checks,
the request log, media storage and deploy checks.
"""
