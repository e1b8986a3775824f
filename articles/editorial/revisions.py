"""Revision history for articles (django-reversion).

An article is stored together with its studies, so one revision is the whole summary as an
editor saw it; restoring it brings the studies back too. Every article has a first revision,
whatever made it: the admin, the demo content and imports store one as they save; anything
else (a script, a shell) gets one when its transaction commits (`connect`), and an article
made before history was kept gets one, as it stands, before its first change in the admin.
"""

from contextlib import contextmanager

import reversion
from django.db import transaction
from django.db.models.signals import post_save
from reversion.models import Version

from articles.models import Article, Study

reversion.register(Study)
reversion.register(Article, follow=["studies"])

FIRST_REVISION = "First version, as it was created (before any change in the admin)."


@contextmanager
def article_revision(*, user, comment):
    """Store what is saved inside the block as one revision, by `user`, with `comment`."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        yield


def ensure_first_revision(article_id, comment=FIRST_REVISION):
    """Store the article as it is now as its first revision, unless it has one already."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None or Version.objects.get_for_object(article).exists():
        return
    with article_revision(user=None, comment=comment):
        reversion.add_to_revision(article)


def _created_outside_a_revision(sender, instance, created, raw=False, **kwargs):
    if created and not raw and not reversion.is_active():
        # On commit, so that studies and topics added in the same transaction are included.
        transaction.on_commit(lambda: ensure_first_revision(instance.pk))


def connect():
    post_save.connect(
        _created_outside_a_revision, sender=Article, dispatch_uid="article_first_revision"
    )
