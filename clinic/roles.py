"""Staff roles: which Django permissions each group holds.

The data migration and `create_staff_user` both read ROLE_PERMISSIONS, so the
roles documented in the README are defined in one place.
"""

MARKETING = "Marketing"
FRONT_DESK = "Front desk"

ROLE_PERMISSIONS = {
    MARKETING: {
        "articles": {
            "article": ["add", "change", "view"],
            "study": ["add", "change", "delete", "view"],
            "topic": ["add", "change", "view"],
        },
        "clinic": {"person": ["add", "change", "view"]},
    },
    FRONT_DESK: {
        "clinic": {
            "location": ["change", "view"],
            "openinghours": ["add", "change", "delete", "view"],
            "locationexception": ["add", "change", "delete", "view"],
        },
    },
}

ROLE_SLUGS = {"marketing": MARKETING, "front-desk": FRONT_DESK}


def sync_role_groups(group_model, permission_model):
    """Create the role groups and give each exactly its permissions."""
    for role, apps in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=role)
        wanted = [
            permission_model.objects.get(
                content_type__app_label=app_label, codename=f"{action}_{model}"
            )
            for app_label, models in apps.items()
            for model, actions in models.items()
            for action in actions
        ]
        group.permissions.set(wanted)
