// @ts-check
/* Peer Group Hub outcome picker (loaded on the picker's page only, after hub.js).
 *
 * All decisions are made at build time (peerhub.decisions.picker.recommend), and all
 * words too (peerhub.render.picker_table): this script reads the chosen values, looks
 * the answer up in the chosen outcome's picker data (peerHub.answer), fetched when the
 * outcome is chosen, and places its words in copies of the design card. Text is always set with textContent, never parsed as HTML. Each
 * change is a new history entry, so Back returns to the previous choices.
 */
(window.peerHubReady = window.peerHubReady || []).push(function (hub) {
  "use strict";
  var el = hub.el;
  /** @type {string[]} */
  var FIELDS = hub.DIMENSIONS.slice();
  FIELDS.push("second");

  /**
   * @param {HTMLFormElement} form
   * @returns {Record<string, string>}
   */
  function readState(form) {
    /** @type {Record<string, string>} */
    var state = {};
    var checked = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="outcome"]:checked'));
    state.outcome = checked ? checked.value : "";
    FIELDS.forEach(function (name) {
      var field = /** @type {HTMLSelectElement | undefined} */ (form.elements.namedItem(name));
      state[name] = field ? field.value : "any";
    });
    return state;
  }

  /* Sets the form from the address, except the fields named in `keep`: those the reader
   * set before this script ran. An outcome the form has no radio for chooses none.
   * @param {HTMLFormElement} form
   * @param {Record<string, boolean>} [keep]
   */
  function applyQuery(form, keep) {
    var query = new URLSearchParams(window.location.search);
    var outcome = query.get("outcome");
    keep = keep || {};
    if (!keep.outcome) {
      form.querySelectorAll('input[name="outcome"]').forEach(function (/** @type {HTMLInputElement} */ radio) {
        radio.checked = Boolean(outcome && radio.value === outcome);
      });
    }
    FIELDS.forEach(function (name) {
      if (keep[name]) return;
      var value = query.get(name) || "any";
      var field = /** @type {HTMLSelectElement | null} */ (form.elements.namedItem(name));
      if (field && Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        field.value = value;
      }
    });
  }

  /**
   * The chosen values, as the picker's and the start kit's addresses hold them.
   * @param {Record<string, string>} state
   * @param {URLSearchParams} query
   * @returns {URLSearchParams}
   */
  function withChoices(state, query) {
    FIELDS.forEach(function (name) {
      if (state[name] && state[name] !== "any") query.set(name, state[name]);
    });
    return query;
  }

  /** @param {Record<string, string>} state */
  function queryOf(state) {
    var query = new URLSearchParams();
    if (state.outcome) query.set("outcome", state.outcome);
    return withChoices(state, query);
  }

  /* Fills a copy of the page's blank design card: the template the outcome pages are
   * made from (design_card.html), so a card reads the same with and without script.
   * `card.slots` sets text by data-slot, `card.hrefs` links by data-href, and each of
   * `card.lists` fills one copy of its list's first item per entry, by data-part
   * (a text, or {text, href} for a link); data-when / data-none show what fits.
   * @param {HTMLTemplateElement} blank
   * @param {{slots: Record<string, string>, hrefs: Record<string, string>,
   *   lists: Record<string, Record<string, string | {text: string, href: string}>[]>}} card
   * @returns {HTMLElement}
   */
  function fill(blank, card) {
    var node = /** @type {HTMLElement} */ (blank.content.firstElementChild.cloneNode(true));
    /** @param {string} selector @returns {HTMLElement[]} */
    var all = function (selector) { return Array.prototype.slice.call(node.querySelectorAll(selector)); };
    all("[data-slot]").forEach(function (e) { e.textContent = card.slots[e.getAttribute("data-slot")]; });
    all("[data-href]").forEach(function (e) { e.setAttribute("href", card.hrefs[e.getAttribute("data-href")]); });
    all("[data-list]").forEach(function (list) {
      var items = card.lists[list.getAttribute("data-list")];
      var first = list.firstElementChild;
      list.textContent = "";
      items.forEach(function (item) {
        var copy = /** @type {Element} */ (first.cloneNode(true));
        var parts = [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[data-part]")));
        parts.forEach(function (e) {
          var value = item[e.getAttribute("data-part")];
          if (value === undefined) return;
          if (typeof value === "string") e.textContent = value;
          else { e.textContent = value.text; e.setAttribute("href", value.href); }
        });
        list.appendChild(copy);
      });
    });
    all("[data-when]").forEach(function (e) { e.hidden = !card.lists[e.getAttribute("data-when")].length; });
    all("[data-none]").forEach(function (e) { e.hidden = card.lists[e.getAttribute("data-none")].length > 0; });
    return node;
  }

  /**
   * A link to a page the data names ({name, url}), from this page.
   * @param {Named} page
   * @param {string} root
   */
  function linkTo(page, root) {
    return { link: { text: page.name, href: root + page.url } };
  }

  /**
   * One design's card: the data's words in their slots, and the start kit's address
   * (made at build time) with the reader's choices added to its query.
   * @param {PickerData} data
   * @param {string} root
   * @param {HTMLTemplateElement} blank
   * @param {Adapted} design
   * @param {number} rank
   * @param {Record<string, string>} state
   */
  function renderDesign(data, root, blank, design, rank, state) {
    var d = design.base;
    var number = String(rank + 1);
    var kit = new URL(d.kit, new URL(root, window.location.href));
    withChoices(state, kit.searchParams);
    var node = fill(blank, {
      slots: { number: number, title: d.title, size: design.size, meetings: design.meetings,
               program: d.program, facilitation: d.facilitation, modes: d.modes, who: d.who,
               maturity: data.texts[d.evidence.maturity], lasting: data.texts[d.evidence.lasting],
               medians: data.texts[d.evidence.medians] },
      hrefs: { kit: kit.href },
      lists: {
        formats: d.formats.map(function (slug) { return linkTo(data.formats[slug], root); }),
        changes: design.changes.map(function (c) { return { text: c }; }),
        notes: design.notes.map(function (c) { return { text: c }; }),
        why: d.why,
        agenda: design.agenda.map(function (step) { return { time: step.time, step: step.title, detail: step.detail }; }),
        groups: d.groups.map(function (slug) { return linkTo(data.groups[slug], root); })
      }
    });
    node.id = "design-" + number;
    node.setAttribute("aria-labelledby", "design-" + number + "-title");
    node.querySelector("h3").id = "design-" + number + "-title";
    return node;
  }

  /**
   * @param {HTMLFormElement} form
   * @param {HTMLElement} results
   * @param {PickerData | null} data null while no outcome is chosen
   * @param {string} root
   */
  function render(form, results, data, root) {
    var state = readState(form);
    results.textContent = "";
    delete results.dataset.outcome;
    if (!state.outcome) {
      results.appendChild(el("p", { text: "Choose an outcome to see recommended designs." }));
      return;
    }
    var answer = hub.answer(data, state.outcome, state);
    var outcome = hub.own(data.outcomes, state.outcome);
    results.appendChild(el("h2", { id: "picker-results-title", text: "Recommended designs for " + outcome.name.toLowerCase() }));
    if (answer.second) results.appendChild(el("p", { class: "ph-note", text: answer.second }));
    answer.notes.forEach(function (note) {
      results.appendChild(el("p", { class: "ph-note ph-conflict", text: note }));
    });
    var blank = /** @type {HTMLTemplateElement} */ (document.getElementById("design-card"));
    answer.designs.forEach(function (design, rank) {
      results.appendChild(renderDesign(data, root, blank, design, rank, state));
    });
    results.appendChild(el("p", {}, [el("a", { href: root + outcome.url, text: "All designs for " + outcome.name.toLowerCase() + ", without the picker" })]));
    results.dataset.outcome = state.outcome;  // the outcome whose designs are shown
  }

  /**
   * What the reader chose before this script ran (after an instant navigation the page
   * is usable a moment before its scripts are): controls set where the address is silent.
   * @param {HTMLFormElement} form
   * @returns {Record<string, boolean>}
   */
  function alreadyChosen(form) {
    var query = new URLSearchParams(window.location.search);
    /** @type {Record<string, boolean>} */
    var chosen = {};
    if (!query.get("outcome") && form.querySelector('input[name="outcome"]:checked')) chosen.outcome = true;
    FIELDS.forEach(function (name) {
      var field = /** @type {HTMLSelectElement | null} */ (form.elements.namedItem(name));
      if (!query.get(name) && field && field.value !== "any") chosen[name] = true;
    });
    return chosen;
  }

  function init() {
    var form = /** @type {HTMLFormElement | null} */ (document.getElementById("outcome-picker"));
    var results = document.getElementById("picker-results");
    if (!form || !results || form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.getAttribute("data-root") || "";
    var pattern = form.getAttribute("data-src") || "";
    // Each outcome's data is fetched when it is chosen; the answer drawn is always the
    // one for the outcome chosen last, whatever order the files arrive in.
    /** @param {boolean} [reveal] bring the results into view once drawn (on a phone) */
    var show = function (reveal) {
      var outcome = readState(form).outcome;
      if (!outcome) {
        render(form, results, null, root);
        return;
      }
      hub.outcomeData(pattern, outcome).then(function (data) {
        if (readState(form).outcome !== outcome) return;
        render(form, results, data, root);
        if (reveal) results.scrollIntoView({ block: "start" });
      }).catch(function (error) {
        results.textContent = "The picker could not load its data. Each outcome's link above still works.";
        if (window.console) console.error(error);
      });
    };
    /** @param {Event} [event] */
    var change = function (event) {
      var query = queryOf(readState(form));
      var url = new URL(window.location.href);
      url.search = query.toString();
      if (url.href !== window.location.href) {
        window.history.pushState({ picker: query.toString() }, "", url.href);
      }
      // On a phone the results start far below the form: bring them into view.
      var target = event && /** @type {HTMLInputElement | null} */ (event.target);
      show(Boolean(target && target.name === "outcome" && window.innerWidth < 760));
    };
    // After an instant navigation a reader may choose before this script runs: keep that.
    var early = alreadyChosen(form);
    applyQuery(form, early);
    form.addEventListener("change", change);
    form.addEventListener("submit", function (event) { event.preventDefault(); change(); });
    window.addEventListener("popstate", function () {
      if (!document.body.contains(form)) return;
      applyQuery(form);
      show();
    });
    form.classList.add("ph-picker--ready");
    if (Object.keys(early).length) change(); else show();
  }

  hub.onPage(init);
});
