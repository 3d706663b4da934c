"""Keyboard only: the skip link, a search, the filters, a result and its contact, reached with
Tab, Enter and Space; at every focus stop the focused element shows a focus indicator and is in
the window."""

import re

import pytest

from browser.helpers import goto

# The focused element: what it is, whether its focus is visible (an outline of at least 2 px or
# a box-shadow) and whether it lies within the window.
FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id || '', type: el.type || '',
    cls: typeof el.className === 'string' ? el.className : '',
    href: el.getAttribute('href') || '',
    text: (el.innerText || el.value || '').trim().slice(0, 50),
    checked: !!el.checked, inForm: el.form ? el.form.id : '',
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== 'none',
    inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
  };
}"""


class Keyboard:
    """Presses keys on a page and checks every focus stop; counts the key presses."""

    def __init__(self, page):
        self.page = page
        self.steps = 0
        self.stops = []

    def focused(self):
        return self.page.evaluate(FOCUS_JS)

    def press(self, key):
        self.steps += 1
        self.page.keyboard.press(key)

    def tab(self, may_leave=False):
        self.press("Tab")
        focus = self.focused()
        if focus is None and may_leave:
            return None  # past the last element: focus went to the browser's own interface
        assert focus is not None, f"Tab left the page's elements on {self.page.url}"
        where = (f"{focus['tag']}#{focus['id']}.{focus['cls']} {focus['href']} {focus['text']!r} "
                 f"on {self.page.url}")
        assert focus["outline"] or focus["shadow"], f"no visible focus indicator: {where}"
        assert focus["inView"], f"the focused element is outside the window: {where}"
        self.stops.append(where)
        return focus

    def tab_until(self, matches, what, limit=150):
        for _ in range(limit):
            focus = self.tab()
            if matches(focus):
                return focus
        raise AssertionError(f"{what} not reached with {limit} Tabs on {self.page.url}")


@pytest.fixture
def phone(context):
    """A phone-sized window: the filter panel starts closed and applies with its button."""
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    return page


def test_search_filter_offer_and_contact_with_the_keyboard_only(phone, base_url):
    page, keys = phone, Keyboard(phone)
    goto(page, f"{base_url}/de/")

    skip = keys.tab()
    assert "skip-link" in skip["cls"] and skip["href"] == "#main", f"first focus stop: {skip}"
    keys.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", "the skip link does not move focus to main"

    keys.tab_until(lambda f: f["id"] == "q", "the search field")
    page.keyboard.type("Deutsch")
    with page.expect_navigation():
        keys.press("Enter")
    assert re.search(r"/de/angebote/\?q=Deutsch", page.url), page.url

    keys.tab_until(lambda f: f["tag"] == "summary", "the filter panel's summary")
    keys.press("Enter")
    assert page.locator("#filter-panel").evaluate("d => d.open"), "Enter does not open the filter panel"
    keys.tab_until(lambda f: f["id"] == "f-city-marl", "the Marl checkbox")
    keys.press("Space")
    assert page.locator("#f-city-marl").is_checked(), "Space does not tick the checkbox"
    keys.tab_until(lambda f: f["inForm"] == "filters" and f["type"] == "submit", "the apply button")
    with page.expect_navigation():
        keys.press("Enter")
    assert "city=marl" in page.url and "q=Deutsch" in page.url, page.url

    keys.tab_until(lambda f: re.fullmatch(r"/de/angebote/\d+/", f["href"]) is not None, "the first result")
    with page.expect_navigation():
        keys.press("Enter")
    assert re.search(r"/de/angebote/\d+/$", page.url), page.url

    contact = keys.tab_until(lambda f: f["href"].startswith(("tel:", "mailto:")), "a tel:/mailto: contact")
    assert contact["href"], contact
    print(f"keyboard journey: {keys.steps} key presses, {len(keys.stops)} focus stops checked")


@pytest.mark.parametrize("path", ["/de/", "/de/angebote/", "/ar/angebote/", "<offer>", "/de/konto/anmelden/"])
def test_every_focus_stop_is_visible(context, base_url, demo_paths, path):
    """Tab through the whole page at 1280 px: every stop shows its focus and is in the window."""
    page = context.new_page()
    goto(page, base_url + ("/de" + demo_paths["offer"] if path == "<offer>" else path))
    keys, first = Keyboard(page), None
    for _ in range(250):
        focus = keys.tab(may_leave=True)
        if focus is None:
            break
        key = (focus["tag"], focus["id"], focus["href"], focus["text"])
        if key == first:
            break
        first = first or key
    else:
        pytest.fail(f"more than 250 focus stops on {path}")
    assert len(keys.stops) > 5
    print(f"{path}: {len(keys.stops)} focus stops, each visible and in the window")
