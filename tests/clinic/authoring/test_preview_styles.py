"""The editor's live preview takes the public site's article styles, scoped to the preview."""

import pytest
from django.urls import reverse

from clinic.authoring.preview_styles import PREVIEW_SCOPE, scoped_stylesheet


def test_every_rule_is_scoped_and_the_page_root_and_prose_become_the_preview():
    css = """/* tokens */
:root { --accent: teal; }
body { color: black; }
.prose h2, .prose :is(ul, ol) { margin: 0; }
h1, a:hover { color: red; }
@media (prefers-color-scheme: dark) { :root { --accent: aqua; } .card { color: white; } }
@media print { @page { margin: 1cm; } a::after { content: "x"; } }
"""
    scoped = scoped_stylesheet(css, scope=".s")
    assert ".s { --accent: teal; }" in scoped and ".s { color: black; }" in scoped
    assert ".s h2, .s :is(ul, ol) { margin: 0; }" in scoped
    assert ".s h1, .s a:hover { color: red; }" in scoped
    assert "@media (prefers-color-scheme: dark) {\n.s { --accent: aqua; }\n.s .card" in scoped
    assert "@page { margin: 1cm; }" in scoped and '.s a::after { content: "x"; }' in scoped
    assert "tokens" not in scoped


@pytest.mark.django_db
def test_article_form_loads_the_scoped_public_styles(admin_client, article):
    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    url = reverse("editor:preview-styles")
    assert f'href="{url}"' in page
    response = admin_client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert f"{PREVIEW_SCOPE} h2" in css and "--font-serif" in css
    assert "\nh2" not in css and "\nbody" not in css  # nothing reaches the admin outside it


@pytest.mark.django_db
def test_preview_styles_are_for_editors_only(client, django_user_model):
    from clinic.domain.roles import FRONT_DESK
    from tests.helpers import staff_in_role

    assert client.get(reverse("editor:preview-styles")).status_code == 302  # to the login
    client.force_login(staff_in_role(django_user_model, FRONT_DESK))
    assert client.get(reverse("editor:preview-styles")).status_code == 403
