"""``manage.py verify_email``: an account made by ``createsuperuser`` can then log in."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def verify(email: str) -> str:
    out = StringIO()
    call_command("verify_email", email, stdout=out)
    return out.getvalue().strip()


def test_an_address_without_a_record_becomes_verified_and_primary():
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    assert verify("admin@example.com") == "admin@example.com is verified."
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("admin@example.com", True, True)


def test_an_unverified_record_becomes_verified_and_others_stay_primary():
    user = get_user_model().objects.create_user("ann", "ann@example.com", "pw")
    EmailAddress.objects.create(user=user, email="ann@example.com", primary=True, verified=True)
    second = EmailAddress.objects.create(user=user, email="ann@work.example", verified=False)
    assert verify("ann@work.example") == "ann@work.example is verified."
    second.refresh_from_db()
    assert second.verified and not second.primary


def test_an_unknown_address_is_an_error():
    with pytest.raises(CommandError, match="No account has the address nobody@example.com."):
        verify("nobody@example.com")
