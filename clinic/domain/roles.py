"""Staff roles: which Django permissions each group holds.

ROLE_PERMISSIONS is the one definition of the roles documented in the README. After every
`migrate`, `sync_roles_after_migrate` gives each group exactly these permissions, so a
change here reaches existing installs; `create_staff_user` reads the same map.
"""

MARKETING = "Marketing"
FRONT_DESK = "Front desk"
SITE_SETTINGS = "Site settings"

ROLE_PERMISSIONS = {
    MARKETING: {
        "articles": {
            "article": ["add", "change", "view"],
            "study": ["add", "change", "delete", "view"],
            # Notices come from the nightly check; Marketing records a reviewer's resolution.
            "citationnotice": ["change", "view"],
            "topic": ["add", "change", "view"],
            "glossaryterm": ["add", "change", "delete", "view"],
            "synonymgroup": ["add", "change", "delete", "view"],
            "narrowerterm": ["add", "change", "delete", "view"],
            # Import a blog from the clinic's current site's address (read, then confirm).
            "siteimport": ["add", "view"],
        },
        "clinic": {
            "person": ["add", "change", "view"],
            "crisisline": ["add", "change", "delete", "view"],
        },
    },
    # Added to a Marketing colleague who looks after the brand and the site's wording.
    # ("site_settings" is not a model: the permission is ClinicProfile's own
    # `change_site_settings`, and the codename is action_model.)
    SITE_SETTINGS: {"clinic": {"site_settings": ["change"]}},
    FRONT_DESK: {
        "clinic": {
            "location": ["change", "view"],
            "openinghours": ["add", "change", "delete", "view"],
            "locationexception": ["add", "change", "delete", "view"],
        },
    },
}

# The Front desk keeps a location's contact details current: how to reach it, how to get in,
# and (through the inlines) when it is open. The rest of a location (name, address, links,
# order, whether it is shown) is changed by those who may also add locations.
CONTACT_DETAIL_FIELDS = [
    "phone", "alternate_phone", "alternate_phone_label", "email", "accessibility_notes",
    "parking_notes", "transit_notes",
]  # fmt: skip


def edits_contact_details_only(user):
    """True for the Front desk: may change locations, but not add them (superusers may)."""
    return user.has_perm("clinic.change_location") and not user.has_perm("clinic.add_location")


ROLE_PERMISSIONS_APPS = sorted({label for apps in ROLE_PERMISSIONS.values() for label in apps})
ROLE_SLUGS = {"marketing": MARKETING, "front-desk": FRONT_DESK, "site-settings": SITE_SETTINGS}


def sync_role_groups(groups, permissions):
    """Create the role groups and give each exactly its permissions (managers of both)."""
    for role, apps in ROLE_PERMISSIONS.items():
        group, _ = groups.get_or_create(name=role)
        wanted = [
            permissions.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            for app_label, models in apps.items()
            for model, actions in models.items()
            for action in actions
        ]
        group.permissions.set(wanted)


def sync_roles_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: after every `migrate`, the groups hold exactly ROLE_PERMISSIONS."""
    if sender.label != "clinic":  # once per migrate; every table exists by then
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for label in ROLE_PERMISSIONS_APPS:  # auth makes them in its own receiver, maybe later
        create_permissions(apps.get_app_config(label), verbosity=0, using=using)
    sync_role_groups(Group.objects.db_manager(using), Permission.objects.db_manager(using))
