// @ts-check
/* Peer Group Hub start kit (loaded on the start kit's page only, after hub.js): a run-sheet, a calendar (.ics) and a charter (printable,
 * and as Markdown) for one design as the picker adapted it to the reader's choices.
 *
 * The page's query string holds the picker's choices and the design's key; the
 * design, its meeting length, size and agendas are looked up in its outcome's picker data,
 * exactly as the picker shows them for the reader's choices (`hub.design`: every
 * meeting length and cadence the picker offers), and the choices themselves (mode,
 * facilitation, cadence) are named in the kit, the charter and the calendar, in the
 * words the data gives them (peerhub.render.kit_words). The calendar is one recurring
 * event: from the start date, time, time
 * zone and holiday window the reader picks, it books the first term (by default the
 * design's shortest program length) at the cadence, the holiday meetings left out
 * and the last meeting of the term the review. Text is set with textContent, never
 * parsed as HTML. In Node (the tests) the file exports its functions instead.
 */
(function () {
  "use strict";
  var DAY = 86400000;
  var LEAD_DAYS = 14;
  var ALARM_DAYS = 7;
  var MONTH_STEP = { "monthly": 1, "every-two-months": 2, "quarterly": 3 };
  var DAY_STEP = { "weekly": 7, "fortnightly": 14 };
  var MAX_TERM_MONTHS = 60;
  var WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

  /* ---- Finding the design ---- */

  /**
   * The design the address names, as the picker adapts it to the choices there, and
   * the choices the kit names (mode, facilitation, cadence) in the data's words, or
   * the design's own where the reader left one open ("any" or absent) or gave a value
   * the data does not know. Null for a design the data does not hold.
   * @param {PeerHub} hub
   * @param {PickerData} data
   * @param {URLSearchParams} query
   * @returns {KitDesign | null}
   */
  function chosen(hub, data, query) {
    var outcome = query.get("outcome");
    var key = query.get("design");
    if (!outcome || !key) return null;
    /** @type {Choices} */
    var choices = {};
    hub.DIMENSIONS.forEach(function (name) { choices[name] = query.get(name) || "any"; });
    // The data answers every meeting length and cadence the picker offers.
    var found = hub.design(data, outcome, key, choices);
    if (!found) return null;
    var mode = hub.own(data.kit.modes, query.get("mode") || "");
    var facilitation = hub.own(data.kit.facilitation, query.get("facilitation") || "");
    var cadence = query.get("cadence") || "any";
    return Object.assign(found, {
      outcome: hub.own(data.outcomes, outcome),
      cadence: cadence !== "any" && data.choices.cadence.indexOf(cadence) >= 0 ? cadence : found.base.cadence_id,
      facilitation: facilitation || found.base.facilitation,
      mode: mode ? mode.label : found.base.modes,
      modeWords: mode ? mode.words : found.base.modes_words
    });
  }

  /* ---- Dates, in the reader's chosen time zone ---- */

  function pad(n, width) { return String(n).padStart(width || 2, "0"); }

  function isoDay(date) { return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1) + "-" + pad(date.getUTCDate()); }

  function inHoliday(date, from, to) {
    var md = pad(date.getUTCMonth() + 1) + "-" + pad(date.getUTCDate());
    if (!from || !to) return false;
    return from <= to ? md >= from && md <= to : md >= from || md <= to;
  }

  /* The first Tuesday at least two weeks ahead that is outside the holiday window. */
  function defaultStart(today, from, to) {
    var day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) + LEAD_DAYS * DAY);
    while (day.getUTCDay() !== 2 || inHoliday(day, from, to)) day = new Date(day.getTime() + DAY);
    return day;
  }

  /* Which of its weekdays in the month `start` is: 1 to 4, or -1 for a fifth (the last). */
  function weekOfMonth(start) {
    var nth = Math.ceil(start.getUTCDate() / 7);
    return nth > 4 ? -1 : nth;
  }

  /* The same weekday in the same week of the month, `months` later (the 5th becomes the last). */
  function sameWeekdayLater(start, months) {
    var nth = Math.ceil(start.getUTCDate() / 7);
    var first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
    var offset = (start.getUTCDay() - first.getUTCDay() + 7) % 7;
    var day = new Date(first.getTime() + (offset + 7 * (nth - 1)) * DAY);
    if (day.getUTCMonth() !== first.getUTCMonth()) day = new Date(day.getTime() - 7 * DAY);
    return day;
  }

  /* The same day of the month `months` later (the month's last day where it is shorter). */
  function monthsLater(start, months) {
    var last = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months + 1, 0)).getUTCDate();
    return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, Math.min(start.getUTCDate(), last)));
  }

  /* Every date of the series in a term of `months` from `start`, holidays included: at a
   * monthly cadence of every `n` months, months 0, n, 2n, ... before `months` (6 months
   * monthly: 6 meetings; 12 months every two months: 6); weekly or every two weeks,
   * every date before the same date `months` later (3 months weekly from 7 January:
   * 13 meetings, the last on 31 March). */
  function seriesDays(start, cadence, months) {
    var days = [];
    if (DAY_STEP[cadence]) {
      var end = monthsLater(start, months);
      for (var day = start; day < end; day = new Date(day.getTime() + DAY_STEP[cadence] * DAY)) days.push(day);
    } else {
      for (var i = 0; i * MONTH_STEP[cadence] < months; i += 1) days.push(sameWeekdayLater(start, i * MONTH_STEP[cadence]));
    }
    return days;
  }

  /* The term's meetings: the series, which dates the holiday window leaves out, and
   * the meetings held (the last of them is the review). */
  function term(start, cadence, months, from, to) {
    var series = seriesDays(start, cadence, months);
    return {
      series: series,
      skipped: series.filter(function (day) { return inHoliday(day, from, to); }),
      held: series.filter(function (day) { return !inHoliday(day, from, to); })
    };
  }

  var formats = {};

  /* Minutes the zone is ahead of UTC at the instant `utc` (milliseconds). */
  function offsetAt(utc, zone) {
    var parts = {};
    if (!formats[zone]) {
      formats[zone] = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric",
        month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    }
    formats[zone].formatToParts(new Date(utc)).forEach(function (p) { parts[p.type] = p.value; });
    return (Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - utc) / 60000;
  }

  /* The UTC instant of a wall-clock time in `zone` (right across daylight-saving changes). */
  function zonedToUtc(day, hours, minutes, zone) {
    var wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes);
    var first = wall - offsetAt(wall, zone) * 60000;
    return wall - offsetAt(first, zone) * 60000;
  }

  /* ---- The calendar file (RFC 5545) ---- */

  /* A date-time as its wall-clock digits (a Date whose UTC fields hold the local time). */
  function local(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) + "T" +
      pad(d.getUTCHours()) + pad(d.getUTCMinutes()) + pad(d.getUTCSeconds());
  }

  function stamp(utc) { return local(utc) + "Z"; }

  /* TEXT values: backslashes, semicolons, commas and line breaks escaped; other control
   * characters, which no TEXT may hold, dropped. */
  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      // eslint-disable-next-line no-control-regex -- control characters are what it drops
      .replace(/\r\n|\r|\n/g, "\\n").replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
  }

  /* A parameter value, quoted: no double quote or control character can end it. */
  function paramText(text) {
    // eslint-disable-next-line no-control-regex -- control characters are what it drops
    return "\"" + String(text).replace(/[\u0000-\u001f\u007f"]+/g, " ").trim() + "\"";
  }

  /* Lines longer than 75 octets continue on the next line after a space. */
  function fold(line) {
    var out = [];
    var current = "";
    var size = 0;
    var encoder = new TextEncoder();
    Array.from(line).forEach(function (ch) {
      var bytes = encoder.encode(ch).length;
      if (size + bytes > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += ch;
      size += bytes;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  /**
   * An agenda as lines of text: each step's time span and title.
   * @param {AgendaStep[]} steps
   */
  function agendaText(steps) {
    return steps.map(function (s) { return s.time + ": " + s.title; }).join("\n");
  }

  function utcOffset(minutes) {
    var sign = minutes < 0 ? "-" : "+";
    var size = Math.abs(minutes);
    return sign + pad(Math.floor(size / 60)) + pad(size % 60);
  }

  /* The zone's rules from `from` to `to` (UTC milliseconds): its offset at `from`, then
   * each change of offset, found to the minute, as one observance each. */
  function vtimezone(zone, from, to) {
    var changes = [];
    var offset = offsetAt(from, zone);
    for (var t = from + DAY; t < to + DAY; t += DAY) {
      var next = offsetAt(t, zone);
      if (next === offset) continue;
      var low = t - DAY;
      var high = t;
      while (high - low > 60000) {
        var middle = low + Math.floor((high - low) / 120000) * 60000;
        if (offsetAt(middle, zone) === offset) low = middle;
        else high = middle;
      }
      changes.push({ at: high, from: offset, to: next });
      offset = next;
    }
    var first = offsetAt(from, zone);
    var offsets = [first].concat(changes.map(function (c) { return c.to; }));
    var standard = Math.min.apply(null, offsets);
    var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone];
    function observance(at, before, after) {
      var kind = after > standard ? "DAYLIGHT" : "STANDARD";
      lines.push("BEGIN:" + kind, "DTSTART:" + local(at + before * 60000), "TZOFFSETFROM:" + utcOffset(before),
        "TZOFFSETTO:" + utcOffset(after), "END:" + kind);
    }
    observance(from - DAY - (from % DAY), first, first);
    changes.forEach(function (c) { observance(c.at, c.from, c.to); });
    lines.push("END:VTIMEZONE");
    return lines;
  }

  /* The location as a link, when it is one https: address and nothing else. */
  function linkOf(text) {
    var value = String(text || "").trim();
    if (!/^https:\/\/\S+$/i.test(value)) return null;
    try {
      var url = new URL(value);
      return url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  function validEmail(text) {
    return /^[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"'.]+(\.[^\s@<>()[\]\\,;:"'.]+)+$/.test(text);
  }

  /* One event repeating at the cadence for the term, its holiday dates excluded. */
  function calendar(design, options, now) {
    var d = design.base;
    var plan = term(options.start, options.cadence, options.months, options.from, options.to);
    var zone = options.zone;
    var wall = function (day) { return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), options.hours, options.minutes); };
    var begin = wall(options.start);
    var first = zonedToUtc(options.start, options.hours, options.minutes, zone);
    var last = plan.series[plan.series.length - 1];
    var review = plan.held[plan.held.length - 1];
    var rule = DAY_STEP[options.cadence]
      ? "FREQ=WEEKLY;INTERVAL=" + DAY_STEP[options.cadence] / 7
      : "FREQ=MONTHLY;INTERVAL=" + MONTH_STEP[options.cadence] + ";BYDAY=" + weekOfMonth(options.start) +
        WEEKDAYS[options.start.getUTCDay()];
    var link = linkOf(options.location);
    var description = design.outcome.name + " peer group, " + design.size + ". " + design.facilitation + ". " +
      design.schedule[options.cadence] + ", " + design.modeWords + ".\n" +
      "First term: " + options.months + " months, " + plan.held.length + " meetings; the last, on " +
      isoDay(review) + ", is the review: decide together whether to stop, renew for another term, " +
      "or continue as an alumni group.\n" + (link ? "Join: " + link + "\n" : "") +
      "\nFirst meeting:\n" + agendaText(design.agenda) + "\n\nLater meetings:\n" + agendaText(design.later);
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Peer Group Hub//Start kit//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + escapeText(d.title), "X-WR-TIMEZONE:" + zone]
      .concat(vtimezone(zone, first - 2 * DAY, zonedToUtc(last, options.hours, options.minutes, zone) + 2 * DAY));
    lines.push("BEGIN:VEVENT", "UID:" + d.key + "-" + isoDay(options.start) + "@peer-group-hub",
      "DTSTAMP:" + stamp(now), "DTSTART;TZID=" + zone + ":" + local(begin),
      "DTEND;TZID=" + zone + ":" + local(begin + design.minutes * 60000),
      "RRULE:" + rule + ";COUNT=" + plan.series.length);
    plan.skipped.forEach(function (day) { lines.push("EXDATE;TZID=" + zone + ":" + local(wall(day))); });
    lines.push("SUMMARY:" + escapeText(d.title), "DESCRIPTION:" + escapeText(description));
    if (String(options.location || "").trim()) lines.push("LOCATION:" + escapeText(String(options.location).trim()));
    if (options.email) {
      lines.push("ORGANIZER;CN=" + paramText(options.organizer || options.email) + ":mailto:" + options.email);
    }
    if (first - ALARM_DAYS * DAY > now) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P" + ALARM_DAYS + "D",
        "DESCRIPTION:" + escapeText("Meeting in one week: send the agenda and any readings."), "END:VALARM");
    }
    lines.push("END:VEVENT", "END:VCALENDAR");
    return { text: lines.map(fold).join("\r\n") + "\r\n", count: plan.held.length, review: review };
  }

  /* ---- The charter: printed from the page, or downloaded as Markdown ---- */

  /**
   * The charter's sections: a heading, paragraphs, a list and a number of numbered
   * blanks to fill in, as plain text, which the page sets as text and the Markdown escapes.
   * @typedef {{heading: string, paragraphs: string[], list?: string[], blanks?: number}} CharterSection
   * @param {PickerData} data
   * @param {KitDesign} design
   * @returns {CharterSection[]}
   */
  function charterSections(data, design, options, plan) {
    var d = design.base;
    var review = plan.held[plan.held.length - 1];
    var names = d.formats.map(function (slug) { return data.formats[slug].name; });
    var place = String(options.location || "").trim();
    return [
      { heading: "Purpose", paragraphs: ["We meet so that each of us can ...", "Our one primary outcome is " + design.outcome.name + ": " +
        design.outcome.question] },
      { heading: "Members", paragraphs: [design.size + ". " + d.who] },
      { heading: "Meetings", paragraphs: ["We meet " + data.kit.cadences[options.cadence].words + " for " + design.minutes +
        " minutes (" + design.modeWords + "), starting on " + isoDay(options.start) + "." +
        (place ? " Where: " + place : "")] },
      { heading: "First term and review", paragraphs: ["Our first term is " + options.months + " months: " + plan.held.length +
        " meetings. Our last meeting of the term, on " + isoDay(review) + ", is our review: we decide together " +
        "whether to stop, renew for another term, or continue as an alumni group. (The design runs for " +
        d.program + ".)"] },
      { heading: "Ground rules", paragraphs: ["What members share stays in the group unless the person who shared it agrees otherwise. " +
        "Minutes record themes and actions, never personal details."], list: [
        "Come to every meeting you can; tell the host in advance when you cannot.",
        "Bring a real issue when it is your turn, and report back on your actions.",
        "After missing two meetings in a row, talk with the convener about what would help."] },
      { heading: "Check-ins", paragraphs: ["Every three months, and at our last meeting, we open with a twenty-minute health check " +
        "(the hub's evaluation kit: /evaluate/) and agree one change to try."] },
      { heading: "Facilitation", paragraphs: [design.facilitation + ". The host role rotates in this order:"], blanks: 3 },
      { heading: "Formats", paragraphs: [names.join(", ") + " (the hub's format pages describe the steps)."] }
    ];
  }

  function md(text) { return String(text).replace(/[<>&]/g, function (c) { return { "<": "&lt;", ">": "&gt;", "&": "&amp;" }[c]; }); }

  function charter(data, design, options) {
    var plan = term(options.start, options.cadence, options.months, options.from, options.to);
    var lines = ["# Group charter: " + md(design.base.title), "", "Group name: ____________", ""];
    charterSections(data, design, options, plan).forEach(function (section) {
      lines.push("## " + section.heading);
      section.paragraphs.forEach(function (p) { lines.push(md(p)); });
      if (section.list) section.list.forEach(function (item) { lines.push("- " + md(item)); });
      for (var i = 1; i <= (section.blanks || 0); i += 1) lines.push((i === 1 ? "\n" : "") + i + ". ____");
      if (section.heading === "Members") lines.push("", "| Name | Role | Joined |", "| --- | --- | --- |", "|  |  |  |");
      lines.push("");
    });
    lines.push("Signed on ____ by the members above.", "");
    return lines.join("\n");
  }

  /* ---- The page ---- */

  /** @type {PeerHub} */
  var hub;
  /** @type {PeerHub["el"]} */
  var el;

  /* The charter as a section of the page, which "Print the charter" prints alone. */
  function charterView(data, design, options) {
    var plan = term(options.start, options.cadence, options.months, options.from, options.to);
    /** @type {HTMLElement[]} */
    var parts = [el("h2", { id: "kit-charter-title", text: "Group charter: " + design.base.title }),
      el("p", { text: "Group name: ______________________" })];
    charterSections(data, design, options, plan).forEach(function (section) {
      parts.push(el("h3", { text: section.heading }));
      section.paragraphs.forEach(function (p) { parts.push(el("p", { text: p })); });
      if (section.list) parts.push(el("ul", {}, section.list.map(function (item) { return el("li", { text: item }); })));
      if (section.blanks) {
        var blanks = [];
        for (var i = 0; i < section.blanks; i += 1) blanks.push(el("li", { text: "______________________" }));
        parts.push(el("ol", {}, blanks));
      }
    });
    parts.push(el("p", { text: "Signed on ____________ by: ______________________" }));
    return parts;
  }


  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function field(id, label, control, hint) {
    control.id = id;
    var children = [el("label", { for: id, text: label }), control];
    if (hint) {
      control.setAttribute("aria-describedby", id + "-hint");
      children.push(el("span", { class: "ph-field__hint", id: id + "-hint", text: hint }));
    }
    return el("div", { class: "ph-field" }, children);
  }

  /**
   * @param {number} number
   * @param {AgendaStep[]} steps
   * @param {string} [title]
   * @param {string} [id]
   */
  function runSheet(number, steps, title, id) {
    var rows = steps.map(function (s) {
      return el("tr", {}, [el("td", { text: s.time }), el("td", { text: s.title }),
        el("td", { text: s.detail }), el("td", { class: "ph-runsheet__notes" })]);
    });
    var heading = el("h2", { text: title || "Meeting " + number + (number === 1 ? ": getting started" : "") });
    return el("section", { class: "ph-runsheet__meeting", id: id || "meeting-" + number }, [
      heading,
      el("p", { class: "ph-runsheet__date", text: "Date: ____________   Host: ____________   Note taker: ____________" }),
      // Focusable, so a keyboard can scroll the table where a phone screen is too narrow.
      el("table", { tabindex: "0", "aria-label": (title || "Meeting " + number) + " agenda" }, [el("thead", {}, [el("tr", {}, ["Time", "Step", "What happens", "Notes"].map(function (h) {
        return el("th", { scope: "col", text: h });
      }))]), el("tbody", {}, rows)]),
      el("p", { text: "Actions agreed: ______________________________________________" })
    ]);
  }

  function zones(selected) {
    var list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    if (list.indexOf(selected) < 0) list = [selected].concat(list);
    if (list.indexOf("UTC") < 0) list = list.concat(["UTC"]);
    var select = el("select", { name: "zone" });
    list.forEach(function (z) {
      var option = el("option", { value: z, text: z.replace(/_/g, " ") });
      if (z === selected) option.selected = true;
      select.appendChild(option);
    });
    return select;
  }

  /**
   * The cadences a reader may choose (the picker's), and the design's own.
   * @param {PickerData} data
   * @param {KitDesign} design
   */
  function cadences(data, design) {
    var select = el("select", { name: "cadence" });
    var list = data.choices.cadence.filter(function (c) { return c !== "any"; });
    if (list.indexOf(design.cadence) < 0) list.push(design.cadence);
    list.forEach(function (c) {
      var option = el("option", { value: c, text: data.kit.cadences[c].label });
      if (c === design.cadence) option.selected = true;
      select.appendChild(option);
    });
    return select;
  }

  function render(page, data, design) {
    var d = design.base;
    var now = Date.now();
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    var from = el("input", { type: "text", name: "from", value: "12-20", pattern: "[01][0-9]-[0-3][0-9]", size: "5" });
    var to = el("input", { type: "text", name: "to", value: "01-05", pattern: "[01][0-9]-[0-3][0-9]", size: "5" });
    var start = el("input", { type: "date", name: "start", required: "required",
      value: isoDay(defaultStart(new Date(now), "12-20", "01-05")),
      min: isoDay(new Date(now + (ALARM_DAYS + 1) * DAY)) });
    var time = el("input", { type: "time", name: "time", value: "17:00", required: "required" });
    var zoneSelect = zones(zone);
    var cadence = cadences(data, design);
    var months = el("input", { type: "number", name: "months", min: "1", max: String(MAX_TERM_MONTHS), step: "1",
      required: "required", value: String(d.months.min), inputmode: "numeric" });
    var location = el("textarea", { name: "location", rows: "2", maxlength: "500" });
    var organizer = el("input", { type: "text", name: "organizer", maxlength: "100", autocomplete: "name" });
    var email = el("input", { type: "email", name: "email", maxlength: "254", autocomplete: "email" });
    var status = el("p", { class: "ph-kit__status", role: "status" });
    var form;

    function options() {
      var parts = start.value.split("-").map(Number);
      var clock = time.value.split(":").map(Number);
      return { start: new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])), hours: clock[0], minutes: clock[1],
        zone: zoneSelect.value, from: from.value, to: to.value, cadence: cadence.value, months: Number(months.value),
        location: location.value, organizer: organizer.value.trim(), email: email.value.trim() };
    }

    /* Whether the form's values make a calendar; the browser shows what is wrong. */
    function valid() {
      email.setCustomValidity(email.value.trim() && !validEmail(email.value.trim())
        ? "Enter an e-mail address such as name@example.org, or leave it empty." : "");
      var number = months.value.trim();
      months.setCustomValidity(/^[0-9]+$/.test(number) && +number >= 1 && +number <= MAX_TERM_MONTHS
        ? "" : "Enter a number of months from 1 to " + MAX_TERM_MONTHS + ".");
      var o = options();
      to.setCustomValidity(start.value && months.validity.valid &&
        !term(o.start, o.cadence, o.months, o.from, o.to).held.length
        ? "Every meeting of the term falls in these holidays: shorten them or lengthen the term." : "");
      return form.reportValidity();
    }

    var icsButton = el("button", { type: "button", class: "md-button md-button--primary", text: "Download the calendar (.ics)" });
    icsButton.addEventListener("click", function () {
      if (!valid()) return;
      var o = options();
      var result = calendar(design, o, Date.now());
      download(d.key + ".ics", "text/calendar", result.text);
      status.textContent = result.count + " meetings from " + start.value + ", at " + time.value + " " + zoneSelect.value +
        "; the review on " + isoDay(result.review) + ".";
    });
    var charterButton = el("button", { type: "button", class: "md-button", text: "Download the charter (.md)" });
    charterButton.addEventListener("click", function () {
      if (!valid()) return;
      download(d.key + "-charter.md", "text/markdown", charter(data, design, options()));
    });
    var printButton = el("button", { type: "button", class: "md-button", text: "Print the run-sheet" });
    printButton.addEventListener("click", function () { window.print(); });
    var printCharter = el("button", { type: "button", class: "md-button", text: "Print the charter" });
    printCharter.addEventListener("click", function () {
      if (!valid()) return;
      update();
      document.body.classList.add("ph-print-charter");
      window.addEventListener("afterprint", function done() {
        document.body.classList.remove("ph-print-charter");
        window.removeEventListener("afterprint", done);
      });
      window.print();
    });

    var facts = el("dl", { class: "ph-facts" });
    var meetings = el("dd");
    var firstTerm = el("dd");
    /** @type {[string, HTMLElement][]} */
    var rows = [["Outcome", el("dd", { text: design.outcome.name })], ["Size", el("dd", { text: design.size })],
     ["Meetings", meetings], ["Mode", el("dd", { text: design.mode })], ["Program", el("dd", { text: d.program })],
     ["First term", firstTerm], ["Facilitation", el("dd", { text: design.facilitation })]];
    rows.forEach(function (row) {
      facts.appendChild(el("dt", { text: row[0] }));
      facts.appendChild(row[1]);
    });
    var later = [runSheet(2, design.later), runSheet(3, design.later)];
    var review = runSheet(0, design.later, "Review meeting", "meeting-review");
    var reviewNote = el("p", { class: "ph-runsheet__review" });
    review.insertBefore(reviewNote, review.querySelector("table"));
    var charterSection = el("section", { class: "ph-kit-charter", id: "kit-charter", "aria-labelledby": "kit-charter-title" });

    /* The facts, the review's run-sheet and the charter follow the form. */
    function update() {
      var o = options();
      meetings.textContent = design.schedule[o.cadence];
      if (!start.value || !(o.months >= 1 && o.months <= MAX_TERM_MONTHS && o.months % 1 === 0)) return;
      var plan = term(o.start, o.cadence, o.months, o.from, o.to);
      var last = plan.held[plan.held.length - 1];
      if (!last) {
        firstTerm.textContent = o.months + " months: every meeting falls in the holidays";
        return;
      }
      firstTerm.textContent = o.months + " months: " + plan.held.length + " meetings, the review on " + isoDay(last);
      review.querySelector("h2").textContent = "Meeting " + plan.held.length + ": review of the first term";
      reviewNote.textContent = "On " + isoDay(last) + ". Open with the twenty-minute health check, then decide " +
        "together whether to stop, renew for another term, or continue as an alumni group.";
      charterSection.textContent = "";
      charterView(data, design, o).forEach(function (node) { charterSection.appendChild(node); });
    }

    page.textContent = "";
    page.appendChild(el("h1", { text: "Start kit: " + d.title }));
    page.appendChild(facts);
    if (design.changes.length) {
      page.appendChild(el("ul", { class: "ph-changes" }, design.changes.map(function (c) { return el("li", { text: c }); })));
    }
    form = el("form", { class: "ph-kit__form ph-noprint", id: "kit-options", novalidate: "novalidate" }, [
      el("fieldset", {}, [el("legend", { text: "Your first term" }),
        field("kit-cadence", "Meet", cadence),
        field("kit-months", "First term (months)", months, "This design runs for " + d.program +
          "; the last meeting of the first term is a review.")]),
      el("fieldset", {}, [el("legend", { text: "Your calendar" }),
        field("kit-start", "First meeting", start), field("kit-time", "Time", time), field("kit-zone", "Time zone", zoneSelect),
        field("kit-from", "No meetings from (MM-DD)", from), field("kit-to", "until (MM-DD)", to),
        field("kit-location", "Where, or the call's link (optional)", location),
        field("kit-organizer", "Organizer's name (optional)", organizer),
        field("kit-email", "Organizer's e-mail (optional)", email)]),
      el("p", {}, [icsButton, document.createTextNode(" "), charterButton, document.createTextNode(" "), printButton,
        document.createTextNode(" "), printCharter]),
      status
    ]);
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    page.appendChild(form);
    page.appendChild(runSheet(1, design.agenda));
    later.forEach(function (section) { page.appendChild(section); });
    page.appendChild(review);
    page.appendChild(charterSection);
    update();
  }

  function init() {
    var page = document.getElementById("start-kit");
    if (!page || page.dataset.ready) return;
    page.dataset.ready = "1";
    var query = new URLSearchParams(window.location.search);
    var outcome = query.get("outcome") || "";
    // Only an outcome the page lists is fetched: any other address keeps the page's own
    // words, which ask the reader to open it from a design.
    var known = (page.getAttribute("data-outcomes") || "").split(" ");
    if (!outcome || known.indexOf(outcome) < 0) return;
    // The list of every design's kit keeps its place, unseen, until the kit replaces it.
    page.classList.add("ph-kit-page--loading");
    hub.outcomeData(page.getAttribute("data-src") || "", outcome).then(function (/** @type {PickerData} */ data) {
      var design = chosen(hub, data, query);
      if (design) render(page, data, design);
      page.classList.remove("ph-kit-page--loading");
    }).catch(function (error) {
      page.classList.remove("ph-kit-page--loading");
      page.appendChild(el("p", { text: "The start kit could not load its data." }));
      if (window.console) console.error(error);
    });
  }

  var kit = { chosen: chosen, calendar: calendar, charter: charter, term: term, zonedToUtc: zonedToUtc,
    defaultStart: defaultStart, escapeText: escapeText };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = kit;
    return;
  }
  (window.peerHubReady = window.peerHubReady || []).push(function (found) {
    hub = found;
    el = hub.el;
    hub.kit = kit;
    hub.onPage(init);
  });
})();
