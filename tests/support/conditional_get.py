"""Fetches one feed URL with feedparser, conditionally when given validators, and prints what came back, as
JSON, for tests/clients.test.ts.

Usage: /usr/bin/python3 -I tests/support/conditional_get.py URL [--etag ETAG] [--modified HTTP-DATE]

feedparser.parse(URL, etag=..., modified=...) is how feedparser's own documentation has a poller send
If-None-Match and If-Modified-Since: the values are the `etag` and `modified` of the previous result.
Prints one JSON object: {"feedparser": VERSION, "status": HTTP status or null, "etag", "modified",
"version", "bozo", "bozo_exception", "entries": [entry ids]}. Exit status 2 when feedparser cannot be
imported, so callers can tell "not installed" from a failure.
"""
import argparse
import json
import socket
import sys

try:
    import feedparser
except ImportError as e:  # pragma: no cover - reported to the caller
    print(f"feedparser is not available: {e}", file=sys.stderr)
    sys.exit(2)


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("--etag")
    p.add_argument("--modified")
    args = p.parse_args(argv)
    # feedparser sets no timeout of its own; a stalled server must not hold the test (it also has its own).
    socket.setdefaulttimeout(10)
    kwargs = {}
    if args.etag is not None:
        kwargs["etag"] = args.etag
    if args.modified is not None:
        kwargs["modified"] = args.modified
    d = feedparser.parse(args.url, **kwargs)
    exc = d.get("bozo_exception")
    out = {
        "feedparser": feedparser.__version__,
        "status": d.get("status"),
        "etag": d.get("etag"),
        "modified": d.get("modified"),
        "version": d.get("version") or "",
        "bozo": bool(d.get("bozo")),
        "bozo_exception": f"{type(exc).__name__}: {exc}" if exc is not None else None,
        "entries": [e.get("id") for e in d.get("entries", [])],
    }
    json.dump(out, sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
