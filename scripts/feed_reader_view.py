"""Look at a search's Atom feed and calendar file the way their readers do.

Fetches a feed URL from a running server, parses it with feedparser (the parser many feed
readers use) and writes a simple reader-like HTML page: the feed's title and date, then each
entry with title, date, source, topics, summary and the (sanitised) content. With --ics it
also fetches a calendar file, reads it with the icalendar package and prints its events as a
table (and writes them into a second page). With --shots it photographs both pages in
headless Chromium at 1280 and 360 px.

    .venv/bin/python scripts/feed_reader_view.py \
        "http://127.0.0.1:8104/de/angebote/feed.atom?topic=sprache&city=marl" \
        --ics "http://127.0.0.1:8104/de/angebote/kalender.ics?topic=sprache" \
        --out /tmp/feeds/reader --shots

Also reports the conditional GET: the feed fetched again with its ETag must answer 304.
"""

import argparse
import html
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import feedparser
import icalendar

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = (1280, 360)
STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #eef1f5; color: #1b1b1b; }
header { background: #2d3e50; color: #fff; padding: .75rem 1rem; }
header h1 { margin: 0; font-size: 1.25rem; } header p { margin: .25rem 0 0; opacity: .85; }
main { max-width: 50rem; margin: 0 auto; padding: 1rem; }
article { background: #fff; border-radius: 6px; padding: .75rem 1rem; margin-bottom: .75rem;
          box-shadow: 0 1px 2px rgba(0,0,0,.15); }
article h2 { font-size: 1.1rem; margin: 0 0 .25rem; } .meta { color: #555; font-size: .9rem; }
.tag { display: inline-block; background: #e5eef8; border-radius: 99px; padding: 0 .5rem;
       margin-right: .25rem; font-size: .8rem; }
details { margin-top: .5rem; } dt { font-weight: 700; } dd { margin: 0 0 .25rem; }
table { border-collapse: collapse; background: #fff; font-size: .85rem; width: 100%; }
th, td { border: 1px solid #c9d1db; padding: .3rem .4rem; text-align: left; vertical-align: top; }
"""


def fetch(url, headers=None):
    """(status, headers, body, seconds) of a GET."""
    request = urllib.request.Request(url, headers=headers or {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            return response.status, response.headers, body, time.perf_counter() - started
    except urllib.error.HTTPError as error:  # 304 and 4xx arrive as errors
        return error.code, error.headers, error.read(), time.perf_counter() - started


def page(title, lang, direction, body):
    return (f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>")


def reader_page(parsed, url):
    """A reader-like view: what a person subscribed to this feed would see."""
    feed = parsed.feed
    lang = feed.get("language", "de")
    direction = "rtl" if lang in ("ar", "fa") else "ltr"
    parts = [f"<header><h1>{html.escape(feed.get('title', ''))}</h1>"
             f"<p>{html.escape(feed.get('subtitle', ''))}</p>"
             f"<p>Aktualisiert: {html.escape(feed.get('updated', ''))} · {len(parsed.entries)} Einträge"
             f" · <a style=\"color:#fff\" href=\"{html.escape(feed.get('link', ''))}\">Website</a></p>"
             f"<p><small>{html.escape(url)}</small></p></header><main>"]
    for number, entry in enumerate(parsed.entries):
        tags = "".join(f'<span class="tag">{html.escape(t.get("label") or t.term)}</span>'
                       for t in entry.get("tags", []))
        content = entry.content[0].value if entry.get("content") else ""  # sanitised by feedparser
        parts.append(
            f"<article><h2 dir=\"auto\"><a href=\"{html.escape(entry.link)}\">"
            f"{html.escape(entry.title)}</a></h2>"
            f"<p class=\"meta\">{html.escape(entry.get('updated', ''))} · "
            f"{html.escape(entry.get('author', ''))}</p><p>{tags}</p>"
            f"<p dir=\"auto\">{html.escape(entry.get('summary', ''))}</p>"
            f"<details{' open' if number == 0 else ''}><summary>Details</summary>{content}</details>"
            "</article>")
    parts.append("</main>")
    return page(feed.get("title", "Feed"), lang, direction, "".join(parts))


def calendar_rows(body):
    """The events of an .ics file as rows of text, read with the icalendar package."""
    calendar = icalendar.Calendar.from_ical(body)
    rows = []
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        rrule = event.get("RRULE")
        rows.append({
            "UID": str(event["UID"]),
            "SUMMARY": str(event["SUMMARY"]),
            "DTSTART": start.isoformat() + (f" ({start.tzinfo})" if getattr(start, "tzinfo", None) else ""),
            "DTEND": end.isoformat(),
            "RRULE": rrule.to_ical().decode() if rrule else "",
            "LOCATION": str(event.get("LOCATION", "")),
        })
    return str(calendar.get("X-WR-CALNAME", "")), rows


def calendar_page(name, rows, url):
    head = "".join(f"<th>{key}</th>" for key in ("SUMMARY", "DTSTART", "DTEND", "RRULE", "LOCATION"))
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(row[key])}</td>"
                         for key in ("SUMMARY", "DTSTART", "DTEND", "RRULE", "LOCATION")) + "</tr>"
        for row in rows)
    return page(name, "de", "ltr",
                f"<header><h1>{html.escape(name)}</h1><p>{len(rows)} Termine · {html.escape(url)}</p>"
                f"</header><main><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></main>")


def screenshot(files):
    from playwright.sync_api import sync_playwright

    shots = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in files:
            for width in WIDTHS:
                tab = browser.new_page(viewport={"width": width, "height": 900})
                tab.goto(path.resolve().as_uri())
                shot = path.with_name(f"{path.stem}-{width}.png")
                tab.screenshot(path=str(shot), full_page=width == 360)
                shots.append(shot)
                tab.close()
        browser.close()
    return shots


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("feed_url")
    parser.add_argument("--ics", help="a calendar URL to read as well")
    parser.add_argument("--out", default="/tmp/feeds/reader", help="file name stem of the pages")
    parser.add_argument("--shots", action="store_true", help="screenshot the pages in Chromium")
    args = parser.parse_args()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)

    status, headers, body, seconds = fetch(args.feed_url)
    if status != 200:
        sys.exit(f"feed: HTTP {status}")
    parsed = feedparser.parse(body)
    print(f"feed: {status} {headers.get('Content-Type')} {len(body)} bytes in {seconds * 1000:.0f} ms, "
          f"{len(parsed.entries)} entries, well-formed: {not parsed.bozo}")
    again, _h, again_body, again_seconds = fetch(args.feed_url, {"If-None-Match": headers["ETag"]})
    print(f"feed again with If-None-Match: {again} ({len(again_body)} bytes, {again_seconds * 1000:.0f} ms)")
    print(f"  title: {parsed.feed.get('title')}")
    for entry in parsed.entries[:10]:
        print(f"  - {entry.get('updated', '')[:19]}  {entry.title}  [{entry.get('author', '')}]")
    files = [out.with_name(out.name + "-feed.html")]
    files[0].write_text(reader_page(parsed, args.feed_url), encoding="utf-8")

    if args.ics:
        status, headers, body, seconds = fetch(args.ics)
        if status != 200:
            sys.exit(f"calendar: HTTP {status}")
        name, rows = calendar_rows(body)
        longest = max(len(line) for line in body.split(b"\r\n"))
        print(f"calendar: {status} {headers.get('Content-Type')} {len(body)} bytes in "
              f"{seconds * 1000:.0f} ms, {len(rows)} events, longest line {longest} octets, "
              f"{headers.get('Content-Disposition')}")
        print(f"  {'DTSTART':<40} {'RRULE':<40} SUMMARY")
        for row in rows:
            print(f"  {row['DTSTART']:<40} {row['RRULE'][:40]:<40} {row['SUMMARY'][:60]}")
        files.append(out.with_name(out.name + "-calendar.html"))
        files[1].write_text(calendar_page(name, rows, args.ics), encoding="utf-8")

    for path in files:
        print(f"wrote {path}")
    if args.shots:
        for shot in screenshot(files):
            print(f"screenshot {shot}")


if __name__ == "__main__":
    main()
