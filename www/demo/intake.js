// Demo: the NGO intake page turns the shared result into case notes.
//
// The widget dispatches `riskscreen:complete` only after the person pressed
// "Share the result"; its detail is the summary (ids, level, danger), never the
// answers themselves.

const summary = document.getElementById("summary");

function row(list, term, value) {
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  dd.textContent = value;
  list.append(dt, dd);
}

document.addEventListener("riskscreen:complete", (event) => {
  const result = event.detail;
  const list = document.createElement("dl");
  row(list, "Questionnaire", `${result.questionnaire} ${result.version}`);
  row(list, "Level", result.level);
  row(list, "Danger now", result.danger ? `yes (${result.dangerSigns.join(", ")})` : "no");
  row(list, "Signs found", result.signs.length ? result.signs.join(", ") : "none");
  if (result.patternMet !== undefined) {
    row(list, "ILO pattern met", result.patternMet ? "yes" : "no");
  }
  row(list, "Not sure", result.unsure.length ? result.unsure.join(", ") : "none");
  row(list, "Not answered", result.declined.length ? result.declined.join(", ") : "none");
  summary.replaceChildren(list);
});
