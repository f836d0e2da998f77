/* Peer Group Hub group directory filters.
 *
 * The build writes every published group's facet values (peerhub.facets); this
 * script filters by the chosen values, shows counts for every option, and keeps the
 * choices in the query string. Without it, the paginated table still lists everyone.
 */
(function () {
  "use strict";
  var SHOWN = 100;

  var el = window.peerHub.el;

  function init() {
    var form = document.getElementById("group-filters");
    var results = document.getElementById("group-results");
    if (!form || !results || form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.getAttribute("data-root") || "";
    fetch(form.getAttribute("data-src")).then(function (r) {
      if (!r.ok) throw new Error("directory data: HTTP " + r.status);
      return r.json();
    }).then(function (data) { start(form, results, data, root); }).catch(function (error) {
      if (window.console) console.error(error);
    });
  }

  function start(form, results, data, root) {
    var facets = data.facets.map(function (f) { return { name: f[0], labels: f[2], values: f[3] }; });
    var table = document.querySelector(".ph-directory");
    var query = new URLSearchParams(window.location.search);
    facets.forEach(function (facet) {
      var value = query.get(facet.name);
      if (value && facet.values.indexOf(value) >= 0) form.elements[facet.name].value = value;
    });
    var limit = SHOWN;

    function chosen() {
      return facets.map(function (facet) {
        var value = form.elements[facet.name].value;
        return value ? facet.values.indexOf(value) : -1;
      });
    }

    function matches(row, picks, skip) {
      for (var i = 0; i < picks.length; i++) {
        if (i !== skip && picks[i] >= 0 && row[3 + i].indexOf(picks[i]) < 0) return false;
      }
      return true;
    }

    function update() {
      var picks = chosen();
      var active = picks.some(function (p) { return p >= 0; });
      var params = new URLSearchParams();
      facets.forEach(function (facet, i) { if (picks[i] >= 0) params.set(facet.name, facet.values[picks[i]]); });
      var search = params.toString();
      window.history.replaceState(window.history.state, "", window.location.pathname + (search ? "?" + search : ""));

      facets.forEach(function (facet, i) {
        var counts = facet.values.map(function () { return 0; });
        data.groups.forEach(function (row) {
          if (matches(row, picks, i)) row[3 + i].forEach(function (v) { counts[v]++; });
        });
        Array.prototype.forEach.call(form.elements[facet.name].options, function (option) {
          var index = facet.values.indexOf(option.value);
          if (index >= 0) option.textContent = facet.labels[index] + " (" + counts[index] + ")";
        });
      });

      results.textContent = "";
      results.hidden = !active;
      if (table) table.hidden = active;
      if (!active) return;
      var found = data.groups.filter(function (row) { return matches(row, picks, -1); });
      results.appendChild(el("p", { class: "ph-count", text: found.length + (found.length === 1 ? " group matches." : " groups match.") }));
      var list = el("ul", { class: "ph-matches" });
      found.slice(0, limit).forEach(function (row) {
        list.appendChild(el("li", {}, [el("a", { href: root + row[1], text: row[0] }), document.createTextNode(" — " + row[2])]));
      });
      if (!found.length) {
        results.appendChild(el("p", { class: "ph-hint", text: "No published group matches all of these. " +
          "The numbers beside each option count the groups that match your other choices: " +
          "change a filter whose option shows (0), or clear the filters." }));
      }
      results.appendChild(list);
      if (found.length > limit) {
        var more = el("button", { type: "button", class: "md-button", text: "Show all " + found.length });
        more.addEventListener("click", function () { limit = found.length; update(); });
        results.appendChild(more);
      }
    }

    form.addEventListener("change", function () { limit = SHOWN; update(); });
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.hidden = false;
    // On a phone the eight filters would fill the first screen: they start folded there.
    var panel = document.getElementById("filter-panel");
    if (panel && (window.innerWidth >= 760 || new URLSearchParams(window.location.search).toString())) {
      panel.open = true;
    }
    update();
  }

  window.peerHub.onPage(init);
})();
