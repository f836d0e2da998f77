/* Peer Group Hub start kit: a run-sheet, a calendar (.ics) and a charter (.md) for
 * one design as the picker adapted it to the reader's choices.
 *
 * The page's query string holds the picker's choices and the design's key; the
 * design, its meeting length, size and agendas are looked up in picker-data.json,
 * exactly as the picker shows them. Only the calendar is made here: from the start
 * date, time, time zone and holiday window the reader picks, it lists every meeting
 * of the program (its longest planned length) at the design's cadence, each with an
 * alarm a week before. Text is set with textContent, never parsed as HTML.
 */
(function () {
  "use strict";
  var hub = window.peerHub;
  var el = hub.el;
  var DAY = 86400000;
  var LEAD_DAYS = 14;
  var ALARM_DAYS = 7;
  var MONTH_STEP = { "monthly": 1, "every-two-months": 2, "quarterly": 3 };
  var DAY_STEP = { "weekly": 7, "fortnightly": 14 };

  /* ---- Finding the design ---- */

  function chosen(data, query) {
    var outcome = query.get("outcome");
    var key = query.get("design");
    if (!outcome || !key) return null;
    var choices = {};
    hub.DIMENSIONS.forEach(function (name) { choices[name] = query.get(name) || "any"; });
    var found = hub.design(data, outcome, key, choices);
    if (!found) return null;
    found.outcome = hub.own(data.outcomes, outcome);
    return found;
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

  /* The same weekday in the same week of the month, `months` later (the 5th becomes the last). */
  function sameWeekdayLater(start, months) {
    var nth = Math.ceil(start.getUTCDate() / 7);
    var first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
    var offset = (start.getUTCDay() - first.getUTCDay() + 7) % 7;
    var day = new Date(first.getTime() + (offset + 7 * (nth - 1)) * DAY);
    if (day.getUTCMonth() !== first.getUTCMonth()) day = new Date(day.getTime() - 7 * DAY);
    return day;
  }

  function meetingDays(start, cadence, months, from, to) {
    var end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()));
    var days = [];
    for (var i = 0; i < 1000; i += 1) {
      var day = DAY_STEP[cadence] ? new Date(start.getTime() + i * DAY_STEP[cadence] * DAY)
        : sameWeekdayLater(start, i * MONTH_STEP[cadence]);
      if (day >= end) break;
      if (!inHoliday(day, from, to)) days.push(day);
    }
    return days;
  }

  /* Minutes the zone is ahead of UTC at the instant `utc` (milliseconds). */
  function offsetAt(utc, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(utc)).forEach(function (p) { parts[p.type] = p.value; });
    return (Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - utc) / 60000;
  }

  /* The UTC instant of a wall-clock time in `zone` (right across daylight-saving changes). */
  function zonedToUtc(day, hours, minutes, zone) {
    var wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes);
    var first = wall - offsetAt(wall, zone) * 60000;
    return wall - offsetAt(first, zone) * 60000;
  }

  /* ---- The calendar file (RFC 5545) ---- */

  function stamp(utc) {
    var d = new Date(utc);
    return d.getUTCFullYear() + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) + "T" +
      pad(d.getUTCHours()) + pad(d.getUTCMinutes()) + pad(d.getUTCSeconds()) + "Z";
  }

  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  /* Lines longer than 75 octets continue on the next line after a space. */
  function fold(line) {
    var out = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (ch) {
      var bytes = new TextEncoder().encode(ch).length;
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

  function agendaText(steps) {
    var start = 0;
    return steps.map(function (s) {
      var line = start + "-" + (start + s[1]) + " min: " + s[0];
      start += s[1];
      return line;
    }).join("\n");
  }

  function calendar(design, options, now) {
    var d = design.base;
    var days = meetingDays(options.start, d.cadence_id, d.months[1], options.from, options.to);
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Peer Group Hub//Start kit//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + escapeText(d.title), "X-WR-TIMEZONE:" + options.zone];
    days.forEach(function (day, i) {
      var begin = zonedToUtc(day, options.hours, options.minutes, options.zone);
      var end = begin + design.minutes * 60000;
      lines.push("BEGIN:VEVENT", "UID:" + d.key + "-" + isoDay(options.start) + "-" + (i + 1) + "@peer-group-hub",
        "DTSTAMP:" + stamp(now), "DTSTART:" + stamp(begin), "DTEND:" + stamp(end),
        "SUMMARY:" + escapeText(d.title + ": meeting " + (i + 1) + " of " + days.length),
        "DESCRIPTION:" + escapeText(design.outcome[0] + " peer group, " + design.size + ".\n" +
          agendaText(i === 0 ? design.agenda : design.later)));
      if (begin - ALARM_DAYS * DAY > now) {
        lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P" + ALARM_DAYS + "D",
          "DESCRIPTION:" + escapeText("Meeting in one week: send the agenda and any readings."), "END:VALARM");
      }
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return { text: lines.map(fold).join("\r\n") + "\r\n", count: days.length };
  }

  /* ---- The charter (Markdown) ---- */

  function md(text) { return String(text).replace(/[<>&]/g, function (c) { return { "<": "&lt;", ">": "&gt;", "&": "&amp;" }[c]; }); }

  function charter(data, design, options) {
    var d = design.base;
    var names = d.formats.map(function (slug) { return md(data.formats[slug][0]); });
    return [
      "# Group charter: " + md(d.title), "",
      "## Purpose", "<!-- One sentence in your own words. -->", "We meet so that each of us can ...", "",
      "## Outcome", "Our one primary outcome is **" + md(design.outcome[0]) + "**: " + md(design.outcome[2]), "",
      "## Members", md(design.size) + ". " + md(d.who), "",
      "| Name | Role | Joined |", "| --- | --- | --- |", "|  |  |  |", "",
      "## Timeframe",
      "We meet " + d.cadence.toLowerCase() + " for " + design.minutes + " minutes, for " + d.program +
        ", starting on " + isoDay(options.start) + ". At the end we decide together whether to stop, " +
        "renew for another term, or continue as an alumni group.", "",
      "## Confidentiality",
      "What members share stays in the group unless the person who shared it agrees otherwise. " +
        "Minutes record themes and actions, never personal details.", "",
      "## Commitment",
      "- Come to every meeting you can; tell the host in advance when you cannot.",
      "- Bring a real issue when it is your turn, and report back on your actions.",
      "- After missing two meetings in a row, talk with the convener about what would help.", "",
      "## Check-ins",
      "Every three months, and at our last meeting, we open with a twenty-minute health check " +
        "(the hub's evaluation kit: /evaluate/) and agree one change to try.", "",
      "## Facilitation", md(d.facilitation) + ". The host role rotates in this order:", "",
      "1. ____", "2. ____", "3. ____", "",
      "## Formats", names.join(", ") + " (the hub's format pages describe the steps).", "",
      "Signed on ____ by the members above.", ""
    ].join("\n");
  }

  /* ---- The page ---- */

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function field(id, label, control) {
    control.id = id;
    return el("div", { class: "ph-field" }, [el("label", { for: id, text: label }), control]);
  }

  function runSheet(number, steps) {
    var start = 0;
    var rows = steps.map(function (s) {
      var row = el("tr", {}, [el("td", { text: start + "–" + (start + s[1]) + " min" }), el("td", { text: s[0] }),
        el("td", { text: s[2] }), el("td", { class: "ph-runsheet__notes" })]);
      start += s[1];
      return row;
    });
    return el("section", { class: "ph-runsheet__meeting", id: "meeting-" + number }, [
      el("h2", { text: "Meeting " + number + (number === 1 ? ": getting started" : "") }),
      el("p", { text: "Date: ____________   Host: ____________   Note taker: ____________" }),
      // Focusable, so a keyboard can scroll the table where a phone screen is too narrow.
      el("table", { tabindex: "0", "aria-label": "Meeting " + number + " agenda" }, [el("thead", {}, [el("tr", {}, ["Time", "Step", "What happens", "Notes"].map(function (h) {
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
    var status = el("p", { class: "ph-kit__status", role: "status" });

    function options() {
      var parts = start.value.split("-").map(Number);
      var clock = time.value.split(":").map(Number);
      return { start: new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])), hours: clock[0], minutes: clock[1],
        zone: zoneSelect.value, from: from.value, to: to.value };
    }

    var icsButton = el("button", { type: "button", class: "md-button md-button--primary", text: "Download the calendar (.ics)" });
    icsButton.addEventListener("click", function () {
      var result = calendar(design, options(), Date.now());
      download(d.key + ".ics", "text/calendar", result.text);
      status.textContent = result.count + " meetings from " + start.value + ", at " + time.value + " " + zoneSelect.value + ".";
    });
    var charterButton = el("button", { type: "button", class: "md-button", text: "Download the charter (.md)" });
    charterButton.addEventListener("click", function () {
      download(d.key + "-charter.md", "text/markdown", charter(data, design, options()));
    });
    var printButton = el("button", { type: "button", class: "md-button", text: "Print the run-sheet" });
    printButton.addEventListener("click", function () { window.print(); });

    var facts = el("dl", { class: "ph-facts" });
    [["Outcome", design.outcome[0]], ["Size", design.size], ["Meetings", d.cadence + ", " + design.minutes + " minutes"],
     ["Program", d.program], ["Facilitation", d.facilitation]].forEach(function (row) {
      facts.appendChild(el("dt", { text: row[0] }));
      facts.appendChild(el("dd", { text: row[1] }));
    });
    page.textContent = "";
    page.appendChild(el("h1", { text: "Start kit: " + d.title }));
    page.appendChild(facts);
    if (design.changes.length) {
      page.appendChild(el("ul", { class: "ph-changes" }, design.changes.map(function (c) { return el("li", { text: c }); })));
    }
    page.appendChild(el("form", { class: "ph-kit__form ph-noprint", id: "kit-options" }, [
      el("fieldset", {}, [el("legend", { text: "Your calendar" }),
        field("kit-start", "First meeting", start), field("kit-time", "Time", time), field("kit-zone", "Time zone", zoneSelect),
        field("kit-from", "No meetings from (MM-DD)", from), field("kit-to", "until (MM-DD)", to)]),
      el("p", {}, [icsButton, document.createTextNode(" "), charterButton, document.createTextNode(" "), printButton]),
      status
    ]));
    page.appendChild(runSheet(1, design.agenda));
    page.appendChild(runSheet(2, design.later));
    page.appendChild(runSheet(3, design.later));
  }

  function init() {
    var page = document.getElementById("start-kit");
    if (!page || page.dataset.ready) return;
    page.dataset.ready = "1";
    hub.load(page.getAttribute("data-src")).then(function (data) {
      var design = chosen(data, new URLSearchParams(window.location.search));
      if (design) render(page, data, design);
    }).catch(function (error) {
      page.appendChild(el("p", { text: "The start kit could not load its data." }));
      if (window.console) console.error(error);
    });
  }

  window.peerHub.kit = { calendar: calendar, meetingDays: meetingDays, zonedToUtc: zonedToUtc, defaultStart: defaultStart };
  hub.onPage(init);
})();
