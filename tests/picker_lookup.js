// Runs the real lookup code of docs/assets/hub.js (what picker.js and kit.js call) over a
// picker-data.json, for the golden picker cases. Usage:
//   node tests/picker_lookup.js docs/assets/hub.js picker-data.json < queries.json
// Each query is {outcome, choices} (an answer) or {outcome, page: true} (the outcome's
// designs with no choice made, as its page shows them). Prints one JSON list of answers.
"use strict";
const fs = require("fs");
const path = require("path");

const [hubScript, dataFile] = process.argv.slice(2);
const hub = require(path.resolve(hubScript)); // the functions the script exports in Node
const data = JSON.parse(fs.readFileSync(dataFile, "utf8"));
const queries = JSON.parse(fs.readFileSync(0, "utf8"));

function shown(design) {
  return {
    title: design.base.title,
    size: design.size,
    meetings: design.meetings,
    changes: design.changes,
    notes: design.notes,
    agenda: design.agenda.map((s) => [s.title, s.minutes]),
    later: design.later.map((s) => [s.title, s.minutes]),
  };
}

const answers = queries.map((q) => {
  if (q.page) return { designs: hub.answer(data, q.outcome, {}).designs.map(shown) };
  const answer = hub.answer(data, q.outcome, q.choices);
  return { designs: answer.designs.map(shown), notes: answer.notes };
});
process.stdout.write(JSON.stringify(answers));
