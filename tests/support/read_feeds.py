"""Reads feed files with Python's feedparser and prints what it saw, as JSON, for tests/parsers.test.ts.

Usage: /usr/bin/python3 tests/support/read_feeds.py FILE...

Prints one JSON object: {"feedparser": VERSION, "feeds": {FILE: {...}, ...}}. Dates are taken from
feedparser's *_parsed values (struct_time in UTC) and printed as UTC ISO strings ("2025-02-05T01:24:00Z"),
so the test compares instants, not spellings. Anything feedparser does not expose is null (or []).
Exit status 2 when feedparser cannot be imported, so callers can tell "not installed" from a failure.
"""
import calendar
import datetime
import json
import sys

try:
    import feedparser
except ImportError as e:  # pragma: no cover - reported to the caller
    print(f"feedparser is not available: {e}", file=sys.stderr)
    sys.exit(2)


def iso(struct):
    """struct_time (UTC, as feedparser gives it) -> 'YYYY-MM-DDTHH:MM:SSZ', or None."""
    if not struct:
        return None
    instant = datetime.datetime.fromtimestamp(calendar.timegm(struct), tz=datetime.timezone.utc)
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def own(d, key):
    """d[key] only when the document itself gave it: feedparser 6.0 answers a missing `updated` with
    `published` (and a DeprecationWarning), which would hide whether a feed really carries an update."""
    return dict.get(d, key)


def names(people):
    return [p.get("name") for p in (people or [])]


def plain(d):
    """FeedParserDict (and lists of them) -> plain JSON-able data."""
    if isinstance(d, dict):
        return {str(k): plain(v) for k, v in d.items()}
    if isinstance(d, (list, tuple)):
        return [plain(v) for v in d]
    if d is None or isinstance(d, (str, int, float, bool)):
        return d
    return str(d)


def entry_of(e):
    content = e.get("content") or []
    return {
        "id": e.get("id"),
        "title": e.get("title"),
        "link": e.get("link"),
        "links": [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")} for l in e.get("links", [])],
        "published": iso(e.get("published_parsed")),
        "updated": iso(own(e, "updated_parsed")),
        "published_raw": e.get("published"),
        "updated_raw": own(e, "updated"),
        "author": e.get("author"),
        "authors": names(e.get("authors")),
        "contributors": names(e.get("contributors")),
        "tags": [t.get("term") for t in e.get("tags", [])],
        "tag_schemes": [t.get("scheme") for t in e.get("tags", [])],
        "summary": e.get("summary"),
        # feedparser can give summary_detail a different value from summary (see tests/parsers.test.ts).
        "summary_type": (e.get("summary_detail") or {}).get("type"),
        "summary_detail_value": (e.get("summary_detail") or {}).get("value"),
        "content": content[0].get("value") if content else None,
        "content_type": content[0].get("type") if content else None,
        "media_content": plain(e.get("media_content")),
        "media_credit": plain(e.get("media_credit")),
        "enclosures": [x.get("href") for x in e.get("enclosures", [])],
        # Dateline's own namespace: feedparser keeps an unknown element's attributes (as a dict) and drops
        # its text when it has any, or keeps the text alone (as a string) when it has none.
        "dl_agency": plain(e.get("dl_agency")),
        "dl_dateline": plain(e.get("dl_dateline")),
    }


def read(path):
    with open(path, "rb") as f:
        d = feedparser.parse(f.read())
    feed = d.get("feed", {})
    exc = d.get("bozo_exception")
    return {
        "version": d.get("version") or "",
        "bozo": bool(d.get("bozo")),
        "bozo_exception": f"{type(exc).__name__}: {exc}" if exc is not None else None,
        "feed": {
            "title": feed.get("title"),
            "link": feed.get("link"),
            "updated": iso(own(feed, "updated_parsed")),
        },
        "entries": [entry_of(e) for e in d.get("entries", [])],
    }


def main(paths):
    out = {"feedparser": feedparser.__version__, "feeds": {p: read(p) for p in paths}}
    json.dump(out, sys.stdout, ensure_ascii=True, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
