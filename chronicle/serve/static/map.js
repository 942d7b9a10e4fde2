// The map: event locations as dots on the bundled world outline (Natural Earth, simplified),
// in a plain longitude/latitude projection; zoom with the wheel or buttons, drag to pan.
// A place known only as a country is drawn as that country, shaded by its events, not as a
// pin on its capital: a pin would claim a town the text never named.
"use strict";
(() => {
  const {el, api, setupFilters, filterValues, eventList} = Chronicle;
  const box = document.getElementById("map");
  const WORLD = [-180, -90, 360, 180];
  let view = WORLD.slice(), places = [], svg = null, dots = null, areas = null, world = null;

  function ringPath(ring) { return "M" + ring.map(([x, y]) => `${x},${-y}`).join("L") + "Z"; }

  function inRing([x, y], ring) {  // even-odd rule
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  // The outline's country holding a point (a country's place is its capital): its paths.
  function countryAt(point) {
    return world.features.find((f) => f.geometry.coordinates.some((poly) =>
      inRing(point, poly[0]) && !poly.slice(1).some((hole) => inRing(point, hole))));
  }

  async function drawWorld() {
    world = world || await (await fetch("/static/world.json")).json();
    svg = el("svg:svg", {viewBox: view.join(" "), preserveAspectRatio: "xMidYMid meet", role: "img", "aria-label": "map of event locations"});
    const land = el("svg:g");
    for (const f of world.features) {
      const d = f.geometry.coordinates.map((poly) => poly.map(ringPath).join("")).join("");
      land.append(el("svg:path", {d, class: "country"}, el("svg:title", {text: f.properties.name})));
    }
    areas = el("svg:g");
    dots = el("svg:g");
    svg.append(land, areas, dots);
    box.replaceChildren(svg);
  }

  function drawPlaces() {
    const unit = view[2] / (box.clientWidth || 1000);  // degrees per pixel at this zoom
    const most = Math.max(1, ...places.map((p) => p.events));
    const show = (p) => () => eventList(document.getElementById("place-events"), p.place_name, {...filterValues(), place: p.place_name});
    const title = (p) => el("svg:title", {text: `${p.place_name} (${p.precision || "place"}): ${p.events} event(s), ${p.first} – ${p.last} (${p.types})`});
    const shapes = [], pins = [];
    for (const p of places) {
      const country = p.precision === "country" ? countryAt([p.longitude, p.latitude]) : null;
      if (country) {
        const d = country.geometry.coordinates.map((poly) => poly.map(ringPath).join("")).join("");
        shapes.push(el("svg:path", {d, class: "place place-country", "data-place": p.place_name, "data-precision": "country",
          style: `fill-opacity: ${(0.2 + 0.5 * Math.sqrt(p.events / most)).toFixed(2)}`, onclick: show(p)}, title(p)));
      } else {
        pins.push(el("svg:circle", {cx: p.longitude, cy: -p.latitude, r: (3 + 12 * Math.sqrt(p.events / most)) * unit, class: "place",
          "data-place": p.place_name, "data-precision": p.precision || "", onclick: show(p)}, title(p)));
      }
    }
    areas.replaceChildren(...shapes);
    dots.replaceChildren(...pins);
  }

  function setView(next) {
    const w = Math.max(4, Math.min(360, next[2])), h = w / 2;
    const cx = next[0] + next[2] / 2, cy = next[1] + next[3] / 2;
    view = [Math.max(-180, Math.min(180 - w, cx - w / 2)), Math.max(-90, Math.min(90 - h, cy - h / 2)), w, h];
    svg.setAttribute("viewBox", view.join(" "));
    drawPlaces();
  }

  function zoom(factor, cx, cy) {
    cx = cx ?? view[0] + view[2] / 2; cy = cy ?? view[1] + view[3] / 2;
    const w = view[2] * factor, h = view[3] * factor;
    setView([cx - ((cx - view[0]) / view[2]) * w, cy - ((cy - view[1]) / view[3]) * h, w, h]);
  }

  function toMap(e) {
    const b = box.getBoundingClientRect();
    return [view[0] + ((e.clientX - b.left) / b.width) * view[2], view[1] + ((e.clientY - b.top) / b.height) * view[3]];
  }

  box.addEventListener("wheel", (e) => { if (!svg) return; e.preventDefault(); zoom(e.deltaY > 0 ? 1.25 : 0.8, ...toMap(e)); }, {passive: false});
  let drag = null;
  box.addEventListener("mousedown", (e) => { drag = {x: e.clientX, y: e.clientY, view: view.slice()}; });
  window.addEventListener("mouseup", () => { drag = null; });
  window.addEventListener("mousemove", (e) => {
    if (!drag) return;
    const b = box.getBoundingClientRect();
    setView([drag.view[0] - ((e.clientX - drag.x) / b.width) * drag.view[2], drag.view[1] - ((e.clientY - drag.y) / b.height) * drag.view[3], drag.view[2], drag.view[3]]);
  });
  document.getElementById("zoom-in").onclick = () => zoom(0.5);
  document.getElementById("zoom-out").onclick = () => zoom(2);
  document.getElementById("zoom-reset").onclick = () => setView(WORLD.slice());

  async function load() {
    if (!svg) await drawWorld();
    places = await api("/api/events/places", filterValues());
    document.getElementById("count").textContent = `${places.length} place(s), ${places.reduce((n, p) => n + p.events, 0)} event(s)`;
    if (places.length && view[2] === 360) {  // frame the events, not the whole world
      const xs = places.map((p) => p.longitude), ys = places.map((p) => -p.latitude);
      const w = Math.max(20, (Math.max(...xs) - Math.min(...xs)) * 1.4, (Math.max(...ys) - Math.min(...ys)) * 2.8);
      setView([(Math.max(...xs) + Math.min(...xs)) / 2 - w / 2, (Math.max(...ys) + Math.min(...ys)) / 2 - w / 4, w, w / 2]);
    } else drawPlaces();
  }

  setupFilters(load).then(load);
})();
