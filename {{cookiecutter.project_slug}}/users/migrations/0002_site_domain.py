"""Name the default Site after the production domain, for links built from it."""

from django.conf import settings
from django.db import migrations


def set_site_domain(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        id=settings.SITE_ID,
        defaults={"domain": "{{ cookiecutter.domain_name }}", "name": "{{ cookiecutter.project_name }}"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(set_site_domain, migrations.RunPython.noop)]
