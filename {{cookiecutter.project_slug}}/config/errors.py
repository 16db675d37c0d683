"""Error pages as JSON, so API clients never have to parse Django's HTML ones.

Django uses these when DEBUG is off (config/urls.py names them); with DEBUG on its
technical pages show instead.
"""

from django.http import HttpRequest, JsonResponse


def not_found(request: HttpRequest, exception: Exception) -> JsonResponse:
    return JsonResponse({"detail": "Not found."}, status=404)


def server_error(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"detail": "Server error."}, status=500)
