// @ts-check
/* Peer Group Hub group directory filters (loaded on the directory's first page only,
 * after hub.js).
 *
 * The build writes every published group's facet values and every label
 * (peerhub.render.datafiles): this script filters by the chosen values, shows counts
 * for every option, and keeps the choices in the query string. Without it, the
 * paginated table still lists everyone.
 */
(window.peerHubReady = window.peerHubReady || []).push(function (hub) {
  "use strict";
  var SHOWN = 100;
  var el = hub.el;

  function init() {
    var form = /** @type {HTMLFormElement | null} */ (document.getElementById("group-filters"));
    var results = document.getElementById("group-results");
    if (!form || !results || form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.getAttribute("data-root") || "";
    hub.load(form.getAttribute("data-src")).then(function (/** @type {DirectoryData} */ data) {
      start(form, results, data, root);
    }).catch(function (error) {
      if (window.console) console.error(error);
    });
  }

  /**
   * @param {HTMLFormElement} form
   * @param {HTMLElement} results
   * @param {DirectoryData} data
   * @param {string} root
   */
  function start(form, results, data, root) {
    var facets = data.facets;
    /** @type {HTMLElement | null} */
    var table = document.querySelector(".ph-directory");
    var query = new URLSearchParams(window.location.search);
    /** @param {string} name */
    var menu = function (name) { return /** @type {HTMLSelectElement} */ (form.elements.namedItem(name)); };
    /** @param {DirectoryData["facets"][number]} facet */
    var values = function (facet) { return facet.options.map(function (o) { return o.value; }); };
    facets.forEach(function (facet) {
      var value = query.get(facet.name);
      if (value && values(facet).indexOf(value) >= 0) menu(facet.name).value = value;
    });
    var limit = SHOWN;

    /** The chosen value of each facet, by name ("" where open). @returns {Record<string, string>} */
    function chosen() {
      /** @type {Record<string, string>} */
      var picks = {};
      facets.forEach(function (facet) {
        var value = menu(facet.name).value;
        picks[facet.name] = values(facet).indexOf(value) >= 0 ? value : "";
      });
      return picks;
    }

    /**
     * Whether a group has every chosen value, leaving out facet `skip`.
     * @param {DirectoryData["groups"][number]} group
     * @param {Record<string, string>} picks
     * @param {string} [skip]
     */
    function matches(group, picks, skip) {
      return facets.every(function (facet) {
        var pick = picks[facet.name];
        return facet.name === skip || !pick || group.values[facet.name].indexOf(pick) >= 0;
      });
    }

    function update() {
      var picks = chosen();
      var active = facets.some(function (facet) { return Boolean(picks[facet.name]); });
      var url = new URL(window.location.href);
      url.search = "";
      facets.forEach(function (facet) { if (picks[facet.name]) url.searchParams.set(facet.name, picks[facet.name]); });
      window.history.replaceState(window.history.state, "", url.href);

      facets.forEach(function (facet) {
        /** @type {Record<string, number>} */
        var counts = {};
        data.groups.forEach(function (group) {
          if (!matches(group, picks, facet.name)) return;
          group.values[facet.name].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
        });
        /** @type {Record<string, string>} */
        var labels = {};
        facet.options.forEach(function (o) { labels[o.value] = o.label; });
        Array.prototype.forEach.call(menu(facet.name).options, function (/** @type {HTMLOptionElement} */ option) {
          if (hub.own(labels, option.value) !== undefined) {
            option.textContent = labels[option.value] + " (" + (counts[option.value] || 0) + ")";
          }
        });
      });

      results.textContent = "";
      results.hidden = !active;
      if (table) table.hidden = active;
      if (!active) return;
      var found = data.groups.filter(function (group) { return matches(group, picks); });
      results.appendChild(el("p", { class: "ph-count", text: found.length + (found.length === 1 ? " group matches." : " groups match.") }));
      var list = el("ul", { class: "ph-matches" });
      found.slice(0, limit).forEach(function (group) {
        list.appendChild(el("li", {}, [el("a", { href: root + group.url, text: group.name }), document.createTextNode(" — " + group.summary)]));
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
    var panel = /** @type {HTMLDetailsElement | null} */ (document.getElementById("filter-panel"));
    if (panel && (window.innerWidth >= 760 || new URLSearchParams(window.location.search).toString())) {
      panel.open = true;
    }
    update();
  }

  hub.onPage(init);
});
