"""Refuse request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE before anything reads them;
answer unknown API URLs in JSON also with DEBUG on."""

from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse

from .errors import not_found, request_too_large


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


class APINotFoundMiddleware:
    """``404 {"detail": "Not found."}`` for a URL under /api/ that matches no route.

    With DEBUG off handler404 answers so already; with DEBUG on Django shows its HTML
    debug page instead, which API clients (the demo page too) cannot read. Not-found
    answers of API views stay theirs; APPEND_SLASH redirects still happen.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        unrouted = getattr(request, "resolver_match", None) is None
        if response.status_code == 404 and unrouted and request.path.startswith("/api/"):
            return not_found(request, Http404())
        return response
