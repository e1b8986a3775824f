"""Keep old addresses working when a public page's slug changes."""

from django.db.models.signals import post_save, pre_save

from .models import record_redirect


def redirect_old_urls(model, *, was_public=lambda instance: True):
    """After a save that changes the slug of a public `model` row, 301 its old URL to the new."""

    def remember_old_url(sender, instance, raw=False, **kwargs):
        instance._old_url = None
        if raw or instance.pk is None:
            return
        old_slug = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        if old_slug and old_slug != instance.slug:
            instance._old_url = sender(slug=old_slug).get_absolute_url()

    def record_move(sender, instance, raw=False, **kwargs):
        old_url = getattr(instance, "_old_url", None)
        if old_url and was_public(instance):
            record_redirect(old_url, instance.get_absolute_url())

    uid = f"redirect_old_urls:{model._meta.label}"
    pre_save.connect(remember_old_url, sender=model, weak=False, dispatch_uid=uid + ":pre")
    post_save.connect(record_move, sender=model, weak=False, dispatch_uid=uid + ":post")
