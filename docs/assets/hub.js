/* Peer Group Hub: small helpers shared by the hub's page scripts (loaded first). */
(function () {
  "use strict";

  var DIMENSIONS = ["mode", "size", "minutes", "cadence", "facilitation"];
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

  /* Each choice's position among its values ("any" where unset or unknown). */
  function positions(data, choices) {
    return DIMENSIONS.map(function (name) {
      return Math.max(0, data.choices[name].indexOf((choices && choices[name]) || "any"));
    });
  }

  /* A candidate design's rank under the chosen values, as peerhub.effects.rank adds it
   * up: [size cost, conflicts, penalty in thousandths], and the chosen effects. */
  function score(data, id, at) {
    var d = data.designs[id];
    var e = data.effects;
    var n = data.choices;
    var chosen = d.effects.map(function (list, i) { return list[at[i]]; });
    var sources = d.sources.charAt((at[0] * n.size.length + at[1]) * n.minutes.length + at[2]) === "1";
    var rank = [0, 0, d.base + (sources ? data.penalty_scale : 0)];
    chosen.forEach(function (k) {
      rank[0] += e.size_cost[k];
      rank[1] += e.conflict[k];
      rank[2] += e.penalty[k];
    });
    return { id: id, rank: rank, effects: chosen };
  }

  function before(a, b) {
    for (var i = 0; i < 3; i += 1) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return a.order - b.order;
  }

  /* One design as the chosen values adapt it: its size, meetings, agendas, and the
   * words of what the choices change and what it says of itself. */
  function adapt(data, scored, at) {
    var d = data.designs[scored.id];
    var texts = function (ids) {
      return ids.filter(function (t) { return t >= 0; }).map(function (t) { return data.texts[t]; });
    };
    var first = d.agendas[at[2] * data.choices.mode.length + at[0]];
    return {
      base: d,
      size: data.texts[d.size[at[1]]],
      minutes: d.session[at[2]],
      meetings: data.texts[d.meetings[at[2] * data.choices.cadence.length + at[3]]],
      agenda: agenda(data, first),
      later: agenda(data, data.later[first]),
      changes: texts(scored.effects.map(function (k) { return data.effects.change[k]; })),
      notes: texts(d.notes),
      conflicts: texts(scored.effects.map(function (k) { return data.effects.note[k]; }))
    };
  }

  /* The picker's answer for an outcome and choices ({mode, size, minutes, cadence,
   * facilitation, second}, "any" where unset): the candidates ranked by the effects of
   * the chosen values (computed at build time; only added up here), the first few
   * adapted, the note when the first does not fit every choice, and why a second
   * outcome is not designed for. Nothing for an outcome the data does not hold. */
  function answer(data, outcome, choices) {
    var ids = own(data.candidates, outcome);
    if (!ids) return { notes: [], designs: [], second: null };
    var at = positions(data, choices);
    var scored = ids.map(function (id, order) {
      var found = score(data, id, at);
      found.order = order;
      return found;
    });
    scored.sort(before);
    var designs = scored.slice(0, data.ranked).map(function (s) { return adapt(data, s, at); });
    var other = choices && choices.second;
    var second = other && other !== "any" && other !== outcome ? own(data.second, outcome + "|" + other) : undefined;
    return {
      notes: designs[0].conflicts.slice(0, 1),
      designs: designs,
      second: second === undefined ? null : data.texts[second]
    };
  }

  /* One candidate design of an outcome, by key, as the choices adapt it (among the
   * answer's first few or not): what the start kit shows. */
  function design(data, outcome, key, choices) {
    var ids = own(data.candidates, outcome) || [];
    var id = ids.filter(function (i) { return data.designs[i].key === key; })[0];
    if (id === undefined) return null;
    var at = positions(data, choices);
    return adapt(data, score(data, id, at), at);
  }

  /* An agenda's steps as [name, minutes, detail]. */
  function agenda(data, id) {
    return data.agendas[id].map(function (s) {
      var step = data.steps[s[0]];
      return [data.texts[step[0]], s[1], data.texts[step[1]]];
    });
  }

  window.peerHub = { el: el, onPage: onPage, load: load, answer: answer, design: design, own: own, DIMENSIONS: DIMENSIONS };
})();
