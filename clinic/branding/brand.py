"""The brand as pages use it: stylesheet address, logo, icons and theme colours.

Computed once per cache fill of the site chrome (clinic.domain.sitewide), from the profile alone:
no disk access, since every derived file's name follows from the logo's name and colour.
"""

import logging

from django.core.files.storage import default_storage
from django.templatetags.static import static
from django.urls import reverse

from . import assets, palette

logger = logging.getLogger(__name__)


def brand_for(profile):
    """A dict for templates: css_url (or ""), logo, icons and theme colours."""
    light, dark = profile.brand_color_light, profile.brand_color_dark
    is_default = palette.is_default(light, dark)
    css = palette.brand_css(light, dark)
    logo = profile.logo
    brand = {
        "css": css,
        "css_digest": palette.css_digest(css),
        "css_url": "" if is_default else reverse("brand-css", args=[palette.css_digest(css)]),
        "theme_light": light,
        "theme_dark": dark,
        "logo_url": "",
        "logo_srcset": "",
        "logo_width": None,
        "logo_height": assets.LOGO_HEIGHT,
    }
    if logo and profile.logo_height:
        brand["logo_url"] = default_storage.url(assets.logo_rendition_name(logo.name, 1))
        brand["logo_srcset"] = assets.logo_srcset(logo.name, profile.logo_height)
        height = min(assets.LOGO_HEIGHT, profile.logo_height)
        brand["logo_height"] = height
        brand["logo_width"] = max(1, round(profile.logo_width * height / profile.logo_height))
    if logo or not is_default:
        logo_name = logo.name or ""
        brand["favicon_url"] = default_storage.url(assets.icon_name(logo_name, light, "favicon"))
        brand["favicon_type"] = "image/png"
        brand["touch_icon_url"] = default_storage.url(assets.icon_name(logo_name, light, "touch"))
    else:
        brand["favicon_url"] = static("img/favicon.svg")
        brand["favicon_type"] = "image/svg+xml"
        brand["touch_icon_url"] = static("img/apple-touch-icon.png")
    return brand


def make_brand_files(sender, instance, raw=False, **kwargs):
    """post_save receiver of the profile: write the logo copies, icons and sharing crop."""
    if raw:
        return
    size = (None, None)
    try:
        if instance.logo:
            size = assets.make_logo_renditions(instance.logo)
        if instance.logo or not palette.is_default(
            instance.brand_color_light, instance.brand_color_dark
        ):
            assets.make_icons(instance.logo, instance.brand_color_light)
        if instance.social_image:
            assets.make_social_rendition(instance.social_image)
    except OSError:
        logger.warning("Could not make the brand's pictures", exc_info=True)
    if size != (instance.logo_width, instance.logo_height):
        instance.logo_width, instance.logo_height = size
        type(instance)._base_manager.filter(pk=instance.pk).update(
            logo_width=size[0], logo_height=size[1]
        )
