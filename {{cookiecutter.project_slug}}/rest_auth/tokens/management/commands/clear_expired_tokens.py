"""``manage.py clear_expired_tokens``: delete the API tokens that have expired.

Expired tokens are refused anyway, and deleted when presented; run this daily (cron, a
scheduled job) so the ones nobody presents again do not pile up.
"""

from typing import Any

from django.core.management.base import BaseCommand

from rest_auth.tokens.models import AuthToken


class Command(BaseCommand):
    help = "Delete expired API tokens."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted, _ = AuthToken.objects.expired().delete()
        self.stdout.write(f"Deleted {deleted} expired API token(s).")
