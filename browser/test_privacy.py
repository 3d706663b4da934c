"""Browsing the public pages in three languages sends no request to another origin, and the
browser holds no cookie afterwards."""

from urllib.parse import urlsplit

from browser.helpers import goto

PATHS = ["/", "/angebote/", "/angebote/?city=marl&topic=sprache", "<offer>", "/anbieter/", "<provider>",
         "/ansprechpersonen/", "/leichte-sprache/", "/datenschutz/", "<merk>", "/einbinden/"]


def test_public_pages_stay_on_the_origin_and_set_no_cookie(context, base_url, demo_paths):
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    origin = urlsplit(base_url)[:2]
    pages = 0
    for lang in ("de", "ar", "uk"):
        for path in PATHS:
            goto(page, f"{base_url}/{lang}{demo_paths.get(path.strip('<>'), path)}")
            pages += 1
        # and a search typed into the form on the start page
        goto(page, f"{base_url}/{lang}/")
        pages += 1
        page.locator("main input[type=search]").first.fill("Beratung")
        with page.expect_navigation():
            page.locator("main input[type=search]").first.press("Enter")
        pages += 1
    foreign = [url for url in requests if not url.startswith("data:") and urlsplit(url)[:2] != origin]
    assert not foreign, f"requests to other origins: {foreign}"
    assert context.cookies() == [], f"cookies after browsing: {context.cookies()}"
    assert pages == 39 and len(requests) > pages
    print(f"privacy: {pages} pages, {len(requests)} requests, {len(foreign)} to other origins, "
          f"{len(context.cookies())} cookies")
