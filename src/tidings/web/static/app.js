// The tidings dashboard: one ES module, no build step, no network beyond this server.
// Views are chosen by the URL hash (#/events?actor=IRN&event=ID), so every view is a link.

const FILTERS = ["actor", "source", "target", "dyad", "root", "code", "plover", "quad_class",
  "since", "until", "country", "place", "q"];
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
  4: "material conflict" };
const QUAD_COLOURS = { 1: "#3f9c5a", 2: "#1d6b3a", 3: "#e08a2c", 4: "#b8322a" };
const SVGNS = "http://www.w3.org/2000/svg";

let ontology = null;            // {cameo: {code: {...}}, plover: [...]}, fetched once
let world = null;               // the world outline, fetched when the map is first drawn
let renderToken = 0;            // drops the results of views the user has already left

// -- small helpers ---------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

function titled(node, text) {
  node.append(svg("title", { text }));
  return node;
}

function setStatus(message, isError = false) {
  const status = document.getElementById("status");
  status.textContent = message || "";
  status.classList.toggle("error", isError);
}

class ApiError extends Error {}

async function api(path, params = null, options = {}) {
  const query = params && [...params].length ? `?${params}` : "";
  const response = await fetch(path + query, options);
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (!response.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) {
      detail = detail.map((d) => {
        const name = (d.loc || []).slice(1).join(".");
        return name && !String(d.msg).startsWith(name) ? `${name}: ${d.msg}` : d.msg;
      }).join("; ");
    }
    throw new ApiError(detail || `${response.status} ${response.statusText}`);
  }
  return body;
}

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [view, query] = hash.split("?");
  return { view: view || "events", params: new URLSearchParams(query || "") };
}

function go(view, params) {
  const query = params.toString();
  const target = `#/${view}${query ? `?${query}` : ""}`;
  if (location.hash === target) route();
  else location.hash = target;
}

function filterParams(params) {
  const out = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) out.set(name, params.get(name));
  return out;
}

function codeName(code) {
  const entry = ontology && ontology.cameo[code];
  return entry ? entry.name : "";
}

// "IRNGOV" -> "Iran · Government", "IGOUNO" -> "United Nations", "---REB" -> "unknown country · Rebels"
function actorLabel(code) {
  const names = ontology && ontology.actorNames;
  if (!names || !code) return "";
  let rest = code, parts = [];
  for (let n = rest.length; n >= 3; n--) {
    const org = names.organizations[rest.slice(0, n)];
    if (org) { parts.push(org); rest = rest.slice(n); break; }
  }
  if (!parts.length) {
    const country = rest.slice(0, 3);
    parts.push(country === "---" ? "unknown country" : names.countries[country] || country);
    rest = rest.slice(3);
  }
  for (let i = 0; i < rest.length; i += 3) {
    const piece = rest.slice(i, i + 3);
    parts.push(names.agents[piece] || names.organizations[piece] || piece);
  }
  return parts.join(" · ");
}

function actorTitle(code, text) {
  const label = actorLabel(code);
  return text ? `${label}: “${text}”` : label;
}

function fmt(value, digits = 1) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

// Goldstein -10 (red) .. 0 (grey) .. +10 (green), as used for edges, places and lines.
function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [184, 50, 42] : [40, 140, 70];
  const k = Math.abs(t);
  const mix = grey.map((c, i) => Math.round(c + (end[i] - c) * k));
  return `rgb(${mix.join(",")})`;
}

function quadBadge(quad) {
  return el("span", { class: `quad q${quad}`, title: QUAD_NAMES[quad] || "" }, quad);
}

function legendItem(colour, label) {
  return el("span", {}, el("span", { class: "swatch", style: `background:${colour}` }), label);
}

// -- the filter form -------------------------------------------------------------------------
function fillFilterForm(params) {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
}

function readFilterForm() {
  const form = document.getElementById("filters");
  const out = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) out.set(name, value);
  }
  return out;
}

function setupFilterForm() {
  const form = document.getElementById("filters");
  const roots = ontology.roots;
  for (const c of roots) form.elements.root.append(el("option", { value: c.code }, `${c.code} ${c.name}`));
  for (const p of ontology.plover) form.elements.plover.append(el("option", { value: p }, p));
  for (const [q, name] of Object.entries(QUAD_NAMES)) {
    form.elements.quad_class.append(el("option", { value: q }, `${q} ${name}`));
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { view, params } = parseHash();
    const next = readFilterForm();
    for (const keep of ["sort", "group", "max_edges"]) if (params.get(keep)) next.set(keep, params.get(keep));
    go(view === "network" || view === "map" ? view : "events", next);
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    const { view } = parseHash();
    go(view === "network" || view === "map" ? view : "events", new URLSearchParams());
  });
}

// -- events ----------------------------------------------------------------------------------
const COLUMNS = [
  ["date", "Date", "date"], ["source", "Source"], ["target", "Target"], ["code", "Event"],
  ["plover", "PLOVER"], ["quad_class", "Quad"], ["goldstein", "Goldstein", "goldstein"],
  ["place_name", "Place"], ["num_mentions", "Mentions", "num_mentions"], ["action_text", "Action"],
];

async function renderEvents(main, params, token) {
  const sort = params.get("sort") || "-date";
  const query = filterParams(params);
  query.set("sort", sort);
  query.set("limit", "50");
  const tbody = el("tbody");
  const caption = el("p", { class: "muted", id: "events-total" });
  const more = el("button", { class: "secondary more", type: "button", hidden: true }, "Load more");
  const detail = el("aside", { class: "panel", id: "event-detail" },
    el("p", { class: "muted" }, "Choose an event to see the sentences it was coded from."));
  const head = el("tr", {}, COLUMNS.map(([key, label, sortKey]) => {
    const numeric = ["goldstein", "num_mentions", "quad_class"].includes(key);
    if (!sortKey) return el("th", { class: numeric ? "num" : null }, label);
    const active = sort.replace("-", "") === sortKey;
    const arrow = active ? (sort.startsWith("-") ? " ▼" : " ▲") : "";
    return el("th", { class: numeric ? "num" : null, "aria-sort": active ? (sort.startsWith("-") ? "descending" : "ascending") : null },
      el("button", { type: "button", class: active ? "sorted" : null, onclick: () => {
        const next = new URLSearchParams(params);
        next.set("sort", active && sort.startsWith("-") ? sortKey : `-${sortKey}`);
        next.delete("event");
        go("events", next);
      } }, label + arrow));
  }));
  const profile = el("div", { id: "actor-profile" });
  main.replaceChildren(el("div", { class: "split" },
    el("section", {}, profile, caption, el("table", { id: "events-table" }, el("thead", {}, head), tbody), more),
    detail));
  if (params.get("actor")) showActorProfile(profile, params.get("actor").toUpperCase(), token);

  let cursor = null;
  const selected = params.get("event");
  async function loadPage() {
    const pageQuery = new URLSearchParams(query);
    if (cursor) pageQuery.set("cursor", cursor);
    more.disabled = true;
    const page = await api("/events", pageQuery);
    if (token !== renderToken) return;
    if (!cursor) {
      const csv = new URLSearchParams(query);
      csv.set("format", "csv");
      csv.set("limit", "1000");
      caption.replaceChildren(`${page.total} event${page.total === 1 ? "" : "s"}` +
        (page.total ? `, sorted by ${sort.replace("-", "")}${sort.startsWith("-") ? " (descending)" : ""}` : ""),
        ...(page.total ? [" · ", el("a", { href: `/events?${csv}`, download: "events.csv", id: "csv-link" },
          page.total > 1000 ? "CSV of the first 1000" : "CSV")] : []));
    }
    for (const e of page.events) tbody.append(eventRow(e, params, e.event_id === selected));
    if (!page.events.length && !cursor) {
      tbody.append(el("tr", {}, el("td", { colspan: COLUMNS.length, class: "empty" }, "No events match these filters.")));
    }
    cursor = page.next_cursor;
    more.hidden = !cursor;
    more.disabled = false;
  }
  more.addEventListener("click", () => loadPage().catch((err) => setStatus(err.message, true)));
  await loadPage();
  if (selected) await renderEventDetail(detail, selected, token);
}

async function showActorProfile(box, code, token) {
  // an actor filter naming one actor exactly: who it deals with and how
  let a;
  try { a = await api(`/actors/${encodeURIComponent(code)}`); } catch { return; }   // a prefix: no profile
  if (token !== renderToken) return;
  const partner = (p) => el("li", {},
    el("a", { href: `#/dyad?${new URLSearchParams({ a: code, b: p.code })}`, title: actorLabel(p.code) }, p.code),
    ` ${p.count} event${p.count === 1 ? "" : "s"}, mean Goldstein `,
    el("span", { style: `color:${goldsteinColour(p.mean_goldstein)}` }, fmt(p.mean_goldstein, 1)));
  box.replaceChildren(el("div", { class: "panel profile" },
    el("h2", {}, `${a.code}: ${actorLabel(a.code)}`),
    el("p", { class: "muted" }, `${a.num_events} events (${a.as_source} as source, ${a.as_target} as target)` +
      (a.first_date ? `, ${a.first_date} to ${a.last_date}` : "")),
    el("div", { class: "profile-lists" },
      el("div", {}, el("h3", {}, "Top partners"), el("ol", { id: "top-partners" }, a.top_partners.map(partner))),
      el("div", {}, el("h3", {}, "Top event types"), el("ol", { id: "top-codes" },
        a.top_codes.map((c) => el("li", {}, el("span", { class: "code" }, c.code), ` ${codeName(c.code)} (${c.count})`)))))));
}

function eventRow(e, params, isSelected) {
  const row = el("tr", { class: `event-row${isSelected ? " selected" : ""}`, "data-event-id": e.event_id,
    tabindex: "0", onclick: () => openEvent(e.event_id, params),
    onkeydown: (ev) => { if (ev.key === "Enter") openEvent(e.event_id, params); } },
  el("td", { class: "code date" }, e.date || "undated"),
  el("td", { class: "code", title: actorTitle(e.source, e.source_text) }, e.source),
  el("td", { class: "code", title: actorTitle(e.target, e.target_text) }, e.target),
  el("td", { title: codeName(e.code) }, el("span", { class: "code" }, e.code), " ", codeName(e.code)),
  el("td", {}, e.plover || "–"),
  el("td", { class: "num" }, quadBadge(e.quad_class)),
  el("td", { class: "num" }, fmt(e.goldstein)),
  el("td", {}, e.place_name || "–"),
  el("td", { class: "num" }, e.num_mentions),
  el("td", {}, e.action_text || ""));
  return row;
}

function openEvent(id, params) {
  const next = new URLSearchParams(params);
  next.set("event", id);
  history.replaceState(null, "", `#/events?${next}`);
  for (const row of document.querySelectorAll("#events-table tr.selected")) row.classList.remove("selected");
  const row = document.querySelector(`#events-table tr[data-event-id="${CSS.escape(id)}"]`);
  if (row) row.classList.add("selected");
  const detail = document.getElementById("event-detail");
  renderEventDetail(detail, id, renderToken).catch((err) => setStatus(err.message, true));
}

async function renderEventDetail(panel, id, token) {
  const e = await api(`/events/${encodeURIComponent(id)}`);
  if (token !== renderToken) return;
  const dyad = new URLSearchParams({ a: e.source, b: e.target });
  panel.replaceChildren(
    el("h2", {}, `${e.source} → ${e.target}: ${codeName(e.code) || e.code}`),
    el("dl", { class: "facts" },
      el("dt", {}, "Source"), el("dd", {}, actorTitle(e.source, e.source_text)),
      el("dt", {}, "Target"), el("dd", {}, actorTitle(e.target, e.target_text)),
      el("dt", {}, "CAMEO"), el("dd", {}, el("span", { class: "code" }, e.code), ` ${codeName(e.code)}`),
      el("dt", {}, "PLOVER"), el("dd", {}, [e.plover || "–", e.plover_mode ? ` (${e.plover_mode})` : ""].join("")),
      el("dt", {}, "Quad class"), el("dd", {}, quadBadge(e.quad_class), " ", QUAD_NAMES[e.quad_class] || ""),
      el("dt", {}, "Goldstein"), el("dd", {}, fmt(e.goldstein)),
      el("dt", {}, "Date"), el("dd", {}, e.date || "undated"),
      el("dt", {}, "Place"), el("dd", {}, e.place_name ? `${e.place_name}${e.place_country ? ` (${e.place_country})` : ""}` : "–"),
      el("dt", {}, "Reports"), el("dd", {}, `${e.num_mentions} mention(s) in ${e.num_articles} article(s) from ${e.num_sources} source(s)`),
      el("dt", {}, "Dyad"), el("dd", {}, el("a", { href: `#/dyad?${dyad}` }, `${e.source} ↔ ${e.target} over time`))),
    el("h3", {}, "Evidence"),
    el("div", { class: "legend" }, el("mark", { class: "source" }, "source"),
      el("mark", { class: "target" }, "target"), el("mark", { class: "action" }, "action")),
    ...e.mentions.map((m) => {
      const sentence = el("p", { class: "sentence" });
      if (m.highlighted !== null) sentence.innerHTML = m.highlighted;   // escaped by the server
      else sentence.textContent = "(sentence not stored)";
      return el("div", { class: "mention" }, sentence,
        el("div", { class: "meta" },
          m.source_name || "unknown outlet", m.published ? `, ${m.published}` : "",
          // only web links: a stored URL comes from the article's source and could be javascript:
          m.url && /^https?:\/\//i.test(m.url)
            ? [" · ", el("a", { href: m.url, rel: "noopener noreferrer", target: "_blank" }, "article")] : "",
          " · rule ", el("code", { class: "rule" }, m.rule || "–"),
          m.date_source ? ` · date from ${m.date_source}` : ""));
    }));
}

// -- dyad ------------------------------------------------------------------------------------
async function renderDyad(main, params, token) {
  let a = (params.get("a") || "").toUpperCase();
  let b = (params.get("b") || "").toUpperCase();
  if (!a || !b) {
    // the busiest pair of countries among dated events
    const net = await api("/network", new URLSearchParams({ max_edges: "200", since: "0001-01-01" }));
    const pairs = new Map();
    for (const e of net.edges) {
      const x = e.source.slice(0, 3), y = e.target.slice(0, 3);
      if (x === y || x.startsWith("-") || y.startsWith("-")) continue;
      const key = [x, y].sort().join("-");
      pairs.set(key, (pairs.get(key) || 0) + e.count);
    }
    const best = [...pairs.entries()].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))[0];
    if (best) [a, b] = best[0].split("-");
  }
  const interval = params.get("interval") || "month";
  const direction = params.get("direction") || "both";
  const form = el("form", { class: "form-row", id: "dyad-form", onsubmit: (ev) => {
    ev.preventDefault();
    const f = ev.target.elements;
    const next = new URLSearchParams();
    for (const name of ["a", "b", "interval", "direction", "since", "until"]) {
      if (f[name].value.trim()) next.set(name, f[name].value.trim());
    }
    go("dyad", next);
  } },
  el("label", {}, "Actor A", el("input", { name: "a", value: a, size: 9, required: true, list: "actor-codes" })),
  el("label", {}, "Actor B", el("input", { name: "b", value: b, size: 9, required: true, list: "actor-codes" })),
  el("label", {}, "Interval", el("select", { name: "interval" },
    ["day", "week", "month"].map((i) => el("option", { value: i, selected: i === interval }, i)))),
  el("label", {}, "Direction", el("select", { name: "direction" },
    [["both", "both ways"], ["a_to_b", "A → B"], ["b_to_a", "B → A"]].map(([v, t]) =>
      el("option", { value: v, selected: v === direction }, t)))),
  el("label", {}, "From", el("input", { name: "since", type: "date", value: params.get("since") || "" })),
  el("label", {}, "To", el("input", { name: "until", type: "date", value: params.get("until") || "" })),
  el("button", { type: "submit" }, "Draw"));
  const body = el("div", { id: "dyad-body" });
  main.replaceChildren(el("section", { class: "panel" },
    el("h2", {}, "Cooperation and conflict between two actors"),
    el("p", { class: "muted" }, "Actor codes or prefixes: a country (CHN), a government (IRNGOV), an organisation (IGO…)."),
    form, body));
  if (!a || !b) { body.append(el("p", { class: "empty" }, "There are no events yet.")); return; }
  const query = new URLSearchParams({ interval });
  for (const name of ["since", "until"]) if (params.get(name)) query.set(name, params.get(name));
  const data = await api(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeseries`, query);
  if (token !== renderToken) return;
  const series = data[direction] || data.both;
  const total = (s) => s.reduce((n, p) => n + p.count, 0);
  const sum = (s) => s.reduce((n, p) => n + p.goldstein_sum, 0);
  const mean = (s) => (total(s) ? sum(s) / total(s) : null);
  const coop = series.reduce((n, p) => n + p.q1 + p.q2, 0);
  const conflict = series.reduce((n, p) => n + p.q3 + p.q4, 0);
  const label = { both: `${data.a} ↔ ${data.b}`, a_to_b: `${data.a} → ${data.b}`, b_to_a: `${data.b} → ${data.a}` }[direction];
  body.append(
    el("p", { class: "muted", id: "dyad-names" }, `${data.a}: ${actorLabel(data.a)}; ${data.b}: ${actorLabel(data.b)}`),
    el("div", { class: "summary-cards" },
      el("div", { class: "card" }, el("b", {}, total(series)), `events ${label}`),
      el("div", { class: "card" }, el("b", { style: "color:var(--q1)" }, coop), "cooperation"),
      el("div", { class: "card" }, el("b", { style: "color:var(--q4)" }, conflict), "conflict"),
      el("div", { class: "card" }, el("b", {}, fmt(mean(data.a_to_b), 2)), `mean Goldstein ${data.a} → ${data.b}`),
      el("div", { class: "card" }, el("b", {}, fmt(mean(data.b_to_a), 2)), `mean Goldstein ${data.b} → ${data.a}`)),
    series.length ? dyadChart(series, label) : el("p", { class: "empty" }, `No dated events between ${data.a} and ${data.b}.`),
    el("p", {}, el("a", { href: `#/events?dyad=${encodeURIComponent(`${data.a}-${data.b}`)}` }, "List these events")),
    series.length ? dyadTable(series) : "");
}

function dyadChart(series, label) {
  const width = Math.max(900, Math.min(1400, series.length * 26 + 120));
  const height = 320;
  const m = { left: 48, right: 52, top: 28, bottom: 46 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const maxCount = Math.max(1, ...series.map((p) => p.count));
  const step = plotW / series.length;
  const barW = Math.max(2, Math.min(40, step * 0.7));
  const y = (n) => m.top + plotH - (n / maxCount) * plotH;
  const yG = (g) => m.top + plotH / 2 - (g / 10) * (plotH / 2);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, role: "img", id: "dyad-chart",
    "aria-label": `Events per period, ${label}: stacked by quad class, with the mean Goldstein score` });
  const axis = svg("g", { class: "axis" });
  for (const frac of [0, 0.5, 1]) {
    const n = Math.round(maxCount * frac);
    axis.append(svg("line", { x1: m.left, x2: width - m.right, y1: y(n), y2: y(n), stroke: "#e3e7ec" }),
      svg("text", { x: m.left - 6, y: y(n) + 4, "text-anchor": "end", text: n }));
  }
  for (const g of [-10, 0, 10]) {
    axis.append(svg("text", { x: width - m.right + 6, y: yG(g) + 4, text: g > 0 ? `+${g}` : g, fill: "#555" }));
  }
  axis.append(svg("text", { x: 12, y: m.top + plotH / 2, transform: `rotate(-90 12 ${m.top + plotH / 2})`, "text-anchor": "middle", text: "events" }),
    svg("text", { x: width - 10, y: m.top + plotH / 2, transform: `rotate(90 ${width - 10} ${m.top + plotH / 2})`, "text-anchor": "middle", text: "mean Goldstein" }));
  root.append(axis);
  const labelEvery = Math.ceil(series.length / Math.max(1, Math.floor(plotW / 70)));
  series.forEach((p, i) => {
    const x = m.left + i * step + (step - barW) / 2;
    let base = 0;
    const group = svg("g", { class: "bar", "data-period": p.period });
    for (const q of [1, 2, 3, 4]) {
      const n = p[`q${q}`];
      if (!n) continue;
      group.append(titled(svg("rect", { x, y: y(base + n), width: barW, height: y(base) - y(base + n), fill: QUAD_COLOURS[q] }),
        `${p.period}: ${n} ${QUAD_NAMES[q]}`));
      base += n;
    }
    root.append(group);
    if (i % labelEvery === 0) {
      root.append(svg("text", { x: x + barW / 2, y: height - m.bottom + 16, "text-anchor": "middle", text: p.period }));
    }
  });
  const points = series.map((p, i) => (p.goldstein_mean === null ? null : [m.left + i * step + step / 2, yG(p.goldstein_mean), p]))
    .filter(Boolean);
  if (points.length) {
    root.append(svg("polyline", { points: points.map(([x, yy]) => `${x},${yy}`).join(" "), fill: "none", stroke: "#333", "stroke-width": 1.5, class: "goldstein-line" }));
    for (const [x, yy, p] of points) {
      root.append(titled(svg("circle", { cx: x, cy: yy, r: 3.2, fill: goldsteinColour(p.goldstein_mean), stroke: "#333", class: "goldstein-point" }),
        `${p.period}: mean Goldstein ${fmt(p.goldstein_mean, 2)}, sum ${fmt(p.goldstein_sum, 1)}`));
    }
  }
  root.append(svg("line", { x1: m.left, x2: width - m.right, y1: yG(0), y2: yG(0), stroke: "#333", "stroke-dasharray": "3 3", "stroke-opacity": 0.4 }));
  const legend = el("div", { class: "legend" }, [1, 2, 3, 4].map((q) => legendItem(QUAD_COLOURS[q], QUAD_NAMES[q])),
    el("span", {}, "— line: mean Goldstein score (right axis, −10 conflict … +10 cooperation)"));
  return el("div", { class: "chart-wrap" }, root, legend);
}

function dyadTable(series) {
  return el("details", {}, el("summary", {}, "Figures per period"),
    el("table", { id: "dyad-table" }, el("thead", {}, el("tr", {},
      ["Period", "Verbal coop.", "Material coop.", "Verbal conflict", "Material conflict", "Events", "Sum Goldstein", "Mean Goldstein"]
        .map((h, i) => el("th", { class: i ? "num" : null }, h)))),
    el("tbody", {}, series.map((p) => el("tr", {}, el("td", {}, p.period),
      [p.q1, p.q2, p.q3, p.q4, p.count].map((n) => el("td", { class: "num" }, n)),
      el("td", { class: "num" }, fmt(p.goldstein_sum, 1)), el("td", { class: "num" }, fmt(p.goldstein_mean, 2)))))));
}

// -- network ---------------------------------------------------------------------------------
function layout(nodes, edges, width, height, radius) {
  // Fruchterman–Reingold from a circle in a fixed order: the same graph always lands the same way.
  const n = nodes.length;
  const pos = nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    return { x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle) };
  });
  if (n < 2) { if (n) { pos[0].x = width / 2; pos[0].y = height / 2; } return pos; }
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const k = Math.sqrt((width * height) / n) * 0.55;
  let temperature = width / 8;
  for (let iter = 0; iter < 300; iter++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d2 = dx * dx + dy * dy;
        const f = (k * k) / d2;
        disp[i].x += dx * f; disp[i].y += dy * f;
        disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      if (i === undefined || j === undefined || i === j) continue;
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = d / k;
      disp[i].x -= dx * f; disp[i].y -= dy * f;
      disp[j].x += dx * f; disp[j].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      // a weak pull to the centre keeps separate components on screen
      disp[i].x += (width / 2 - pos[i].x) * 0.6;
      disp[i].y += (height / 2 - pos[i].y) * 0.6;
      const d = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2) || 1;
      const step = Math.min(d, temperature);
      pos[i].x = Math.max(40, Math.min(width - 40, pos[i].x + (disp[i].x / d) * step));
      pos[i].y = Math.max(34, Math.min(height - 24, pos[i].y + (disp[i].y / d) * step));
    }
    temperature *= 0.985;
  }
  // then push apart circles that still overlap, so that every node can be seen and clicked
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[j].x - pos[i].x, dy = pos[j].y - pos[i].y;
        const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const need = radius(nodes[i].count) + radius(nodes[j].count) + 14;
        if (d >= need) continue;
        const push = (need - d) / 2, ux = dx / d, uy = dy / d;
        pos[i].x -= ux * push; pos[i].y -= uy * push;
        pos[j].x += ux * push; pos[j].y += uy * push;
        moved = true;
      }
    }
    for (const p of pos) {
      p.x = Math.max(40, Math.min(width - 40, p.x));
      p.y = Math.max(34, Math.min(height - 24, p.y));
    }
    if (!moved) break;
  }
  return pos;
}

function byCountry(data) {
  // actors merged into their country (the first three letters of the code)
  const nodes = new Map(), edges = new Map();
  for (const n of data.nodes) nodes.set(n.id.slice(0, 3), (nodes.get(n.id.slice(0, 3)) || 0) + n.count);
  for (const e of data.edges) {
    const key = `${e.source.slice(0, 3)}>${e.target.slice(0, 3)}`;
    const acc = edges.get(key) || { source: e.source.slice(0, 3), target: e.target.slice(0, 3), count: 0, sum: 0 };
    acc.count += e.count;
    acc.sum += e.mean_goldstein * e.count;
    edges.set(key, acc);
  }
  return {
    nodes: [...nodes.entries()].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
    edges: [...edges.values()].map((e) => ({ source: e.source, target: e.target, count: e.count, mean_goldstein: e.sum / e.count }))
      .sort((a, b) => b.count - a.count),
  };
}

async function renderNetwork(main, params, token) {
  const query = filterParams(params);
  const maxEdges = params.get("max_edges") || "150";
  const group = params.get("group") || "country";
  query.set("max_edges", maxEdges);
  const options = el("form", { class: "form-row", id: "network-form", onchange: (ev) => {
    const next = new URLSearchParams(params);
    next.set(ev.target.name, ev.target.value);
    go("network", next);
  }, onsubmit: (ev) => ev.preventDefault() },
  el("label", {}, "Actors", el("select", { name: "group" },
    [["country", "by country"], ["actor", "as coded (country + sector)"]].map(([v, t]) => el("option", { value: v, selected: v === group }, t)))),
  el("label", {}, "Links", el("select", { name: "max_edges" },
    ["50", "150", "500", "2000"].map((v) => el("option", { value: v, selected: v === maxEdges }, `busiest ${v}`)))));
  main.replaceChildren(el("section", { class: "panel network" },
    el("h2", {}, "Actor network"), options,
    el("p", { class: "muted", id: "network-note" }, "Loading…")));
  const raw = await api("/network", query);
  if (token !== renderToken) return;
  const data = group === "country" ? byCountry(raw) : raw;
  const panel = main.querySelector(".network");
  const note = panel.querySelector("#network-note");
  if (!data.nodes.length) { note.textContent = "No events match these filters."; return; }
  note.textContent = `${data.nodes.length} ${group === "country" ? "countries" : "actors"} and ${data.edges.length} directed links` +
    ` (from the busiest ${raw.edges.length} actor pairs). Link colour: mean Goldstein score; width: number of events. Click a node to list its events.`;
  const width = 960, height = 640;
  const maxNode = Math.max(...data.nodes.map((nd) => nd.count));
  const radius = (c) => 6 + 16 * Math.sqrt(c / maxNode);
  const pos = layout(data.nodes, data.edges, width, height, radius);
  const index = new Map(data.nodes.map((node, i) => [node.id, i]));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", id: "network-graph", role: "img",
    "aria-label": "Actor network: actors as circles, events as arrows coloured by mean Goldstein score" });
  const defs = svg("defs");
  root.append(defs);
  const edges = svg("g", { class: "edges" });
  data.edges.forEach((e, n) => {
    const i = index.get(e.source), j = index.get(e.target);
    const colour = goldsteinColour(e.mean_goldstein);
    const label = `${e.source} → ${e.target}: ${e.count} event(s), mean Goldstein ${fmt(e.mean_goldstein, 2)}`;
    if (i === j) {
      const p = pos[i], r = radius(data.nodes[i].count);
      edges.append(titled(svg("circle", { cx: p.x, cy: p.y - r - 6, r: 7, fill: "none", stroke: colour, "stroke-width": 1.5, class: "edge", "data-goldstein": e.mean_goldstein }), label));
      return;
    }
    const markerId = `arrow-${n}`;
    defs.append(svg("marker", { id: markerId, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour })));
    const a = pos[i], b = pos[j];
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    const rb = radius(data.nodes[j].count) + 3, ra = radius(data.nodes[i].count);
    // a slight bend so that A→B and B→A are two visible arrows
    const mx = (a.x + b.x) / 2 - (dy / d) * 14, my = (a.y + b.y) / 2 + (dx / d) * 14;
    const ex = b.x - ((b.x - mx) / Math.hypot(b.x - mx, b.y - my)) * rb;
    const ey = b.y - ((b.y - my) / Math.hypot(b.x - mx, b.y - my)) * rb;
    const sx = a.x + ((mx - a.x) / Math.hypot(mx - a.x, my - a.y)) * ra;
    const sy = a.y + ((my - a.y) / Math.hypot(mx - a.x, my - a.y)) * ra;
    edges.append(titled(svg("path", { d: `M${sx},${sy} Q${mx},${my} ${ex},${ey}`, fill: "none", stroke: colour,
      "stroke-width": 1 + Math.log2(1 + e.count), "marker-end": `url(#${markerId})`, class: "edge",
      "data-source": e.source, "data-target": e.target, "data-goldstein": e.mean_goldstein }), label));
  });
  root.append(edges);
  const nodes = svg("g", { class: "nodes" });
  data.nodes.forEach((nd, i) => {
    const r = radius(nd.count);
    const next = new URLSearchParams(filterParams(params));
    next.set("actor", nd.id);
    const group = svg("g", { class: "node", "data-actor": nd.id, transform: `translate(${pos[i].x},${pos[i].y})`,
      tabindex: 0, role: "link", "aria-label": `${nd.id}: ${nd.count} events`,
      onclick: () => go("events", next), onkeydown: (ev) => { if (ev.key === "Enter") go("events", next); } },
    svg("circle", { r, fill: "#4d78b0" }),
    svg("text", { y: -r - 4, "text-anchor": "middle", text: nd.id }));
    nodes.append(titled(group, `${nd.id} (${actorLabel(nd.id)}): ${nd.count} event(s)`));
  });
  root.append(nodes);
  panel.append(el("div", { class: "chart-wrap" }, root),
    el("div", { class: "legend" }, legendItem(goldsteinColour(-10), "conflict (−10)"),
      legendItem(goldsteinColour(0), "neutral (0)"), legendItem(goldsteinColour(10), "cooperation (+10)")));
}

// -- map -------------------------------------------------------------------------------------
function projector(width, height) {
  // plate carrée, cropped to 60°S–84°N where nearly all news happens
  const top = 84, bottom = -60;
  return ([lon, lat]) => [((lon + 180) / 360) * width, ((top - lat) / (top - bottom)) * height];
}

function pathOf(geometry, project) {
  const parts = [];
  for (const polygon of geometry.coordinates) {
    for (const ring of polygon) {
      parts.push(ring.map((p, i) => { const [x, y] = project(p); return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`; }).join("") + "Z");
    }
  }
  return parts.join("");
}

async function renderMap(main, params, token) {
  main.replaceChildren(el("section", { class: "panel map" }, el("h2", {}, "Where the events happened"),
    el("p", { class: "muted", id: "map-note" }, "Loading…")));
  const [places, outline] = await Promise.all([
    api("/places", filterParams(params)),
    world ? Promise.resolve(world) : fetch("/static/world.geojson").then((r) => r.json()),
  ]);
  world = outline;
  if (token !== renderToken) return;
  const panel = main.querySelector(".map");
  const placed = places.countries.reduce((n, c) => n + c.count, 0);
  // events placed only in a country shade it; circles are for the places inside countries
  const points = places.places.filter((p) => p.feature !== "country");
  panel.querySelector("#map-note").textContent =
    `${placed} event(s) placed in ${places.countries.length} countr${places.countries.length === 1 ? "y" : "ies"}, ` +
    `${points.reduce((n, p) => n + p.count, 0)} at a city or other place inside it; ${places.unplaced} without a place. ` +
    "Country shade: events placed there; circles: places (size: events, colour: mean Goldstein). Click a country or a place to list its events.";
  const width = 960, height = 440;
  const project = projector(width, height);
  const byCountry = new Map(places.countries.map((c) => [c.country, c]));
  const maxCount = Math.max(1, ...places.countries.map((c) => c.count));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", id: "event-map", role: "img",
    "aria-label": "World map of event locations" });
  root.append(svg("rect", { x: 0, y: 0, width, height, fill: "#eef4fa" }));
  const countries = svg("g", { class: "countries" });
  for (const f of world.features) {
    const code = f.properties.iso3;
    const stats = code && byCountry.get(code);
    const shade = stats ? 0.2 + 0.7 * Math.sqrt(stats.count / maxCount) : 0;
    const fill = stats ? `rgba(31,95,168,${shade.toFixed(2)})` : "#dfe3e8";
    const next = new URLSearchParams(filterParams(params));
    if (code) next.set("country", code);
    const path = svg("path", { d: pathOf(f.geometry, project), fill, class: "country", "data-iso3": code || "",
      onclick: () => { if (code) go("events", next); } });
    countries.append(titled(path, `${f.properties.name}${stats ? `: ${stats.count} event(s), mean Goldstein ${fmt(stats.mean_goldstein, 2)}` : ""}`));
  }
  root.append(countries);
  const maxPlace = Math.max(1, ...points.map((p) => p.count));
  const dots = svg("g", { class: "places" });
  for (const p of [...points].sort((x, y) => y.count - x.count)) {
    const [x, y] = project([p.lon, p.lat]);
    const next = new URLSearchParams(filterParams(params));
    next.set("place", p.name);
    if (p.country) next.set("country", p.country);
    dots.append(titled(svg("circle", { cx: x, cy: y, r: 3 + 9 * Math.sqrt(p.count / maxPlace), fill: goldsteinColour(p.mean_goldstein),
      class: "place", "data-place": p.name, onclick: () => go("events", next) }), `${p.name} (${p.country || "?"}): ${p.count} event(s), mean Goldstein ${fmt(p.mean_goldstein, 2)}`));
  }
  root.append(dots);
  panel.append(el("div", { class: "chart-wrap" }, root),
    el("p", { class: "muted" }, "Country outlines: Natural Earth 1:110m (public domain)."));
}

// -- code a text -----------------------------------------------------------------------------
function highlightText(text, events) {
  // Each character gets the roles it plays in the given events; runs of equal roles become one mark.
  const roles = Array.from({ length: text.length }, () => new Set());
  for (const e of events) {
    for (const role of ["source", "target", "action"]) {
      const span = e.spans && e.spans[role];
      if (!span) continue;
      for (let i = Math.max(0, span[0]); i < Math.min(text.length, span[1]); i++) roles[i].add(role);
    }
  }
  const pick = (set) => (set.has("action") ? "action" : set.has("source") ? "source" : set.has("target") ? "target" : "");
  const out = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || pick(roles[i]) !== pick(roles[start])) {
      const piece = text.slice(start, i);
      const role = pick(roles[start]);
      out.push(role ? el("mark", { class: role }, piece) : document.createTextNode(piece));
      start = i;
    }
  }
  return out;
}

function renderCode(main, params) {
  const textarea = el("textarea", { id: "code-text", name: "text", required: true,
    placeholder: "Paste a news text, e.g. “Chinese Special Envoy Yue Xiaoyong met Iran's special representative in Tehran and pledged aid to Afghanistan.”" });
  const date = el("input", { type: "date", name: "date", id: "code-date" });
  const result = el("div", { id: "code-result" });
  const button = el("button", { type: "submit" }, "Code");
  const form = el("form", { id: "code-form", onsubmit: async (ev) => {
    ev.preventDefault();
    const text = textarea.value;
    if (!text.trim()) { setStatus("Paste some text first.", true); return; }
    button.disabled = true;
    setStatus("Coding… (the first request loads the language model and takes a few seconds)");
    try {
      const body = { text };
      if (date.value) body.date = date.value;
      const data = await api("/code", null, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      setStatus(`${data.events.length} event(s) coded; nothing was stored.`);
      showCoded(result, text, data.events);
    } catch (err) {
      setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  } },
  textarea, el("div", { class: "form-row" }, el("label", {}, "Publication date (optional)", date), button));
  main.replaceChildren(el("section", { class: "panel" }, el("h2", {}, "Code a text"),
    el("p", { class: "muted" }, "The text is coded by this server and shown here; it is not added to the database."),
    form, result));
}

function showCoded(result, text, events) {
  const shown = el("div", { class: "coded-text", id: "coded-text" }, highlightText(text, events));
  const rows = events.map((e, i) => el("tr", { class: "event-row", "data-index": i,
    onmouseenter: () => shown.replaceChildren(...highlightText(text, [e])),
    onmouseleave: () => shown.replaceChildren(...highlightText(text, events)),
    onfocus: () => shown.replaceChildren(...highlightText(text, [e])),
    tabindex: 0 },
  el("td", { class: "code" }, e.source), el("td", { class: "code" }, e.target),
  el("td", {}, el("span", { class: "code" }, e.code), " ", codeName(e.code)),
  el("td", {}, e.plover || "–"), el("td", { class: "num" }, quadBadge(e.quad_class)),
  el("td", { class: "num" }, fmt(e.goldstein)), el("td", { class: "date" }, e.date || "–"),
  el("td", {}, e.place ? `${e.place.name}${e.place.country ? ` (${e.place.country})` : ""}` : "–"),
  el("td", {}, el("code", { class: "rule" }, e.rule))));
  result.replaceChildren(
    el("h3", {}, "Events in the text"),
    el("div", { class: "legend" }, el("mark", { class: "source" }, "source"), el("mark", { class: "target" }, "target"),
      el("mark", { class: "action" }, "action"), el("span", {}, "Point at an event to see only its words.")),
    shown,
    events.length
      ? el("table", { id: "coded-events" }, el("thead", {}, el("tr", {},
        ["Source", "Target", "Event", "PLOVER", "Quad", "Goldstein", "Date", "Place", "Rule"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows))
      : el("p", { class: "empty" }, "No events found in this text."));
}

// -- routing ---------------------------------------------------------------------------------
const VIEWS = { events: renderEvents, dyad: renderDyad, network: renderNetwork, map: renderMap, code: renderCode };

async function route() {
  const { view, params } = parseHash();
  const render = VIEWS[view] || renderEvents;
  const token = ++renderToken;
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.view === view);
  const form = document.getElementById("filters");
  form.hidden = !["events", "network", "map"].includes(view) && VIEWS[view] !== undefined;
  fillFilterForm(params);
  setStatus("");
  const main = document.getElementById("view");
  document.body.dataset.view = view;
  document.body.dataset.ready = "false";
  try {
    await render(main, params, token);
  } catch (err) {
    if (token === renderToken) setStatus(err.message, true);
  } finally {
    if (token === renderToken) document.body.dataset.ready = "true";
  }
}

async function start() {
  try {
    const [onto, health] = await Promise.all([api("/ontology"), api("/health")]);
    ontology = { cameo: Object.fromEntries(onto.cameo.map((c) => [c.code, c])), plover: onto.plover, roots: onto.roots,
      actorNames: onto.actor_names };
    // suggestions for the actor fields: the actors in this database, busiest first
    api("/actors", new URLSearchParams({ limit: "1000" })).then((body) => {
      document.getElementById("actor-codes").replaceChildren(
        ...body.actors.map((a) => el("option", { value: a.code, label: `${actorLabel(a.code)} (${a.num_events})` })));
    }).catch(() => {});
    const c = health.counts || {};
    document.getElementById("db-counts").textContent =
      `${c.events ?? 0} events from ${c.articles ?? 0} articles`;
  } catch (err) {
    ontology = { cameo: {}, plover: [], roots: [] };
    setStatus(`The database could not be read: ${err.message}`, true);
  }
  setupFilterForm();
  window.addEventListener("hashchange", route);
  await route();
}

start();
