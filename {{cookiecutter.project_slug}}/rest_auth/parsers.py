"""Request parsers that answer malformed input with 400, never 500."""

from typing import Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing documents nested too deeply to decode.

    Python's decoder recurses once per level: ``[[[[...]]]]`` a hundred thousand levels
    deep raises RecursionError, which DRF does not catch.
    """

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the document is nested too deeply.") from None
