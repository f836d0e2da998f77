/* Peer Group Hub outcome picker.
 *
 * All decisions are made at build time (peerhub.recommend): this script reads the
 * chosen values, looks the answer up in picker-data.json (peerHub.answer) and shows
 * it. Text is always set with textContent, never parsed as HTML. Each change is a
 * new history entry, so Back returns to the previous choices. Works with Material's
 * instant navigation through its document$ observable.
 */
(function () {
  "use strict";
  var hub = window.peerHub;
  var el = hub.el;
  var FIELDS = hub.DIMENSIONS.concat(["second"]);

  function readState(form) {
    var state = {};
    var checked = form.querySelector('input[name="outcome"]:checked');
    state.outcome = checked ? checked.value : "";
    FIELDS.forEach(function (name) {
      state[name] = form.elements[name] ? form.elements[name].value : "any";
    });
    return state;
  }

  /* Sets the form from the address, except the fields named in `keep`: those the reader
   * changed before the data arrived. */
  function applyQuery(form, data, keep) {
    var query = new URLSearchParams(window.location.search);
    var outcome = query.get("outcome");
    keep = keep || {};
    if (!keep.outcome) {
      form.querySelectorAll('input[name="outcome"]').forEach(function (radio) {
        radio.checked = Boolean(outcome && hub.own(data.candidates, outcome) && radio.value === outcome);
      });
    }
    FIELDS.forEach(function (name) {
      if (keep[name]) return;
      var value = query.get(name) || "any";
      var field = form.elements[name];
      if (field && Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        field.value = value;
      }
    });
  }

  function queryOf(state) {
    var query = new URLSearchParams();
    if (state.outcome) query.set("outcome", state.outcome);
    FIELDS.forEach(function (name) {
      if (state[name] && state[name] !== "any") query.set(name, state[name]);
    });
    return query;
  }

  /* Fills a copy of the page's blank design card: the template the outcome pages are
   * made from (design_card.html), so a card reads the same with and without script.
   * `card.slots` sets text by data-slot, `card.hrefs` links by data-href, and each of
   * `card.lists` fills one copy of its list's first item per entry, by data-part
   * (a text, or [text, href] for a link); data-when / data-none show what fits. */
  function fill(blank, card) {
    var node = blank.content.firstElementChild.cloneNode(true);
    var all = function (selector) { return Array.prototype.slice.call(node.querySelectorAll(selector)); };
    all("[data-slot]").forEach(function (e) { e.textContent = card.slots[e.getAttribute("data-slot")]; });
    all("[data-href]").forEach(function (e) { e.setAttribute("href", card.hrefs[e.getAttribute("data-href")]); });
    all("[data-list]").forEach(function (list) {
      var items = card.lists[list.getAttribute("data-list")];
      var first = list.firstElementChild;
      list.textContent = "";
      items.forEach(function (item) {
        var copy = first.cloneNode(true);
        var parts = [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[data-part]")));
        parts.forEach(function (e) {
          var value = item[e.getAttribute("data-part")];
          if (value === undefined) return;
          if (Array.isArray(value)) { e.textContent = value[0]; e.setAttribute("href", value[1]); }
          else e.textContent = value;
        });
        list.appendChild(copy);
      });
    });
    all("[data-when]").forEach(function (e) { e.hidden = !card.lists[e.getAttribute("data-when")].length; });
    all("[data-none]").forEach(function (e) { e.hidden = card.lists[e.getAttribute("data-none")].length > 0; });
    return node;
  }

  function renderDesign(data, root, blank, design, rank, state) {
    var d = design.base;
    var number = String(rank + 1);
    var kit = queryOf(state);
    kit.set("design", d.key);
    var start = 0;
    var node = fill(blank, {
      slots: { number: number, title: d.title, size: design.size, meetings: design.meetings,
               program: d.program, facilitation: d.facilitation, modes: d.modes, who: d.who,
               maturity: data.texts[d.evidence[0]], lasting: data.texts[d.evidence[1]], medians: data.texts[d.evidence[2]] },
      hrefs: { kit: root + "kits/?" + kit.toString() },
      lists: {
        formats: d.formats.map(function (slug) { return { link: [data.formats[slug][0], root + data.formats[slug][1]] }; }),
        changes: design.changes.map(function (c) { return { text: c }; }),
        notes: design.notes.map(function (c) { return { text: c }; }),
        why: d.why.map(function (w) { return { topic: w[0], reason: w[1] }; }),
        agenda: design.agenda.map(function (step) {
          var row = { time: start + "–" + (start + step[1]) + " min", step: step[0], detail: step[2] };
          start += step[1];
          return row;
        }),
        groups: d.groups.map(function (slug) { return { link: [data.groups[slug][0], root + data.groups[slug][1]] }; })
      }
    });
    node.id = "design-" + number;
    node.setAttribute("aria-labelledby", "design-" + number + "-title");
    node.querySelector("h3").id = "design-" + number + "-title";
    return node;
  }

  function render(form, results, data, root) {
    var state = readState(form);
    results.textContent = "";
    if (!state.outcome) {
      results.appendChild(el("p", { text: "Choose an outcome to see recommended designs." }));
      return;
    }
    var answer = hub.answer(data, state.outcome, state);
    var outcome = hub.own(data.outcomes, state.outcome);
    results.appendChild(el("h2", { id: "picker-results-title", text: "Recommended designs for " + outcome[0].toLowerCase() }));
    if (answer.second) results.appendChild(el("p", { class: "ph-note", text: answer.second }));
    answer.notes.forEach(function (note) {
      results.appendChild(el("p", { class: "ph-note ph-conflict", text: note }));
    });
    var blank = document.getElementById("design-card");
    answer.designs.forEach(function (design, rank) {
      results.appendChild(renderDesign(data, root, blank, design, rank, state));
    });
    results.appendChild(el("p", {}, [el("a", { href: root + outcome[1], text: "All designs for " + outcome[0].toLowerCase() + ", without the picker" })]));
  }

  function init() {
    var form = document.getElementById("outcome-picker");
    var results = document.getElementById("picker-results");
    if (!form || !results || form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.getAttribute("data-root") || "";
    // On a slow connection a reader may choose before the data arrives: keep that choice.
    var early = {};
    var noteEarly = function (event) { early[event.target.name] = true; };
    form.addEventListener("change", noteEarly);
    hub.load(form.getAttribute("data-src")).then(function (data) {
      form.removeEventListener("change", noteEarly);
      var show = function () { render(form, results, data, root); };
      var change = function (event) {
        var query = queryOf(readState(form)).toString();
        var url = window.location.pathname + (query ? "?" + query : "");
        if (url !== window.location.pathname + window.location.search) {
          window.history.pushState({ picker: query }, "", url);
        }
        show();
        // On a phone the results start far below the form: bring them into view.
        if (event && event.target && event.target.name === "outcome" && window.innerWidth < 760) {
          results.scrollIntoView({ block: "start" });
        }
      };
      applyQuery(form, data, early);
      form.addEventListener("change", change);
      form.addEventListener("submit", function (event) { event.preventDefault(); change(); });
      window.addEventListener("popstate", function () {
        if (!document.body.contains(form)) return;
        applyQuery(form, data);
        show();
      });
      form.classList.add("ph-picker--ready");
      if (Object.keys(early).length) change(); else show();
    }).catch(function (error) {
      results.textContent = "The picker could not load its data. Each outcome's link above still works.";
      if (window.console) console.error(error);
    });
  }

  hub.onPage(init);
})();
