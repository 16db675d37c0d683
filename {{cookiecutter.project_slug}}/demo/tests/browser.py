"""What the browser tests do on the demo page: fill and submit a panel, take a picture."""

import os
from pathlib import Path

from django.conf import settings

# Screenshots of the main states, kept as test artifacts.
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(settings.BASE_DIR) / "test-artifacts"))


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"demo-{name}.png"), full_page=True)


def submit(page, panel: str, **values: str) -> None:
    for name, value in values.items():
        page.locator(f"#{panel}-{name}").fill(value)
    page.get_by_test_id(f"{panel}-submit").click()
