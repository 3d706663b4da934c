"""The results page with 20 offers transfers at most 50 KB in all (gzip) on a cold load: a new
browser context without cache, measured with the DevTools protocol (bytes on the wire, headers
included)."""

from browser.helpers import goto

LIMIT = 50 * 1000  # bytes


def test_results_page_cold_load_is_light(context, base_url):
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    responses, finished = {}, {}
    cdp.on("Network.responseReceived", lambda event: responses.__setitem__(event["requestId"], event))
    cdp.on("Network.loadingFinished",
           lambda event: finished.__setitem__(event["requestId"], event["encodedDataLength"]))
    sent = []
    page.on("request", lambda request: sent.append(request))
    goto(page, f"{base_url}/de/angebote/")
    page.wait_for_load_state("networkidle")
    assert page.locator("ol.cards > li.card").count() == 20, "the results page does not show 20 offers"

    by_type, lines = {}, []
    for request_id, event in responses.items():
        response = event["response"]
        size = finished.get(request_id, 0)
        kind = event["type"]  # Document, Stylesheet, Script, Image, ...
        by_type[kind] = by_type.get(kind, 0) + size
        headers = {name.lower(): value for name, value in response["headers"].items()}
        lines.append(f"{size:>7} B  {kind:<10} {headers.get('content-encoding', '-'):<5} {response['url']}")
        if kind in ("Document", "Stylesheet", "Script"):
            assert headers.get("content-encoding") in ("gzip", "br"), f"not compressed: {response['url']}"
    total = sum(by_type.values())
    report = "\n".join(lines) + f"\n{total} B in all: {by_type}"
    print("results page, cold load:\n" + report)
    assert "Document" in by_type and "Stylesheet" in by_type
    assert "gzip" in sent[0].all_headers().get("accept-encoding", ""), "the page does not ask for gzip"
    assert total <= LIMIT, f"the results page transfers {total} B > {LIMIT} B:\n{report}"
