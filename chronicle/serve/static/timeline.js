// The timeline page: events per day in lanes (by type, actor or recipient), zoomable, with
// days clustered into weeks, months or years when they are too dense to tell apart; and
// below it the summarised timeline with its evidence.
"use strict";
(() => {
  const {el, api, setupFilters, filterValues, eventList, actorHref} = Chronicle;
  const DAY = 86400000, LABEL = 150, LANE = 34, TOP = 26, WIDTH = 1100;
  const BINS = [1, 7, 30, 91, 365];  // days per cluster, chosen from the zoom
  const chart = document.getElementById("lanes");
  const groupSelect = document.getElementById("group");
  let data = null, view = null, full = null;

  const dayNumber = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY);
  const isoDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

  async function load() {
    chart.replaceChildren(el("p", {class: "muted", text: "loading…"}));
    data = await api("/api/events/days", {...filterValues(), group: groupSelect.value});
    const days = data.days.map((d) => dayNumber(d.date));
    if (!days.length) { chart.replaceChildren(el("p", {class: "muted", text: "No dated events in this store yet."})); return; }
    full = [Math.min(...days) - 3, Math.max(...days) + 4];
    // Open on the days that hold 98% of the events: a stray date decades away (a quoted
    // anniversary) should not squash the story into one pixel; "Whole story" shows all.
    const weighted = data.days.map((d) => [dayNumber(d.date), d.events]).sort((a, b) => a[0] - b[0]);
    const total = weighted.reduce((n, [, e]) => n + e, 0);
    let seen = 0, low = full[0], high = full[1];
    for (const [day, events] of weighted) {
      if (seen < total * 0.01) low = day;
      seen += events;
      if (seen >= total * 0.99) { high = day; break; }
    }
    view = [Math.max(full[0], low - 3), Math.min(full[1], Math.max(high + 4, low + 14))];
    draw();
  }

  function binDays() {
    const span = view[1] - view[0], plot = WIDTH - LABEL - 10;
    return BINS.find((b) => (b / span) * plot >= 9) || 365;
  }

  function draw() {
    const plot = WIDTH - LABEL - 10, height = TOP + data.lanes.length * LANE + 10;
    const x = (n) => LABEL + ((n - view[0]) / (view[1] - view[0])) * plot;
    const size = binDays();
    const svg = el("svg:svg", {viewBox: `0 0 ${WIDTH} ${height}`, role: "img"});
    // time axis: ticks at month or year starts, whichever gives a readable number
    const first = new Date(view[0] * DAY), years = (view[1] - view[0]) / 365;
    const step = years > 8 ? 24 : years > 3 ? 12 : years > 1 ? 3 : 1;
    let tick = new Date(Date.UTC(first.getUTCFullYear(), 0, 1));
    while (tick.getTime() / DAY < view[1]) {
      const n = tick.getTime() / DAY;
      if (n >= view[0]) {
        svg.append(el("svg:line", {x1: x(n), x2: x(n), y1: TOP - 6, y2: height, stroke: "#eef0f3"}),
                   el("svg:text", {x: x(n) + 2, y: TOP - 10, class: "axis", text: tick.toISOString().slice(0, step >= 12 ? 4 : 7)}));
      }
      tick = new Date(Date.UTC(tick.getUTCFullYear(), tick.getUTCMonth() + step, 1));
    }
    const lanes = new Map(data.lanes.map((name, i) => [name, i]));
    // lanes of actors or recipients name actors: each name links to its page ("(other)" none)
    const ofActors = groupSelect.value !== "type";
    data.lanes.forEach((name, i) => {
      const y = TOP + i * LANE;
      const text = el("svg:text", {x: 4, y: y + LANE / 2 + 4, class: "lane-label", text: name.length > 22 ? name.slice(0, 21) + "…" : name},
        el("svg:title", {text: name}));
      svg.append(el("svg:line", {x1: LABEL, x2: WIDTH, y1: y + LANE, y2: y + LANE, stroke: "#f0f1f4"}),
                 ofActors && !name.startsWith("(") ? el("svg:a", {href: actorHref(name)}, text) : text);
    });
    // cluster days into bins of `size` days per lane
    const bins = new Map();
    for (const d of data.days) {
      const n = dayNumber(d.date);
      if (n < view[0] - size || n > view[1] + size) continue;
      const start = Math.floor(n / size) * size, key = d.lane + "|" + start;
      const bin = bins.get(key) || {lane: d.lane, start, events: 0, articles: 0};
      bin.events += d.events; bin.articles += d.articles;
      bins.set(key, bin);
    }
    const biggest = Math.max(1, ...[...bins.values()].map((b) => b.events));
    const palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
    for (const bin of bins.values()) {
      const lane = lanes.get(bin.lane), cx = x(bin.start + size / 2);
      if (cx < LABEL || cx > WIDTH) continue;
      const r = 3 + 11 * Math.sqrt(bin.events / biggest);
      const last = bin.start + size - 1;
      const label = size === 1 ? isoDay(bin.start) : `${isoDay(bin.start)} – ${isoDay(last)}`;
      const bubble = el("svg:circle", {cx, cy: TOP + lane * LANE + LANE / 2, r, class: "bubble",
        fill: palette[lane % palette.length], "fill-opacity": 0.7, "data-events": bin.events,
        onclick: () => openBin(bin, last, label)},
        el("svg:title", {text: `${bin.lane}, ${label}: ${bin.events} event(s), ${bin.articles} article(s)`}));
      svg.append(bubble);
      const room = (size / (view[1] - view[0])) * plot;  // pixels between two clusters
      if (size > 1 && r > 8 && room > 2 * r + 6) svg.append(el("svg:text", {x: cx, y: TOP + lane * LANE + LANE / 2 + 3, "text-anchor": "middle", "font-size": 9, fill: "#fff", "pointer-events": "none", text: bin.events}));
    }
    chart.replaceChildren(svg);
    document.getElementById("span-label").textContent =
      `${isoDay(view[0])} – ${isoDay(view[1])}, clusters of ${size === 1 ? "1 day" : size + " days"}`;
  }

  function openBin(bin, last, label) {
    const params = {...filterValues(), date_from: isoDay(bin.start), date_to: isoDay(last)};
    const group = groupSelect.value;
    if (!bin.lane.startsWith("(")) params[group] = bin.lane;
    eventList(document.getElementById("bin-events"), `${bin.lane}, ${label}`, params);
  }

  function zoom(factor, centre) {
    const span = view[1] - view[0];
    const c = centre ?? (view[0] + view[1]) / 2;
    const next = Math.max(14, Math.min(full[1] - full[0], span * factor));
    const left = c - ((c - view[0]) / span) * next;
    view = [Math.max(full[0], left), Math.max(full[0], left) + next];
    if (view[1] > full[1]) view = [full[1] - next, full[1]];
    draw();
  }

  function toDay(clientX) {
    const box = chart.getBoundingClientRect();
    const sx = ((clientX - box.left) / box.width) * WIDTH;
    return view[0] + ((sx - LABEL) / (WIDTH - LABEL - 10)) * (view[1] - view[0]);
  }

  chart.addEventListener("wheel", (e) => { if (!data) return; e.preventDefault(); zoom(e.deltaY > 0 ? 1.25 : 0.8, toDay(e.clientX)); }, {passive: false});
  let drag = null;
  chart.addEventListener("mousedown", (e) => { drag = {x: e.clientX, view: view && view.slice()}; });
  window.addEventListener("mouseup", () => { drag = null; });
  window.addEventListener("mousemove", (e) => {
    if (!drag || !drag.view) return;
    const shift = ((drag.x - e.clientX) / chart.getBoundingClientRect().width) * WIDTH / (WIDTH - LABEL - 10) * (drag.view[1] - drag.view[0]);
    const span = drag.view[1] - drag.view[0];
    const left = Math.min(Math.max(full[0], drag.view[0] + shift), full[1] - span);
    view = [left, left + span];
    draw();
  });
  document.getElementById("zoom-in").onclick = () => data && zoom(0.5);
  document.getElementById("zoom-out").onclick = () => data && zoom(2);
  document.getElementById("zoom-reset").onclick = () => { if (data) { view = full.slice(); draw(); } };
  groupSelect.onchange = load;

  async function loadSummary() {
    const list = document.getElementById("summary");
    const {date_from, date_to} = filterValues();
    const params = {date_from, date_to};
    document.getElementById("export-timelinejs").href =
      "/api/export/timeline?" + new URLSearchParams({format: "timelinejs", ...Object.fromEntries(Object.entries(params).filter(([, v]) => v))});
    list.replaceChildren(el("li", {class: "muted", text: "computing the summary…"}));
    try {
      const entries = await api("/api/timeline", params);
      list.replaceChildren(...entries.map((entry) => el("li", {id: "day-" + entry.date},
        el("strong", {text: entry.date}), " ",
        el("span", {class: "muted", text: `${entry.article_count} stor${entry.article_count === 1 ? "y" : "ies"}${entry.sources.length ? ": " + entry.sources.join(", ") : ""}`}),
        el("ul", {}, ...entry.summary.map((s) => el("li", {}, s.text, " ",
          el("a", {class: "cite", href: `/articles/${s.article_id}?s=${s.sentence_index}#s${s.sentence_index}`,
                   text: `[${s.source || s.published}]`})))))));
      if (!entries.length) list.replaceChildren(el("li", {class: "muted", text: "No dates to summarise."}));
    } catch (err) { list.replaceChildren(el("li", {text: String(err)})); }
  }

  const refresh = () => { load(); loadSummary(); };
  setupFilters(refresh).then(refresh);
})();
