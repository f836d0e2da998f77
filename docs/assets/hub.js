/* Peer Group Hub: small helpers shared by the hub's page scripts (loaded first). */
(function () {
  "use strict";

  var DIMENSIONS = ["mode", "size", "minutes", "facilitation"];
  var cache = {};

  /* Build an element; text is always set with textContent, never parsed as HTML. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  /* Run `init` on every page view, including Material's instant navigation. */
  function onPage(init) {
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  /* Fetch a JSON file once per page load. */
  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
    }
    return cache[url];
  }

  /* The picker's answer for an outcome and choices ({mode, size, minutes, facilitation},
   * "any" where unset), looked up in picker-data.json: the notes, and for each ranked
   * design its base design and the design as adapted to the choices. Nothing is
   * computed here beyond the position of the answer in the table. */
  function answer(data, outcome, choices) {
    var position = 0;
    DIMENSIONS.forEach(function (name) {
      var values = data.choices[name];
      position = position * values.length + Math.max(0, values.indexOf(choices[name] || "any"));
    });
    var row = data.answers[data.index[outcome][position]];
    return {
      notes: row.slice(1).map(function (id) { return data.texts[id]; }),
      designs: row[0].map(function (id) { return adapted(data, id); })
    };
  }

  function adapted(data, id) {
    var a = data.adapted[id];
    return {
      base: data.designs[a[0]],
      size: data.texts[a[1]],
      minutes: a[2],
      agenda: data.agendas[a[3]],
      later: data.agendas[a[4]],
      changes: a[5].map(function (t) { return data.texts[t]; })
    };
  }

  window.peerHub = { el: el, onPage: onPage, load: load, answer: answer, DIMENSIONS: DIMENSIONS };
})();
