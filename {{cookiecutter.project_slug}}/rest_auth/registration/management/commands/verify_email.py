"""``manage.py verify_email <address>``: record an address as verified, without its link.

For accounts made outside sign-up, such as ``createsuperuser``'s: under mandatory
verification they cannot log in until their address is verified, and no verification email
was sent for them.
"""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.account.utils import filter_users_by_email
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction


class Command(BaseCommand):
    help = "Mark an email address as verified (and primary, if its user has none)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="the address, as the account has it")

    @transaction.atomic
    def handle(self, *args: Any, email: str, **options: Any) -> None:
        users = filter_users_by_email(email)
        if len(users) != 1:
            found = "No account has" if not users else "Several accounts have"
            raise CommandError(f"{found} the address {email}.")
        [user] = users
        address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
        if address is None:
            address = EmailAddress.objects.create(user=user, email=user.email or email)
        address.verified = True
        address.save(update_fields=["verified"])
        address.set_as_primary(conditional=True)
        self.stdout.write(f"{address.email} is verified.")
