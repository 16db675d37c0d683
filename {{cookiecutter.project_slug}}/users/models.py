from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's user, swappable from day one.

    Add profile fields here. `rest_auth` only relies on what every Django user model
    has (USERNAME_FIELD, EMAIL_FIELD, is_active, the password), so it keeps working.
    """
