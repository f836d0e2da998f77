/* Peer Group Hub outcome picker.
 *
 * All decisions are made at build time (peerhub.recommend); this script only turns
 * the chosen values into an index, looks the answer up in picker-data.json and
 * renders it. Text is always set with textContent, never parsed as HTML.
 * Works with Material's instant navigation through its document$ observable.
 */
(function () {
  "use strict";
  var DIMENSIONS = ["mode", "size", "minutes", "facilitation"];
  var cache = {};

  var el = window.peerHub.el;

  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("picker data: HTTP " + response.status);
        return response.json();
      });
    }
    return cache[url];
  }

  function readState(form) {
    var state = {};
    var checked = form.querySelector('input[name="outcome"]:checked');
    state.outcome = checked ? checked.value : "";
    DIMENSIONS.concat(["second"]).forEach(function (name) {
      state[name] = form.elements[name] ? form.elements[name].value : "any";
    });
    return state;
  }

  function applyQuery(form, data) {
    var query = new URLSearchParams(window.location.search);
    var outcome = query.get("outcome");
    if (outcome && data.index[outcome]) {
      var radio = form.querySelector('input[name="outcome"][value="' + CSS.escape(outcome) + '"]');
      if (radio) radio.checked = true;
    }
    DIMENSIONS.concat(["second"]).forEach(function (name) {
      var value = query.get(name);
      var field = form.elements[name];
      if (value && field && Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        field.value = value;
      }
    });
  }

  function writeQuery(state) {
    var query = new URLSearchParams();
    if (state.outcome) query.set("outcome", state.outcome);
    DIMENSIONS.concat(["second"]).forEach(function (name) {
      if (state[name] && state[name] !== "any") query.set(name, state[name]);
    });
    var search = query.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function link(root, href, text) {
    return el("a", { href: root + href, text: text });
  }

  function list(items) {
    return el("ul", {}, items.map(function (item) { return el("li", {}, [item]); }));
  }

  function renderDesign(data, root, designId, pick, rank) {
    var d = data.designs[designId];
    var t = data.texts;
    var fx = d.effects;
    var effects = [fx.mode[pick.mode], fx.facilitation[pick.facilitation], fx.size[pick.size], fx.minutes[pick.minutes]];
    var changes = effects.filter(function (e) { return e[0] >= 0; }).map(function (e) { return t[e[0]]; });
    var session = fx.minutes[pick.minutes][2];
    var agenda = data.agendas[d.agenda[pick.minutes][pick.mode]];
    var formatLinks = el("span");
    d.formats.forEach(function (slug, i) {
      if (i) formatLinks.appendChild(document.createTextNode(", "));
      formatLinks.appendChild(link(root, data.formats[slug][1], data.formats[slug][0]));
    });
    var facts = el("dl", { class: "ph-facts" });
    [["Formats", formatLinks], ["Size", t[fx.size[pick.size][2]]], ["Meetings", d.cadence + ", " + session + " minutes"],
     ["Program", d.program], ["Facilitation", d.facilitation], ["Works", d.modes], ["Who", d.who]].forEach(function (row) {
      facts.appendChild(el("dt", { text: row[0] }));
      var dd = el("dd");
      if (typeof row[1] === "string") dd.textContent = row[1]; else dd.appendChild(row[1]);
      facts.appendChild(dd);
    });
    var start = 0;
    var rows = agenda.map(function (step) {
      var row = el("tr", {}, [el("td", { text: start + "–" + (start + step[1]) + " min" }), el("td", { text: step[0] })]);
      start += step[1];
      return row;
    });
    var article = el("article", { class: "ph-result", "aria-labelledby": "result-" + rank }, [
      el("h3", { id: "result-" + rank, text: (rank + 1) + ". " + d.title }),
      facts,
      changes.length ? el("div", { class: "ph-changes" }, [el("p", { text: "What your choices changed" }), list(changes.map(function (c) { return document.createTextNode(c); }))]) : null,
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
      el("p", { class: "ph-kit" }, [el("strong", { text: "Start kit: " }),
        link(root, d.kit + "calendar.ics", "calendar (.ics)"), document.createTextNode(" · "),
        link(root, d.kit, "printable run-sheet"), document.createTextNode(" · "),
        link(root, d.kit + "charter.md", "charter template (.md)")])
    ]);
    return article;
  }

  function render(form, results, data, root) {
    var state = readState(form);
    writeQuery(state);
    results.textContent = "";
    if (!state.outcome) {
      results.appendChild(el("p", { text: "Choose an outcome to see recommended designs." }));
      return;
    }
    var pick = {};
    DIMENSIONS.forEach(function (name) { pick[name] = Math.max(0, data.choices[name].indexOf(state[name])); });
    var position = ((pick.mode * data.choices.size.length + pick.size) * data.choices.minutes.length + pick.minutes) *
      data.choices.facilitation.length + pick.facilitation;
    var answer = data.answers[data.index[state.outcome][position]];
    var outcome = data.outcomes[state.outcome];
    results.appendChild(el("h2", { id: "picker-results-title", text: "Recommended designs for " + outcome[0].toLowerCase() }));
    if (state.second !== "any" && state.second !== state.outcome) {
      results.appendChild(el("p", { class: "ph-note", text: data.texts[data.second[state.outcome + "|" + state.second]] }));
    }
    answer.slice(1).forEach(function (noteId) {
      results.appendChild(el("p", { class: "ph-note ph-conflict", text: data.texts[noteId] }));
    });
    answer[0].forEach(function (designId, rank) {
      results.appendChild(renderDesign(data, root, designId, pick, rank));
    });
    results.appendChild(el("p", {}, [link(root, outcome[1], "All designs for " + outcome[0].toLowerCase() + ", without the picker")]));
  }

  function init() {
    var form = document.getElementById("outcome-picker");
    var results = document.getElementById("picker-results");
    if (!form || !results || form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.getAttribute("data-root") || "";
    load(form.getAttribute("data-src")).then(function (data) {
      applyQuery(form, data);
      var update = function () { render(form, results, data, root); };
      form.addEventListener("change", update);
      form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
      form.classList.add("ph-picker--ready");
      update();
    }).catch(function (error) {
      results.textContent = "The picker could not load its data. Each outcome's link above still works.";
      if (window.console) console.error(error);
    });
  }

  window.peerHub.onPage(init);
})();
