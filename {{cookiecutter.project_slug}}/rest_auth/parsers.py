"""Request parsers that answer malformed input with 400, never 500."""

from __future__ import annotations

from typing import Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.validators import ProhibitSurrogateCharactersValidator


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing documents nested too deeply to decode, and text that
    no encoding can write.

    Python's decoder recurses once per level: ``[[[[...]]]]`` a hundred thousand levels
    deep raises RecursionError, which DRF does not catch. And JSON's ``"\\ud800"`` decodes
    to a lone surrogate, a character UTF-8 cannot encode: the database, a hash or a token
    library would raise UnicodeEncodeError on it.
    """

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the document is nested too deeply.") from None
        refuse_lone_surrogates(data)
        return data


def refuse_lone_surrogates(data: Any) -> None:
    """Raise ParseError when a key or a value anywhere in the document holds a lone
    surrogate: ``{"field": ["Surrogate characters are not allowed: U+D800."]}``, naming the
    top-level field that holds it (``detail`` when there is none to name)."""
    fields = data.items() if isinstance(data, dict) else [(None, data)]
    for field, value in fields:
        try:
            check_text(value if field is None else [field, value])
        except ValidationError as exc:
            messages = exc.detail
            if field is None or not is_writable(field):
                raise ParseError(messages[0]) from None
            raise ParseError({field: messages}) from None


def check_text(value: Any) -> None:
    """Raise DRF's ValidationError for the first string holding a lone surrogate, among
    the keys and values of any depth (walked without recursion: the document may be
    nested as deep as the decoder allows)."""
    validate = ProhibitSurrogateCharactersValidator()
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            validate(item)
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def is_writable(text: str) -> bool:
    """Whether UTF-8 can encode the text (so an answer may name it)."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True
