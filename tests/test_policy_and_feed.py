"""The security policy and the Atom feed, in-process (the build tests see them through
MkDocs in a separate process, where mutation testing cannot follow)."""

from __future__ import annotations

import base64
import hashlib
import xml.etree.ElementTree as ET
from pathlib import Path

import material
import pytest

from peerhub.render.csp import (
    KnownScripts,
    Scan,
    UnexpectedScript,
    known_scripts,
    parse,
    policy,
    quick_scan,
    with_policy,
)
from peerhub.render.feed import atom_feed
from peerhub.render.project import load_site

from conftest import REPO, VALID_GROUP, make_project

THEME = [Path(material.__file__).parent / "templates", REPO / "overrides"]
BASE_SCRIPT = (
    '__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+'
    "_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem("
    't.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+'
    '"."+e,JSON.stringify(_))}catch(e){}}'
)


@pytest.fixture(scope="module")
def known() -> KnownScripts:
    return known_scripts(THEME)


def sha(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_the_policy_allows_exactly_the_themes_scripts(known: KnownScripts) -> None:
    html = (
        "<html><head><title>x</title></head><body><header>h</header>"
        f"<script>{BASE_SCRIPT}</script>"
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="assets/x.js"></script></body></html>'
    )
    assert policy(html, known) == (
        f"default-src 'self'; script-src 'self' {sha(BASE_SCRIPT)}; img-src 'self' data:; "
        "style-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )
    out = with_policy(html, known)
    assert out.startswith(
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src'
    )
    assert out.count("<header>") == 1
    assert "<header><meta" not in out


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",
        BASE_SCRIPT.replace("../..", '"+alert(1)+"'),  # a template value may not add code
        BASE_SCRIPT + ";alert(1)",
        "",
    ],
)
def test_any_other_inline_script_is_refused(script: str, known: KnownScripts) -> None:
    with pytest.raises(UnexpectedScript):
        policy(f"<head></head><body><script>{script}</script></body>", known)


def test_a_page_without_a_head_is_refused(known: KnownScripts) -> None:
    with pytest.raises(UnexpectedScript):
        with_policy("<body>no head</body>", known)


def test_known_scripts_skip_data_and_external_scripts(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text(
        '<script src="a.js"></script><script type="application/json">{"x": 1}</script>'
        "<script>{% if x %}a(){% endif %}</script><script>b({{ base_url }})</script>"
    )
    known = known_scripts([tmp_path])
    assert len(known.patterns) == 1
    assert known.hash_of("b(../x/)") == sha("b(../x/)")
    with pytest.raises(UnexpectedScript):
        known.hash_of("b(x);c()")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<html><head><title>t</title></head></html>", Scan((), 12)),
        ('<HEAD lang="en">\n<SCRIPT>a()</SCRIPT>', Scan(("a()",), 16)),
        ("<header>h</header><head>", Scan((), 24)),
        ('<head><script type="application/json">{"a": 1}</script>', Scan((), 6)),
        ("<head><script type=' Application/LD+JSON '>{}</script>", Scan((), 6)),
        ('<head><script src="x.js"></script><script async src=y.js></script>', Scan((), 6)),
        ('<head><script type="module">m()</script>', Scan(("m()",), 6)),
        # A repeated attribute: browsers keep the first.
        ('<head><script type="application/json" type="module">{}</script>', Scan((), 6)),
        ('<head><script type="module" TYPE="application/json">n()</script>', Scan(("n()",), 6)),
        ('<head><script data-x="a>b">x()</script>', Scan(("x()",), 6)),
        ("<head><script>a < b\n</script ><script></script>", Scan(("a < b\n", ""), 6)),
        ("<body>no head</body>", Scan((), None)),
    ],
)
def test_both_scans_find_the_scripts_that_run_and_the_head(html: str, expected: Scan) -> None:
    assert parse(html) == expected
    assert quick_scan(html) == expected


def group(name: str, added: str) -> str:
    return VALID_GROUP.replace("Example circle", name).replace("2025-01-15", added)


def test_feed_lists_the_newest_groups_with_absolute_links(tmp_path: Path) -> None:
    groups = {f"g{i:02d}.yml": group(f"Group {i}", f"2025-{1 + i % 12:02d}-01") for i in range(60)}
    groups["zz-private.yml"] = group("Private", "2025-12-31") + "visibility: private\n"
    hub = load_site(make_project(tmp_path / "hub", groups=groups))
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(atom_feed(hub, "https://hub.example.org/sub"))
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 50
    assert feed.findtext(f"{atom}id") == "https://hub.example.org/sub/groups/feed.xml"
    assert feed.find(f"{atom}link[@rel='self']").get("href") == (
        "https://hub.example.org/sub/groups/feed.xml"
    )
    assert feed.find(f"{atom}link").get("href") == "https://hub.example.org/sub/groups/"
    assert feed.findtext(f"{atom}updated") == "2025-12-01T00:00:00Z"  # not the private one
    first = entries[0]
    assert first.findtext(f"{atom}title") == "Group 59"  # newest date, then address
    assert first.findtext(f"{atom}id") == "https://hub.example.org/sub/groups/g59/"
    assert first.find(f"{atom}link").get("href") == first.findtext(f"{atom}id")
    assert first.findtext(f"{atom}updated") == "2025-12-01T00:00:00Z"
    assert first.findtext(f"{atom}summary").startswith("Six team leads")
    dates = [e.findtext(f"{atom}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert "Private" not in [e.findtext(f"{atom}title") for e in entries]


def test_refusals_say_what_was_found(known: KnownScripts) -> None:
    body = "steal(\n   document.cookie);" + "x" * 100
    with pytest.raises(UnexpectedScript) as caught:
        known.hash_of(body)
    shown = ("steal( document.cookie);" + "x" * 100)[:80]
    assert str(caught.value) == f"an inline script no theme template emits: {shown!r}"
    with pytest.raises(UnexpectedScript, match=r"^the page has no <head> to carry its security"):
        with_policy("<html><header>h</header><body></body></html>", known)


def test_a_known_script_with_a_multi_line_body_is_hashed(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text("<script>\n  a({{ url }});\n  b();\n</script>")
    known = known_scripts([tmp_path])
    body = "\n  a(../x/);\n  b();\n"
    assert known.hash_of(body) == sha(body)
    assert policy(f"<head></head><script>{body}</script>", known).startswith(
        f"default-src 'self'; script-src 'self' {sha(body)}; img-src"
    )
