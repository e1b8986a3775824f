"""Revision history for articles (django-reversion).

An article is stored together with its studies, so one revision is the whole summary as an
editor saw it; restoring it brings the studies back too.
"""

from contextlib import contextmanager

import reversion

from .models import Article, Study

reversion.register(Study)
reversion.register(Article, follow=["studies"])


@contextmanager
def article_revision(*, user, comment):
    """Store what is saved inside the block as one revision, by `user`, with `comment`."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        yield
