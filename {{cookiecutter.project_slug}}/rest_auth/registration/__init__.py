"""Sign-up and email verification for the API, built on django-allauth's account app.

Views and serializers follow dj-rest-auth's ``dj_rest_auth.registration`` (same names, same
request and response bodies); allauth does the account work: username and password rules,
email addresses and their verification keys, the emails themselves.
"""
