"""A feature app for the tests of ``rest_auth.features`` and ``rest_auth.strategies``."""

Name = "the name a feature keeps for a core module"
