// The events page: filters, a paginated table, and the evidence panel that shows the sentence
// behind an event highlighted in its article.
"use strict";
(() => {
  const {el, api, setupFilters, filterValues, renderEvent, actorLabel, actorLink} = Chronicle;
  const tbody = document.querySelector("#events-table tbody");
  const panel = document.getElementById("evidence");
  const sort = document.getElementById("sort");
  let page = Number(new URLSearchParams(location.search).get("page") || 1);
  // how a date was found, beside it: the day the text names needs no mark
  const DATE_MARKS = {published: " *", period: " ~"};
  const DATE_NOTES = {published: "dated by publication", period: "first day of the week or month named"};

  function exportLinks() {
    for (const a of document.querySelectorAll("a.export[data-format]")) {
      a.href = "/api/export/events?" + new URLSearchParams({...filterValues(), format: a.dataset.format});
    }
  }

  async function load() {
    exportLinks();
    tbody.replaceChildren(el("tr", {}, el("td", {colspan: 9, class: "muted", text: "loading…"})));
    let result;
    try { result = await api("/api/events", {...filterValues(), sort: sort.value, page, per_page: 50}); }
    catch (err) { tbody.replaceChildren(el("tr", {}, el("td", {colspan: 9, text: String(err)}))); return; }
    document.getElementById("count").textContent = `${result.total} event(s)`;
    document.getElementById("page-label").textContent = `page ${result.page} of ${Math.max(1, result.pages)}`;
    document.getElementById("prev").disabled = page <= 1;
    document.getElementById("next").disabled = page >= result.pages;
    tbody.replaceChildren(...result.items.map((e) => {
      const row = el("tr", {"data-id": e.id, tabindex: 0},
        el("td", {text: e.date + (DATE_MARKS[e.date_basis] || ""), title: DATE_NOTES[e.date_basis]}),
        el("td", {text: e.event_type + (e.mode ? "/" + e.mode : "") + (e.modality === "asserted" ? "" : ` [${e.modality}]`)}),
        el("td", {text: e.acled_sub_event_type || ""}),
        el("td", {}, actorLink(actorLabel(e, "actor"))), el("td", {}, actorLink(actorLabel(e, "recipient"))),
        el("td", {text: e.place_name || ""}),
        // the lowest figure its reports give, with how it was chosen on hover
        el("td", {text: e.fatalities == null ? "" : String(e.fatalities), title: e.fatalities_note || ""}),
        el("td", {text: e.article_count}),
        el("td", {text: e.sources.split(",").filter(Boolean).join(", ")}));
      const open = () => {
        for (const r of tbody.querySelectorAll("tr.selected")) r.classList.remove("selected");
        row.classList.add("selected");
        renderEvent(panel, e);
      };
      // a click on an actor's name opens its page, anywhere else the event's evidence
      row.addEventListener("click", (c) => { if (!c.target.closest("a")) open(); });
      row.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
      return row;
    }));
    if (!result.items.length) tbody.replaceChildren(el("tr", {}, el("td", {colspan: 9, class: "muted", text: "No events match."})));
  }

  document.getElementById("prev").onclick = () => { page = Math.max(1, page - 1); load(); };
  document.getElementById("next").onclick = () => { page += 1; load(); };
  sort.onchange = () => { page = 1; load(); };
  // The list opens on the story's own period: the days its articles were published on, and
  // the month before (what they look back to). A stray date decades away (an anniversary, a
  // misread year) would otherwise be the first row; "Clear" shows every date.
  const BACKGROUND_DAYS = 30;
  function openOnStory(stats) {
    const query = new URLSearchParams(location.search), form = document.getElementById("filters");
    const note = document.getElementById("period-note");
    if (!stats || !stats.published.first || query.get("date_from") || query.get("date_to")) return;
    const start = new Date(Date.parse(stats.published.first + "T00:00:00Z") - BACKGROUND_DAYS * 86400000);
    form.elements.date_from.value = start.toISOString().slice(0, 10);
    form.elements.date_to.value = stats.published.last;
    if (note) note.textContent = `the story's period (articles of ${stats.published.first} to ${stats.published.last}, and the month before); Clear shows every date`;
    form.addEventListener("reset", () => { if (note) note.textContent = ""; }, {once: true});
  }

  setupFilters(() => { page = 1; load(); }).then((stats) => { openOnStory(stats); load(); });
})();
