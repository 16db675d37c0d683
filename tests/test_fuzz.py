"""Fuzzing each auth mode's API through its OpenAPI schema finds no 5xx.

benchmarks/fuzz.py serves the variant with gunicorn and runs schemathesis against
/api/schema/ with a logged-in user's credential, a bounded number of examples per operation
and a fixed seed; gunicorn's access log counts what was sent and what came back. Variants
without API docs have no schema: their own suite fuzzes the serializers with hypothesis
(rest_auth/tests/test_fuzz.py).
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, variant

sys.path.insert(0, str(ROOT / "benchmarks"))
import fuzz  # noqa: E402


@pytest.mark.parametrize("mode", fuzz.MODES)
def test_no_request_gets_a_server_error(baked, tmp_path, mode):
    project = baked(variant(**fuzz.answers(mode)))
    result = fuzz.fuzz(project, tmp_path, mode)
    print(
        f"\n{mode}: {result['operations']} operations, {result['requests']} requests, "
        f"{result['server_errors']} 5xx, {result['statuses']}"
    )
    assert result["server_errors"] == 0, result["output"]
    assert result["tracebacks"] == 0, (tmp_path / "server.log").read_text()[-5000:]
    assert result["exit_codes"] == [0, 0], result["output"]
    # Every operation of the schema was tried, many times, and with a working credential.
    assert result["operations"] >= 20, result["output"]
    assert result["requests"] >= 20 * result["operations"], result
    assert result["authenticated_2xx"] > 0, result
