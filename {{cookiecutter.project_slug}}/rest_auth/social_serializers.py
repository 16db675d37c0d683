"""dj-rest-auth's ``social_serializers`` module path; the code is in registration/social/."""

from rest_auth.registration.social.microsoft import MicrosoftLoginSerializer
from rest_auth.registration.social.serializers import SocialConnectMixin
from rest_auth.registration.social.twitter import TwitterConnectSerializer, TwitterLoginSerializer

__all__ = [
    "MicrosoftLoginSerializer",
    "SocialConnectMixin",
    "TwitterConnectSerializer",
    "TwitterLoginSerializer",
]
