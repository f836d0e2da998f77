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

  /* object[key] if the object holds that key itself, else undefined: a key read from
   * the address, such as "__proto__", "constructor" or "toString", never reaches what
   * every object inherits. */
  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  /* The picker's answer for an outcome and choices ({mode, size, minutes, facilitation},
   * "any" where unset), looked up in picker-data.json: the notes, and for each ranked
   * design its base design and the design as adapted to the choices (none for an
   * outcome the data does not hold). Nothing is computed here beyond the position of
   * the answer in the table. */
  function answer(data, outcome, choices) {
    var ranked = own(data.ranked, outcome);
    if (!ranked) return { notes: [], designs: [] };
    var position = 0;
    DIMENSIONS.forEach(function (name) {
      var values = data.choices[name];
      position = position * values.length + Math.max(0, values.indexOf(choices[name] || "any"));
    });
    var note = own(data.notes, outcome)[position];
    return {
      notes: note >= 0 ? [data.texts[note]] : [],
      designs: ranked
        .map(function (column) { return column[position]; })
        .filter(function (id) { return id >= 0; })
        .map(function (id) { return adapted(data, id); })
    };
  }

  /* One design as adapted to some choices (the data holds them by column). */
  function adapted(data, id) {
    var a = data.adapted;
    return {
      base: data.designs[a.design[id]],
      size: data.texts[a.size[id]],
      minutes: a.minutes[id],
      agenda: agenda(data, a.agenda[id]),
      later: agenda(data, data.later[a.agenda[id]]),
      changes: a.changes[id].map(function (t) { return data.texts[t]; })
    };
  }

  /* An agenda's steps as [name, minutes, detail]. */
  function agenda(data, id) {
    return data.agendas[id].map(function (s) { return [data.texts[s[0]], s[1], data.texts[s[2]]]; });
  }

  window.peerHub = { el: el, onPage: onPage, load: load, answer: answer, adapted: adapted, own: own, DIMENSIONS: DIMENSIONS };
})();
