// @ts-check
/* Peer Group Hub format catalog filters (loaded on the catalog's page only).
 *
 * The build writes each format's values on its card (data-outcome, data-size,
 * data-minutes, data-facilitation, data-mode; peerhub.render.catalog) and the menus'
 * options in the form: this script only shows the cards that match every choice,
 * says how many do, and keeps the choices in the query string. Without it, the page
 * lists every format.
 */
(function () {
  "use strict";

  /**
   * Whether a card's values match one chosen value.
   * @param {string} name the menu: outcome, size, minutes, facilitation or mode
   * @param {string} chosen the option's value ("" for any)
   * @param {DOMStringMap} data the card's data attributes
   * @returns {boolean}
   */
  function matches(name, chosen, data) {
    if (!chosen) return true;
    var value = data[name] || "";
    if (name === "size") {
      // "6-8" or "41-plus": the format's range must reach into the band.
      var band = chosen.split("-");
      var low = Number(band[0]);
      var high = band[1] === "plus" ? Infinity : Number(band[1]);
      var range = value.split(" ").map(Number);
      return range[1] >= low && range[0] <= high;
    }
    if (name === "minutes") {
      var minutes = Number(value);
      return chosen === "longer" ? minutes > 120 : minutes <= Number(chosen);
    }
    return value.split(" ").indexOf(chosen) >= 0;
  }

  function init() {
    var form = /** @type {HTMLFormElement | null} */ (document.getElementById("format-filters"));
    var catalog = document.getElementById("format-catalog");
    var count = document.getElementById("format-count");
    if (!form || !catalog || !count || form.dataset.ready) return;
    form.dataset.ready = "1";
    var menus = /** @type {HTMLSelectElement[]} */ (Array.prototype.slice.call(form.querySelectorAll("select")));
    var cards = /** @type {HTMLElement[]} */ (Array.prototype.slice.call(catalog.querySelectorAll("li[data-size]")));
    var query = new URLSearchParams(window.location.search);
    menus.forEach(function (menu) {
      var wanted = query.get(menu.name);
      var known = Array.prototype.some.call(menu.options, function (o) { return o.value === wanted; });
      if (wanted && known) menu.value = wanted;
    });

    function update() {
      var shown = 0;
      cards.forEach(function (card) {
        var fits = menus.every(function (menu) { return matches(menu.name, menu.value, card.dataset); });
        card.hidden = !fits;
        if (fits) shown += 1;
      });
      var active = menus.some(function (menu) { return menu.value; });
      count.textContent = !active ? "" : shown === 0
        ? "No format matches all of these choices: clear one of them, or clear the filters."
        : shown + " of " + cards.length + (shown === 1 ? " formats matches." : " formats match.");
      var params = new URLSearchParams();
      menus.forEach(function (menu) { if (menu.value) params.set(menu.name, menu.value); });
      var search = params.toString();
      window.history.replaceState(window.history.state, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.hidden = false;
    // On a phone the five menus would fill the first screen: they start folded there.
    var panel = /** @type {HTMLDetailsElement | null} */ (document.getElementById("format-filter-panel"));
    if (panel && (window.innerWidth >= 760 || query.toString())) panel.open = true;
    update();
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { matches: matches };
    return;
  }
  // The script sits in the page's body, so Material's instant navigation runs it again
  // with each new copy of the page.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
