// Shared helpers of the explorer's pages: fetching the API, the filter form, the evidence
// panel. Plain JS, no library, so every page works offline.
"use strict";

const Chronicle = (() => {
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs = {}, ...children) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4))
                                        : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c));
    return node;
  }

  async function api(path, params = {}) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params)) if (v !== "" && v != null) url.searchParams.set(k, v);
    const response = await fetch(url);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || body.detail || response.statusText);
    return body;
  }

  // The filter form mirrors the page's query string, so a filtered view can be shared.
  const FILTERS = ["date_from", "date_to", "type", "actor", "recipient", "place", "outlet", "acled"];

  function filterValues() {
    const form = document.getElementById("filters");
    const values = {};
    if (!form) return values;
    for (const name of FILTERS) if (form.elements[name] && form.elements[name].value) values[name] = form.elements[name].value;
    return values;
  }

  async function setupFilters(onChange) {
    const form = document.getElementById("filters");
    if (!form) return;
    const stats = await api("/api/stats");
    for (const t of stats.event_types) form.elements.type.append(el("option", {value: t, text: t}));
    for (const o of stats.outlets) form.elements.outlet.append(el("option", {value: o, text: o.length > 40 ? o.slice(0, 39) + "…" : o}));
    const query = new URLSearchParams(location.search);
    for (const name of FILTERS) if (query.get(name)) form.elements[name].value = query.get(name);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const url = new URL(location.href);
      url.search = new URLSearchParams(filterValues()).toString();
      history.replaceState(null, "", url);
      onChange();
    });
    form.addEventListener("reset", () => setTimeout(() => form.dispatchEvent(new Event("submit")), 0));
    return stats;
  }

  function actorLabel(e, role) {
    return e[role + "_name"] || e[role + "_country"] || "";
  }

  // Every actor name on every page links to the actor's page.
  function actorHref(name) {
    return "/actors/" + encodeURIComponent(name);
  }

  function actorLink(name, fallback = "") {
    return name ? el("a", {href: actorHref(name), class: "actor", text: name}) : fallback;
  }

  // An event's actor → recipient, each a link ("?" for an actor the text does not name).
  function actorPair(e) {
    const actor = actorLabel(e, "actor"), recipient = actorLabel(e, "recipient");
    const pair = el("span", {class: "actors"}, actorLink(actor, "?"));
    if (e.recipient_name && recipient) pair.append(" → ", actorLink(recipient));
    return pair;
  }

  // The article with the evidence sentence marked, scrolled into view.
  async function showEvidence(panel, mention) {
    panel.replaceChildren(el("p", {class: "muted", text: "loading the article…"}));
    const article = await api("/api/articles/" + encodeURIComponent(mention.article_id));
    const text = el("div", {class: "article-text"});
    let pos = 0, marked = null;
    for (const s of article.sentences) {
      if (s.start > pos) text.append(article.text.slice(pos, s.start));
      const span = el("span", {class: "sentence", id: "ev-s" + s.idx, text: article.text.slice(s.start, s.end)});
      if (s.idx === mention.sentence_index) { span.classList.add("hl"); marked = span; }
      text.append(span);
      pos = s.end;
    }
    if (pos < article.text.length) text.append(article.text.slice(pos));
    panel.replaceChildren(
      el("h3", {text: article.title || "Article " + article.id}),
      el("p", {class: "muted"}, `${article.published}${article.source ? " · " + article.source : ""} · `,
         el("a", {href: `/articles/${article.id}?s=${mention.sentence_index}#s${mention.sentence_index}`, text: "open the article"})),
      text);
    if (marked) marked.scrollIntoView({block: "center"});
  }

  // An event and the mentions that report it; clicking a mention shows its article.
  function renderEvent(panel, event, complete = false) {
    if (!complete && event.mentions.length < event.mention_count) {
      // a list carries an event's first reports only: show them, then all of them
      api(`/api/events/${encodeURIComponent(event.id)}`)
        .then((full) => { if (panel.dataset.event === event.id) renderEvent(panel, full, true); })
        .catch(() => {});
    }
    panel.dataset.event = event.id;
    const list = el("ol", {class: "mentions"});
    const articleBox = el("div");
    const seen = new Set();  // one sentence may report the event twice (two triggers)
    for (const m of event.mentions) {
      const key = m.article_id + ":" + m.sentence_index;
      if (seen.has(key)) continue;
      seen.add(key);
      list.append(el("li", {},
        el("a", {href: "#", class: "mention", onclick: (e) => { e.preventDefault(); showEvidence(articleBox, m); }},
           `${m.published}${m.source ? " · " + m.source : ""}`),
        el("blockquote", {text: m.text})));
    }
    panel.replaceChildren(
      el("h2", {text: `${event.date} ${event.event_type}${event.mode ? "/" + event.mode : ""}`}),
      el("p", {}, actorPair(event),
         event.place_name ? ` @ ${event.place_name}` : "", ` — ${event.article_count} article(s), modality ${event.modality}`),
      list, articleBox);
    if (event.mentions.length) showEvidence(articleBox, event.mentions[0]);
  }

  // A short list of events (a timeline bin, a map place, an actor) linking to the events page.
  function eventList(panel, title, params) {
    panel.hidden = false;
    panel.replaceChildren(el("p", {class: "muted", text: "loading…"}));
    api("/api/events", {...params, per_page: 20, sort: "reported"}).then((page) => {
      const ul = el("ul");
      for (const e of page.items) {
        ul.append(el("li", {}, `${e.date} `, el("strong", {text: e.event_type}), " ",
          actorPair(e), " ",
          el("span", {class: "muted", text: `(${e.article_count} art.) `}),
          el("em", {text: e.mentions.length ? e.mentions[0].text.slice(0, 160) : ""})));
      }
      const more = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
      panel.replaceChildren(el("h2", {text: `${title}: ${page.total} event(s)`}), ul,
        el("a", {href: "/events?" + more, text: "all of them in the events table →"}));
    }).catch((err) => panel.replaceChildren(el("p", {text: String(err)})));
  }

  return {el, api, setupFilters, filterValues, renderEvent, showEvidence, eventList, actorLabel,
          actorHref, actorLink, actorPair};
})();
