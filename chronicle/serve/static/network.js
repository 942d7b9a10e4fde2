// The actor network: who acts on whom, weighted by events, laid out by a small force
// simulation run to completion before drawing (no animation library needed).
"use strict";
(() => {
  const {el, api, setupFilters, filterValues, actorHref} = Chronicle;
  const box = document.getElementById("network");
  const W = 1100, H = 640;

  function layout(nodes, links) {
    const n = nodes.length, k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
    nodes.forEach((node, i) => {  // start on a circle: deterministic, so the picture is stable
      const a = (2 * Math.PI * i) / Math.max(1, n);
      node.x = W / 2 + (W / 3) * Math.cos(a); node.y = H / 2 + (H / 3) * Math.sin(a);
    });
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    for (let step = 0, t = W / 10; step < 300; step++, t *= 0.985) {
      const dx = new Float64Array(n), dy = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
        const d2 = Math.max(x * x + y * y, 1), f = (k * k) / d2;
        dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f;
      }
      for (const l of links) {
        const i = index.get(l.source), j = index.get(l.target);
        const x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
        const d = Math.max(Math.hypot(x, y), 1), f = d / k;
        dx[i] -= x * f; dy[i] -= y * f; dx[j] += x * f; dy[j] += y * f;
      }
      for (let i = 0; i < n; i++) {
        const d = Math.max(Math.hypot(dx[i], dy[i]), 1e-9), m = Math.min(d, t);
        nodes[i].x = Math.min(W - 40, Math.max(40, nodes[i].x + (dx[i] / d) * m + (W / 2 - nodes[i].x) * 0.01));
        nodes[i].y = Math.min(H - 20, Math.max(20, nodes[i].y + (dy[i] / d) * m + (H / 2 - nodes[i].y) * 0.01));
      }
    }
  }

  function colour(goldstein) {  // red for conflict, grey for neutral, green for cooperation
    const g = Math.max(-10, Math.min(10, goldstein)) / 10;
    return g < 0 ? `rgb(${180 + 60 * -g},${110 - 60 * -g},${100 - 60 * -g})` : `rgb(${110 - 60 * g},${150 + 40 * g},${110 - 40 * g})`;
  }

  // Labels placed greedily, the busiest actors first: each tries the right, left, top and
  // bottom of its node and is left out (its name stays in the tooltip) where all four would
  // cover a label already placed or another node.
  const CHAR_W = 6.2, LABEL_H = 13, MAX_CHARS = 24;
  function placeLabels(nodes, radius) {
    const placed = [], discs = nodes.map((d) => ({x: d.x, y: d.y, r: radius(d)}));
    const hits = (b) => placed.some((p) => b.x < p.x + p.w && p.x < b.x + b.w && b.y < p.y + p.h && p.y < b.y + b.h)
      || discs.some((c) => c.x > b.x - c.r && c.x < b.x + b.w + c.r && c.y > b.y - c.r && c.y < b.y + b.h + c.r);
    const labels = new Map();
    for (const d of [...nodes].sort((a, b) => b.events - a.events)) {
      const text = d.id.length > MAX_CHARS ? d.id.slice(0, MAX_CHARS - 1) + "…" : d.id;
      const w = text.length * CHAR_W, r = radius(d);
      const spots = [[d.x + r + 3, d.y - LABEL_H / 2, "start"], [d.x - r - 3 - w, d.y - LABEL_H / 2, "end"],
                     [d.x - w / 2, d.y - r - 2 - LABEL_H, "middle"], [d.x - w / 2, d.y + r + 2, "middle"]];
      for (const [x, y, anchor] of spots) {
        const box = {x, y, w, h: LABEL_H};
        if (x < 0 || x + w > W || y < 0 || y + LABEL_H > H) continue;
        const own = discs.findIndex((c) => c.x === d.x && c.y === d.y);
        const saved = discs.splice(own, 1);  // a label may touch its own node
        const clash = hits(box);
        discs.splice(own, 0, ...saved);
        if (clash) continue;
        placed.push(box);
        labels.set(d.id, {text, x: anchor === "start" ? x : anchor === "end" ? x + w : x + w / 2, y: y + LABEL_H - 3, anchor});
        break;
      }
    }
    return labels;
  }

  const STEP = 40;  // links drawn at first, and added by each "more"
  let shown = STEP;

  async function load() {
    box.replaceChildren(el("p", {class: "muted", text: "loading…"}));
    // one link more than shown says whether there are more to show
    const net = await api("/api/network", {...filterValues(), edges: shown + 1});
    if (!net.links.length) { box.replaceChildren(el("p", {class: "muted", text: "No actor → recipient events yet."})); return; }
    const more = net.links.length > shown;
    const links = net.links.slice(0, shown);
    const used = new Set(links.flatMap((l) => [l.source, l.target]));
    const nodes = net.nodes.filter((d) => used.has(d.id));
    layout(nodes, links);
    const at = new Map(nodes.map((d) => [d.id, d]));
    const top = Math.max(...links.map((l) => l.events)), heaviest = Math.max(...nodes.map((d) => d.events));
    const radius = (d) => 4 + 12 * Math.sqrt(d.events / heaviest);
    const svg = el("svg:svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network"},
      el("svg:defs", {}, el("svg:marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse"},
        el("svg:path", {d: "M0,0 L10,5 L0,10 z", fill: "#888"}))));
    for (const l of links) {
      const a = at.get(l.source), b = at.get(l.target);
      const rb = radius(b), d = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 1);
      svg.append(el("svg:line", {x1: a.x, y1: a.y, x2: b.x - ((b.x - a.x) / d) * rb, y2: b.y - ((b.y - a.y) / d) * rb,
        stroke: colour(l.goldstein), "stroke-width": 1 + 5 * Math.sqrt(l.events / top), "stroke-opacity": 0.8, "marker-end": "url(#arrow)"},
        el("svg:title", {text: `${l.source} → ${l.target}: ${l.events} event(s), mean Goldstein ${l.goldstein}`})));
    }
    const labels = placeLabels(nodes, radius);
    for (const d of nodes) {
      const label = labels.get(d.id);
      // a node and its name link to the actor's page (which links its events in the table)
      svg.append(el("svg:a", {class: "node", href: actorHref(d.id)},
        el("svg:circle", {cx: d.x, cy: d.y, r: radius(d), fill: "#1f5fbf"},
           el("svg:title", {text: `${d.id}: ${d.events} event(s)`})),
        label ? el("svg:text", {x: label.x, y: label.y, "text-anchor": label.anchor, text: label.text}) : ""));
    }
    const note = el("p", {class: "muted network-note"},
      `${links.length} strongest link(s) between ${nodes.length} actors; ${nodes.length - labels.size} name(s) without room are in their tooltips. `);
    if (more) note.append(el("button", {type: "button", id: "more-links", onclick: () => { shown += STEP; load(); }, text: `Show ${STEP} more links`}));
    if (shown > STEP) note.append(" ", el("button", {type: "button", onclick: () => { shown = STEP; load(); }, text: "Fewer"}));
    box.replaceChildren(svg, note);
  }

  setupFilters(() => { shown = STEP; load(); }).then(load);
})();
