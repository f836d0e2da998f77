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

  function applyQuery(form, data) {
    var query = new URLSearchParams(window.location.search);
    var outcome = query.get("outcome");
    form.querySelectorAll('input[name="outcome"]').forEach(function (radio) {
      radio.checked = Boolean(outcome && data.ranked[outcome] && radio.value === outcome);
    });
    FIELDS.forEach(function (name) {
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

  function link(root, href, text) {
    return el("a", { href: root + href, text: text });
  }

  function list(items) {
    return el("ul", {}, items.map(function (item) { return el("li", {}, [item]); }));
  }

  function renderDesign(data, root, design, rank, state) {
    var d = design.base;
    var formatLinks = el("span");
    d.formats.forEach(function (slug, i) {
      if (i) formatLinks.appendChild(document.createTextNode(", "));
      formatLinks.appendChild(link(root, data.formats[slug][1], data.formats[slug][0]));
    });
    var facts = el("dl", { class: "ph-facts" });
    [["Formats", formatLinks], ["Size", design.size], ["Meetings", d.cadence + ", " + design.minutes + " minutes"],
     ["Program", d.program], ["Facilitation", d.facilitation], ["Works", d.modes], ["Who", d.who]].forEach(function (row) {
      facts.appendChild(el("dt", { text: row[0] }));
      var dd = el("dd");
      if (typeof row[1] === "string") dd.textContent = row[1]; else dd.appendChild(row[1]);
      facts.appendChild(dd);
    });
    var start = 0;
    var rows = design.agenda.map(function (step) {
      var row = el("tr", {}, [el("td", { text: start + "–" + (start + step[1]) + " min" }), el("td", { text: step[0] })]);
      start += step[1];
      return row;
    });
    var kit = queryOf(state);
    kit.set("design", d.key);
    return el("article", { class: "ph-result", "aria-labelledby": "result-" + rank }, [
      el("h3", { id: "result-" + rank, text: (rank + 1) + ". " + d.title }),
      facts,
      design.changes.length ? el("div", { class: "ph-changes" }, [el("p", { text: "What your choices changed" }),
        list(design.changes.map(function (c) { return document.createTextNode(c); }))]) : null,
      el("details", {}, [el("summary", { text: "Why this design" }),
        list(d.why.map(function (w) { return el("span", {}, [el("strong", { text: w[0] + ": " }), document.createTextNode(w[1])]); }))]),
      el("details", {}, [el("summary", { text: "Agenda for the first meeting" }),
        el("table", {}, [el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Time" }), el("th", { scope: "col", text: "Step" })])]), el("tbody", {}, rows)])]),
      el("p", { class: "ph-evidence" }, [el("strong", { text: "Groups like this one: " })].concat(
        d.groups.length ? d.groups.map(function (slug, i) {
          var span = el("span");
          if (i) span.appendChild(document.createTextNode(", "));
          span.appendChild(link(root, data.groups[slug][1], data.groups[slug][0]));
          return span;
        }) : [document.createTextNode("none published yet.")])),
      el("p", { class: "ph-kit" }, [link(root, "kits/?" + kit.toString(), "Start kit"),
        document.createTextNode(": a printable run-sheet, a calendar of the whole program and a group charter.")])
    ]);
  }

  function render(form, results, data, root) {
    var state = readState(form);
    results.textContent = "";
    if (!state.outcome) {
      results.appendChild(el("p", { text: "Choose an outcome to see recommended designs." }));
      return;
    }
    var answer = hub.answer(data, state.outcome, state);
    var outcome = data.outcomes[state.outcome];
    results.appendChild(el("h2", { id: "picker-results-title", text: "Recommended designs for " + outcome[0].toLowerCase() }));
    if (state.second !== "any" && state.second !== state.outcome) {
      results.appendChild(el("p", { class: "ph-note", text: data.texts[data.second[state.outcome + "|" + state.second]] }));
    }
    answer.notes.forEach(function (note) {
      results.appendChild(el("p", { class: "ph-note ph-conflict", text: note }));
    });
    answer.designs.forEach(function (design, rank) {
      results.appendChild(renderDesign(data, root, design, rank, state));
    });
    results.appendChild(el("p", {}, [link(root, outcome[1], "All designs for " + outcome[0].toLowerCase() + ", without the picker")]));
  }

  function init() {
    var form = document.getElementById("outcome-picker");
    var results = document.getElementById("picker-results");
    if (!form || !results || form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.getAttribute("data-root") || "";
    hub.load(form.getAttribute("data-src")).then(function (data) {
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
      applyQuery(form, data);
      form.addEventListener("change", change);
      form.addEventListener("submit", function (event) { event.preventDefault(); change(); });
      window.addEventListener("popstate", function () {
        if (!document.body.contains(form)) return;
        applyQuery(form, data);
        show();
      });
      form.classList.add("ph-picker--ready");
      show();
    }).catch(function (error) {
      results.textContent = "The picker could not load its data. Each outcome's link above still works.";
      if (window.console) console.error(error);
    });
  }

  hub.onPage(init);
})();
