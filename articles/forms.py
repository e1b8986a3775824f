from django import forms

from .models import Article


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title", "slug", "dek", "author", "reviewer", "reviewed_on", "topics", "status",
            "publish_at", "updated_at", "body", "disclaimer", "hero_image", "hero_alt",
            "hero_credit",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Article.clean() reports a missing disclaimer (blank or only spaces) on this field.
        self.fields["disclaimer"].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not (cleaned.get("hero_alt") or "").strip():
            self.add_error("hero_alt", "Describe the image for people who cannot see it.")
        return cleaned
