"""The two staff groups as they were first defined.

A frozen copy: later changes to the roles live in `clinic.domain.roles.ROLE_PERMISSIONS`, which a
post_migrate receiver applies after every `migrate` (see clinic/domain/roles.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Marketing": {
        "articles": {
            "article": ["add", "change", "view"],
            "study": ["add", "change", "delete", "view"],
            "topic": ["add", "change", "view"],
        },
        "clinic": {"person": ["add", "change", "view"]},
    },
    "Front desk": {
        "clinic": {
            "location": ["change", "view"],
            "openinghours": ["add", "change", "delete", "view"],
            "locationexception": ["add", "change", "delete", "view"],
        },
    },
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, app_models in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=role)
        group.permissions.set(
            [
                permission_model.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
                for app_label, models in app_models.items()
                for model, actions in models.items()
                for action in actions
            ]
        )


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Marketing", "Front desk"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("clinic", "0002_people_details_and_locations"),
        ("articles", "0002_medical_reviewer"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
