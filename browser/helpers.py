"""Shared by the browser tests: axe-core runs and screenshots."""

from functools import cache

from browser.conftest import SCREENSHOTS, SETTLE_JS

WIDTHS = (360, 1280)
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}


@cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # only its bundled axe-core script is used


def axe_violations(page, where):
    """axe-core's WCAG 2.0/2.1 A+AA violations on the page, one line each (id, nodes, page)."""
    axe = _axe()
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    violations = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]
    lines = []
    for violation in violations:
        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{where}: {violation['id']} ({violation['impact']}) on {len(violation['nodes'])} "
                     f"element(s): {targets} - {violation['help']}")
    return lines


def check_page(page, where, screenshot=None):
    """axe at 360 px and 1280 px width (and full-page screenshots named <screenshot>-<width>.png);
    the page is left at 1280 px. Returns the violations."""
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate(SETTLE_JS)
        found += axe_violations(page, f"{where} @ {width}px")
        if screenshot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{screenshot}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": WIDTHS[-1], "height": 900})
    return found


def goto(page, url, status=200):
    response = page.goto(url)
    assert response is not None and response.status == status, (
        f"{url}: HTTP {response.status if response else '-'}, expected {status}")
    return response
