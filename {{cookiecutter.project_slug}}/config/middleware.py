"""Refuse request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE before anything reads them."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .errors import request_too_large


class RequestSizeLimitMiddleware:
    """``413 {"detail": ...}`` for a declared Content-Length over the limit.

    Django enforces DATA_UPLOAD_MAX_MEMORY_SIZE only when it parses the body itself
    (``request.body``, ``request.POST``); DRF's parsers read the stream directly, so a
    100 MB JSON document would be read, decoded and parsed. Multipart bodies are left to
    Django's parser, which applies the limit per field and streams files to disk.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and not request.content_type.startswith("multipart/"):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0  # Django treats a malformed length as no body
            if length > limit:
                return request_too_large()
        return self.get_response(request)
