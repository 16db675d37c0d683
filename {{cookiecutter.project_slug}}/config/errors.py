"""Error pages as JSON, so API clients never have to parse Django's HTML ones.

Django uses these when DEBUG is off (config/urls.py names them); with DEBUG on its
technical pages show instead. Errors raised inside DRF views reach the client through
DRF's exception handler; these cover the rest (unknown URLs, middleware, crashes).
"""

import logging
import sys

from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, JsonResponse

logger = logging.getLogger(__name__)

# Seconds a client is told to wait (Retry-After) when the database cannot be reached.
DATABASE_RETRY_AFTER = 5


def bad_request(request: HttpRequest, exception: Exception) -> JsonResponse:
    # Django raises RequestDataTooBig when a form body exceeds DATA_UPLOAD_MAX_MEMORY_SIZE.
    if isinstance(exception, RequestDataTooBig):
        return request_too_large()
    return JsonResponse({"detail": "Bad request."}, status=400)


def request_too_large() -> JsonResponse:
    return JsonResponse({"detail": "Request body too large."}, status=413)


def not_found(request: HttpRequest, exception: Exception) -> JsonResponse:
    return JsonResponse({"detail": "Not found."}, status=404)


def server_error(request: HttpRequest) -> JsonResponse:
    # Django calls this while handling the exception, so it is still at hand. A database
    # that is down or restarting is not a bug: 503, and the client may retry. Django has
    # logged the exception already; its connection handling replaces the broken
    # connection at the end of this request.
    exception = sys.exc_info()[1]
    if isinstance(exception, (OperationalError, InterfaceError)):
        response = JsonResponse(
            {"detail": "Service temporarily unavailable, try again later."}, status=503
        )
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response
    return JsonResponse({"detail": "Server error."}, status=500)
