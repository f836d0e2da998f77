"""The page-building components: HTML for cards, tables and whole pages.

Maintainers call these from guides through mkdocs-macros (`{{ group_card("x") }}`);
the build calls the same functions to generate every format, group and outcome page.
Templates are autoescaped, and every value they print is also made Markdown-inert,
so contributor text is data, never markup or template code.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from peerhub.content.settings import options
from peerhub.content.vocabulary import (
    OUTCOME_IDS,
)
from peerhub.decisions.advice import MEASURES, advice_for, advice_rules, condition
from peerhub.decisions.charts import geometry
from peerhub.decisions.checkins import COUNTS, QUESTIONS, SCALE, months_running, trends
from peerhub.decisions.evidence import LEVELS, matching_groups, rules
from peerhub.decisions.facets import FACET_LABELS, FACETS
from peerhub.decisions.joining import intake
from peerhub.decisions.picker.agenda import timetable
from peerhub.decisions.picker.choices import Constraints
from peerhub.decisions.picker.recommend import design_key
from peerhub.decisions.views import GroupView
from peerhub.render import urls
from peerhub.render.cards import BLANK, design_card
from peerhub.render.catalog import card_values, catalog_filters
from peerhub.render.deck import CUT_MARKS, cards, sheets
from peerhub.render.markup import prose, text
from peerhub.render.picker_table import CHOICE_LABELS, CHOICES
from peerhub.render.templating import ENVIRONMENT, compact
from peerhub.site import Site

__all__ = ["Components"]


class Components:
    """Renders components for one hub; `page` is the site URL the HTML will sit on.
    `card_pdfs`: the build prints the card deck's PDFs, so pages may link them.
    """

    def __init__(self, hub: Site, *, card_pdfs: bool = True) -> None:
        self.hub = hub
        self.pdfs = urls.CARD_PDFS if card_pdfs else None

    def _render(self, template: str, page: str, **context: Any) -> Markup:
        def link(target: str) -> Markup:
            # Our own URLs, built from validated slugs: nothing in them needs escaping.
            return Markup(urls.relative(target, page))  # noqa: S704 - see the comment above

        def links(pairs: list[tuple[str, str]]) -> Markup:
            return Markup(", ").join(
                Markup('<a href="{}">{}</a>').format(link(url), text(name)) for url, name in pairs
            )

        def outcome_links(ids: list[str]) -> Markup:
            return links([(urls.outcome_url(o), self.hub.outcomes[o].name) for o in ids])

        def format_links(slugs: list[str]) -> Markup:
            return links([(urls.format_url(s), self.hub.formats[s].name) for s in slugs])

        html = ENVIRONMENT.get_template(template).render(
            hub=self.hub,
            link=link,
            urls=urls,
            outcome_ids=OUTCOME_IDS,
            outcome_links=outcome_links,
            format_links=format_links,
            **context,
        )
        return compact(html)

    def settings_reference(self, page: str = "") -> Markup:
        """The maintainers' options under `extra.peerhub`, from their docstrings."""
        return self._render("settings_reference.html", page, options=options())

    # The evaluation kit
    def checkin_questions(self, sheet: str = "", page: str = "") -> Markup:
        """A check-in's questions and 1-5 scale; `sheet="sheet"` adds blanks to write in."""
        return self._render(
            "checkin_questions.html",
            page,
            counts=COUNTS,
            questions=QUESTIONS,
            scale=SCALE,
            sheet=bool(sheet),
        )

    def evidence_rules(self, page: str = "") -> Markup:
        """How groups become evidence for formats and designs: the maturity levels and
        when medians are shown, as `/evaluate/` states them.
        """
        return self._render("evidence_rules.html", page, rules=rules(self.hub.settings.min_groups))

    def checkin_advice(self, page: str = "") -> Markup:
        """Every rule for a measure that is low or falling at a check-in: its threshold,
        what to try, and the sentence of the guide or format it comes from.
        """
        return self._render(
            "checkin_advice.html",
            page,
            rules=advice_rules(),
            measures=MEASURES,
            condition=condition,
        )

    # Formats
    def format_card(self, slug: str, page: str = "") -> Markup:
        """A small card for one format: name, summary, size and timing."""
        return self._render("format_card.html", page, slug=slug, fmt=self.hub.formats[slug])

    def format_page(self, slug: str, page: str = "") -> Markup:
        """The full page of one format, with the designs and the groups that use it."""
        users = [(s, g) for s, g in self._group_views().items() if slug in g.formats]
        designs = [
            (urls.outcome_url(oid) + f"#design-{number}", outcome.name, design.title)
            for oid, outcome in self.hub.outcomes.items()
            for number, design in enumerate(outcome.designs, 1)
            if slug in design.formats
        ]
        fmt = self.hub.formats[slug]
        agenda = timetable((s.step, s.minutes, s.detail) for s in fmt.agenda)
        evidence = self.hub.evidence["formats"][slug]
        return self._render(
            "format_page.html",
            page,
            slug=slug,
            fmt=fmt,
            users=users,
            designs=designs,
            agenda=agenda,
            evidence=evidence,
            said=evidence.texts("format"),
            levels=LEVELS,
        )

    def formats_index(self, page: str = "") -> Markup:
        """The format catalog: a card for every format, and the filters that narrow it."""
        return self._render(
            "formats_index.html",
            page,
            pdf=self.pdfs,
            filters=catalog_filters(self.hub),
            values={slug: card_values(fmt) for slug, fmt in self.hub.formats.items()},
        )

    def format_deck(self, page: str = "", site_url: str = "") -> Markup:
        """The printable card deck of every format; `site_url` makes its QR codes' links."""
        deck = cards(self.hub, site_url)
        return self._render(
            "format_deck.html",
            page,
            deck=deck,
            sheets=sheets(deck),
            cut_marks=CUT_MARKS,
            pdf=self.pdfs,
        )

    # Groups
    def group_card(self, slug: str, page: str = "") -> Markup:
        """A small card for one published group, named by its file name (`groups/<slug>.yml`)."""
        published = self.hub.addresses.get(slug)
        if published is None:
            raise KeyError(f"no published group '{slug}' (private groups have no page or card)")
        view = self._group_views()[published]
        return self._render("group_card.html", page, slug=published, group=view)

    def group_page(self, address: str, page: str = "") -> Markup:
        """The full page of one published group, by its address (see `masking.address`)."""
        group = self._group_views()[address]
        return self._render(
            "group_page.html",
            page,
            slug=address,
            group=group,
            story=prose(group.story),
            trends=trends(group.checkins),
            advice=advice_for(group.checkins),
            months=months_running(group, self.hub.today),
            intake=intake(group.next_intake, self.hub.today),
        )

    def groups_index(
        self, page: str = "", slugs: list[str] | None = None, number: int = 1, pages: int = 1
    ) -> Markup:
        """One page of the group directory (by default: every published group)."""
        views = self._group_views()
        chosen = slugs if slugs is not None else [s for s, _ in self.hub.directory_order]
        values = self.hub.facet_values
        return self._render(
            "groups_index.html",
            page,
            groups={s: views[s] for s in chosen},
            total=len(views),
            number=number,
            pages=pages,
            facets=[(f, FACET_LABELS[f], values[f]) for f in FACETS],
        )

    def open_groups(self, page: str = "") -> Markup:
        """How many published groups are open to new members now, in a sentence."""
        return self._render("open_groups.html", page, count=len(self.hub.open_groups))

    # Outcomes
    def outcome_page(self, outcome_id: str, page: str = "") -> Markup:
        """One outcome with its designs and the groups that match each design."""
        outcome = self.hub.outcomes[outcome_id]
        views = self._group_views()
        # The picker's answer with no choice made, so both show the same designs in order.
        shown = self.hub.recommender.recommend(outcome_id, Constraints()).designs
        cards = [
            design_card(
                self.hub, outcome_id, r, number, matching_groups(views, outcome_id, r.design)
            )
            for number, r in enumerate(shown, start=1)
        ]
        return self._render("outcome_page.html", page, outcome=outcome, cards=cards)

    def outcomes_index(self, page: str = "") -> Markup:
        """Links to the ten outcome pages."""
        return self._render("outcomes_index.html", page)

    def outcome_picker(self, page: str = "") -> Markup:
        """The picker form: outcome radios (each also a link) and constraint menus."""
        return self._render(
            "outcome_picker.html",
            page,
            choices=CHOICES,
            choice_labels=CHOICE_LABELS,
            blank_card=BLANK,
        )

    def moved_page(self, name: str, there: str, page: str = "") -> Markup:
        """The page left at a renamed format's old address, pointing at `there`."""
        return self._render("moved_page.html", page, name=name, there=there)

    def start_kit(self, page: str = "") -> Markup:
        """The start kit page; its script fills it in from the picker's answer. Until
        then (or without a chosen design) it lists every design's kit, which also
        keeps the page as tall as the kit that replaces it: nothing below it moves.
        """
        kits = [
            (outcome.name, [(d.title, urls.kit_url(oid, design_key(oid, f"{oid}/{n}")))
                            for n, d in enumerate(outcome.designs, start=1)])
            for oid, outcome in self.hub.outcomes.items()
        ]  # fmt: skip
        return self._render("start_kit.html", page, kits=kits)

    def outcomes_table(self, page: str = "") -> Markup:
        """A table of the ten outcomes, their questions and first designs."""
        return self._render("outcomes_table.html", page)

    def group_sizes(self, page: str = "") -> Markup:
        """A table of the published groups that recorded their size."""
        sized = {slug: view for slug, view in self._group_views().items() if view.size.recorded}
        return self._render("group_sizes.html", page, groups=sized)

    def outcome_counts(self, page: str = "") -> Markup:
        """How many published groups serve each outcome first."""
        ids = [o for o in OUTCOME_IDS if o in self.hub.outcomes]
        groups = self.hub.published_views.values()
        counts = {o: sum(1 for g in groups if g.outcomes.primary == o) for o in ids}
        return self._render("outcome_counts.html", page, counts=counts)

    def group_chart(self, key: str, page: str = "") -> Markup:
        """One figure about the groups: sizes, cadences, outcomes or lifespans."""
        chart = self.hub.charts[key]
        return self._render("chart.html", page, chart=chart, geometry=geometry(chart))

    def hub_figures(self, page: str = "") -> Markup:
        """Headline counts: formats, outcomes, published groups and those still meeting."""
        groups = self.hub.published_views.values()
        figures = {
            "formats": len(self.hub.formats),
            "groups": len(groups),
            "active": sum(1 for g in groups if g.status == "active"),
            "outcomes": len(self.hub.outcomes),
        }
        return self._render("hub_figures.html", page, figures=figures)

    def _group_views(self) -> dict[str, GroupView]:
        return self.hub.published_views
