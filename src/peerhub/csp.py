"""A Content-Security-Policy for each built page, as a <meta> tag.

Everything loads from the site itself. Inline scripts are allowed only by the
SHA-256 of their exact text (the theme's few small ones, which differ by page
depth), so a script that found its way into contributor text could not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_HEAD = re.compile(r"<head[^>]*>", re.I)
_DATA_ONLY = re.compile(r"""\btype=["']application/(ld\+)?json["']""")

BASE_POLICY = (
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def policy(html: str) -> str:
    """The policy for one page: the base policy plus hashes of its inline scripts."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or _DATA_ONLY.search(attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    scripts = " ".join(["script-src 'self'", *sorted(set(hashes))])
    return "; ".join([BASE_POLICY[0], scripts, *BASE_POLICY[1:]])


def with_policy(html: str) -> str:
    """The page with its policy as the first element of <head>."""
    head = _HEAD.search(html)
    if head is None:
        return html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[: head.end()] + tag + html[head.end() :]
