// @ts-check
/* Peer Group Hub: what the hub's page scripts share (the picker's lookup, and small
 * helpers). The pages that use it load it with their own script; Material's instant
 * navigation may run the two in either order, so a page script hands its start to
 * `window.peerHubReady.push`, which runs it once this file has run. In Node (the
 * tests) the file exports its functions instead. */
(function () {
  "use strict";

  /** @type {Dimension[]} */
  var DIMENSIONS = ["mode", "size", "minutes", "cadence", "facilitation"];
  /** @type {Record<string, Promise<any>>} */
  var cache = {};

  /**
   * Build an element; text is always set with textContent, never parsed as HTML.
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Record<string, string>} [props]
   * @param {(Node | null | undefined)[]} [children]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  /**
   * Run `init` once the page is there: the page's own scripts run again on each of
   * Material's instant navigations to it, so once per page view is enough.
   * @param {() => void} init
   */
  function onPage(init) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }

  /**
   * One outcome's picker data (the page's data-src names `{outcome}`), fetched once.
   * @param {string} pattern
   * @param {string} outcome
   * @returns {Promise<PickerData>}
   */
  function outcomeData(pattern, outcome) {
    return load(pattern.replace("{outcome}", encodeURIComponent(outcome)));
  }

  /**
   * Fetch a JSON file once per page load.
   * @param {string} url
   * @returns {Promise<any>}
   */
  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
    }
    return cache[url];
  }

  /**
   * object[key] if the object holds that key itself, else undefined: a key read from
   * the address, such as "__proto__", "constructor" or "toString", never reaches what
   * every object inherits.
   * @template T
   * @param {Record<string, T>} object
   * @param {string} key
   * @returns {T | undefined}
   */
  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  /**
   * Each choice's position among its values (that of "any" where unset or unknown).
   * @param {PickerData} data
   * @param {Choices | undefined} choices
   * @returns {Record<Dimension, number>}
   */
  function positions(data, choices) {
    /** @type {Record<string, number>} */
    var at = {};
    DIMENSIONS.forEach(function (name) {
      at[name] = Math.max(0, data.choices[name].indexOf((choices && choices[name]) || "any"));
    });
    return /** @type {Record<Dimension, number>} */ (at);
  }

  /**
   * A candidate design's rank under the chosen values, as
   * peerhub.decisions.picker.ranking.rank adds it up: [size cost, conflicts, penalty in
   * thousandths], and the chosen effects.
   * @param {PickerData} data
   * @param {number} id
   * @param {Record<Dimension, number>} at
   * @returns {Scored}
   */
  function score(data, id, at) {
    var d = data.designs[id];
    var e = data.effects;
    var n = data.choices;
    var chosen = DIMENSIONS.map(function (name) { return d.effects[name][at[name]]; });
    // "1": the sources' sizes rank it lower; "2": they also conflict with it (sources_text).
    var sources = d.sources.charAt((at.mode * n.size.length + at.size) * n.minutes.length + at.minutes);
    var rank = [0, sources === "2" ? 1 : 0, d.base + (sources === "0" ? 0 : data.penalty_scale)];
    chosen.forEach(function (k) {
      rank[0] += e.size_cost[k];
      rank[1] += e.conflict[k];
      rank[2] += e.penalty[k];
    });
    return { id: id, rank: rank, effects: chosen, order: 0, sources: sources === "2" ? d.sources_text : -1 };
  }

  /** @param {Scored} a @param {Scored} b */
  function before(a, b) {
    for (var i = 0; i < 3; i += 1) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return a.order - b.order;
  }

  /**
   * An agenda's steps, each with its words and its time span as the data gives them.
   * @param {PickerData} data
   * @param {number} id
   * @returns {AgendaStep[]}
   */
  function agenda(data, id) {
    return data.agendas[id].map(function (s) {
      var step = data.steps[s.step];
      return { title: data.texts[step.title], minutes: s.minutes, detail: data.texts[step.detail],
        time: data.texts[s.time] };
    });
  }

  /**
   * One design as the chosen values adapt it: its size, meetings (and the meetings
   * text for each cadence the kit offers), agendas, and the words of what the choices
   * change and what it says of itself.
   * @param {PickerData} data
   * @param {Scored} scored
   * @param {Record<Dimension, number>} at
   * @returns {Adapted}
   */
  function adapt(data, scored, at) {
    var d = data.designs[scored.id];
    /** @param {number[]} ids */
    var texts = function (ids) {
      return ids.filter(function (t) { return t >= 0; }).map(function (t) { return data.texts[t]; });
    };
    var cadences = data.choices.cadence;
    /** @type {Record<string, string>} */
    var schedule = {};
    cadences.forEach(function (value, i) {
      schedule[value === "any" ? d.cadence_id : value] = data.texts[d.meetings[at.minutes * cadences.length + i]];
    });
    var first = d.agendas[at.minutes * data.choices.mode.length + at.mode];
    return {
      base: d,
      size: data.texts[d.size[at.size]],
      minutes: d.session[at.minutes],
      meetings: data.texts[d.meetings[at.minutes * cadences.length + at.cadence]],
      schedule: schedule,
      agenda: agenda(data, first),
      later: agenda(data, data.later[first]),
      changes: texts(scored.effects.map(function (k) { return data.effects.change[k]; }).concat([scored.sources])),
      notes: texts(d.notes),
      conflicts: texts(scored.effects.map(function (k) { return data.effects.note[k]; })
        .concat([scored.sources >= 0 ? d.sources_note : -1]))
    };
  }

  /**
   * The picker's answer for an outcome and choices ({mode, size, minutes, cadence,
   * facilitation, second}, "any" where unset): the candidates ranked by the effects of
   * the chosen values (computed at build time; only added up here), the first few
   * adapted, the note when the first does not fit every choice, and why a second
   * outcome is not designed for. Nothing for an outcome the data does not hold.
   * @param {PickerData} data
   * @param {string} outcome
   * @param {Choices} [choices]
   * @returns {Answer}
   */
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

  /**
   * One candidate design of an outcome, by key, as the choices adapt it (among the
   * answer's first few or not): what the start kit shows.
   * @param {PickerData} data
   * @param {string} outcome
   * @param {string} key
   * @param {Choices} [choices]
   * @returns {Adapted | null}
   */
  function design(data, outcome, key, choices) {
    var ids = own(data.candidates, outcome) || [];
    var id = ids.filter(function (i) { return data.designs[i].key === key; })[0];
    if (id === undefined) return null;
    var at = positions(data, choices);
    return adapt(data, score(data, id, at), at);
  }

  /** @type {PeerHub} */
  var hub = { el: el, onPage: onPage, load: load, outcomeData: outcomeData, answer: answer, design: design, own: own, DIMENSIONS: DIMENSIONS };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = hub;
    return;
  }
  var waiting = window.peerHubReady;
  window.peerHub = hub;
  window.peerHubReady = { push: function (start) { start(hub); } };
  if (Array.isArray(waiting)) waiting.forEach(function (start) { start(hub); });
})();
