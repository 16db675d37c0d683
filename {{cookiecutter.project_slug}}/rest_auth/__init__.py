"""Authentication endpoints for Django REST framework, kept in this project's tree.

The module layout and class names follow dj-rest-auth, so serializers written for it
work here after changing the import prefix.
"""
