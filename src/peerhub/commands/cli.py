"""The `peerhub` command: check content (`validate`), start new files (`new`), refresh
the JSON Schemas (`schema`), turn an issue into a group file or check-in
(`from-issue`), write the issue forms (`issue-form`) and build the site atomically
(`build`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from peerhub.adapter.sitebuild import Builder, build_site, mkdocs_builder
from peerhub.adapter.withdrawal import withdrawn
from peerhub.commands.issues.definitions import checkin_form_yaml, form_yaml
from peerhub.commands.issues.questions import checkin_fields, form_fields
from peerhub.commands.issues.reader import checkin_from_issue, group_from_issue
from peerhub.commands.issues.reply import reply
from peerhub.commands.scaffold import scaffold
from peerhub.content.collector import collect_less
from peerhub.content.filenames import slugify
from peerhub.render.deck import print_deck
from peerhub.render.project import check_project, load_site
from peerhub.render.schema import schemas
from peerhub.render.urls import CARDS_ENV, FORMAT_CARDS, PLACEHOLDER_SITE_URL, unpublishable

__all__ = [
    "ISSUE_FORM",
    "from_issue",
    "main",
    "new_file",
    "validate",
    "write_issue_form",
    "write_schemas",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run `peerhub`; the exit status is 0 when all went well."""
    collect_less()
    parser = argparse.ArgumentParser(prog="peerhub", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("validate", help="check formats, groups and outcomes")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders to report on (default: the whole project)",
    )
    check.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")

    new = sub.add_parser("new", help="write a new group or format file from a template")
    new.add_argument("kind", choices=["group", "format"])
    new.add_argument("name", help='the name, in quotes: "Finance leaders circle"')
    new.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")

    schema = sub.add_parser("schema", help="write the JSON Schemas into schema/")
    schema.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")

    issue = sub.add_parser(
        "from-issue",
        help="turn a 'share your experience' issue into a group file, or add a "
        "'record a check-in' issue to one",
    )
    issue.add_argument("body", help="a file holding the issue body, or - for standard input")
    issue.add_argument("--write", action="store_true", help="write the group file")
    issue.add_argument(
        "--comment", type=Path, help="when answers need fixing, write the bot's reply here"
    )
    issue.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")

    form = sub.add_parser("issue-form", help="write the issue forms into .github/")
    form.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")

    build = sub.add_parser("build", help="validate, then build into site/ atomically")
    build.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    build.add_argument(
        "--cards",
        action="store_true",
        help="also print the format cards to formats/cards.pdf (A4) and "
        "formats/cards-letter.pdf with headless Chromium",
    )

    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.root, args.paths)
    if args.command == "new":
        return new_file(args.root, args.kind, args.name)
    if args.command == "from-issue":
        return from_issue(args.root, args.body, write=args.write, comment_to=args.comment)
    if args.command == "issue-form":
        return write_issue_form(args.root)
    if args.command == "build":
        root = args.root.resolve()
        builder = _with_cards(mkdocs_builder(root)) if args.cards else None
        return build_site(
            root,
            builder=builder,
            check=lambda: validate(root, []),
            withdrawn=lambda site: withdrawn(root, site),
        )
    return write_schemas(args.root)


def _with_cards(builder: Builder) -> Builder:
    """`builder`, then the card deck's PDFs printed from the site it wrote; a deck
    that cannot be printed fails the build, so the old site stays published.
    """

    def build(target: Path) -> int:
        before = os.environ.get(CARDS_ENV)
        os.environ[CARDS_ENV] = "1"  # the pages link the PDFs printed below
        try:
            code = builder(target)
        finally:
            if before is None:
                del os.environ[CARDS_ENV]
            else:
                os.environ[CARDS_ENV] = before
        if code != 0:
            return code
        try:
            written = print_deck(target)
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"error: the card deck was not printed: {error}", file=sys.stderr)
            return 1
        for path in written:
            print(f"printed formats/{path.name}", file=sys.stderr)
        deck = (target / FORMAT_CARDS / "index.html").read_text(encoding="utf-8")
        if PLACEHOLDER_SITE_URL in deck and (note := unpublishable(PLACEHOLDER_SITE_URL)):
            print(f"warning: {note}", file=sys.stderr)  # printed cards cannot be fixed later
        return 0

    return build


def validate(root: Path, paths: Sequence[Path]) -> int:
    """Print every problem; exit 1 when any is an error."""
    root = root.resolve()
    hub, problems = check_project(root)
    if paths:
        wanted = [_relative(root, p) for p in paths]
        problems = [p for p in problems if any(_covers(w, p.path) for w in wanted)]
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem)
        if annotate:
            print(problem.github_annotation())
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    counted = len(hub.formats) + len(hub.groups) + len(hub.outcomes)
    if problems:
        print(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}", file=sys.stderr)
    else:
        print(f"all content is valid ({_plural(counted, 'file')})", file=sys.stderr)
    return 1 if errors else 0


def _relative(root: Path, path: Path) -> str:
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return absolute.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _covers(wanted: str, problem_path: str) -> bool:
    return (
        wanted in {".", ""}
        or problem_path == wanted
        or problem_path.startswith(wanted.rstrip("/") + "/")
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def new_file(root: Path, kind: str, name: str) -> int:
    """Write groups/<slug>.yml or formats/<slug>.yml from the commented template."""
    slug = slugify(name)
    if not slug:
        print(
            f"error: cannot make a file name from {name!r}; use letters or digits", file=sys.stderr
        )
        return 2
    folder = root / f"{kind}s"
    target = folder / f"{slug}.yml"
    if target.exists():
        print(f"error: {target.relative_to(root)} already exists", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    text = scaffold(kind, name)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(root)}: fill it in, then run `peerhub validate`")
    return 0


def from_issue(root: Path, body_path: str, *, write: bool, comment_to: Path | None = None) -> int:
    """Print (or write) the group file an issue body describes: a new group from the
    "share your experience" form, or a group's file with one more check-in from the
    "record a check-in" form. Exit 1 with the problems.
    """
    body = sys.stdin.read() if body_path == "-" else Path(body_path).read_text(encoding="utf-8")
    hub = load_site(root)
    display = "issue" if body_path == "-" else Path(body_path).name
    if CHECKIN_HEADING in body:
        path, text, problems = checkin_from_issue(hub, body, display)
        done, questions = f"added a check-in to {path}", checkin_fields()
    else:
        slug, text, problems = group_from_issue(hub, body, display)
        path, done = f"groups/{slug}.yml", f"wrote groups/{slug}.yml"
        questions = form_fields(hub)
    for problem in problems:
        print(problem)
    if any(p.severity == "error" for p in problems):
        if comment_to:
            comment_to.write_text(reply(problems, questions), encoding="utf-8")
        return 1
    if not write:
        print(text, end="")
        return 0
    (root / path).write_text(text, encoding="utf-8", newline="")  # CRLF stays CRLF
    print(done)
    return 0


#: The first question of the check-in form, which tells its issues apart.
CHECKIN_HEADING = f"### {checkin_fields()[0].label}"
ISSUE_FORM = Path(".github/ISSUE_TEMPLATE/share-experience.yml")
CHECKIN_FORM = Path(".github/ISSUE_TEMPLATE/record-check-in.yml")


def write_issue_form(root: Path) -> int:
    """Refresh the GitHub issue forms from the same field lists `from-issue` reads."""
    for target, text in (
        (ISSUE_FORM, form_yaml(load_site(root))),
        (CHECKIN_FORM, checkin_form_yaml()),
    ):
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        (root / target).write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return 0


def write_schemas(root: Path) -> int:
    """Refresh schema/*.schema.json, the copies editors use through yaml-language-server."""
    folder = root / "schema"
    folder.mkdir(exist_ok=True)
    for name, schema in schemas().items():
        (folder / f"{name}.schema.json").write_text(json.dumps(schema, indent=2) + "\n")
        print(f"wrote schema/{name}.schema.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
