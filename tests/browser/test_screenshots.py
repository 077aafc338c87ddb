"""Screenshots of the busiest day briefing at desktop and phone width, kept in test-artifacts/ (git-ignored).

They are for people to look at (CI keeps them as artifacts); the test checks
that they were made, are PNGs of the right width, and show a page that fits.
"""

from __future__ import annotations

import struct

import pytest

from tests.browser.harness import ARTIFACTS, DESKTOP, PHONE, busiest_day_and_actor


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshot_of_a_day_briefing(seed_site, open_page, name, viewport):
    day, _ = busiest_day_and_actor(seed_site)
    options = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if name == "phone" else {}
    page, watch = open_page(seed_site, viewport=viewport, **options)
    watch.visit(page, seed_site.url(day))
    page.evaluate("document.fonts.ready")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"briefing-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    width, height = png_size(path.read_bytes())
    scale = options.get("device_scale_factor", 1)
    assert width == viewport["width"] * scale
    assert height >= viewport["height"] * scale
    fonts = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Source Serif 4" in f for f in fonts), "the site's own serif is used, not a fallback"
    assert watch.problems() == {}
