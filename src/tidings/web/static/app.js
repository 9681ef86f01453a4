// The tidings dashboard: one ES module, no build step, no network beyond this server.
// Views are chosen by the URL hash (#/events?actor=IRN&event=ID), so every view is a link.

const FILTERS = ["actor", "source", "target", "dyad", "root", "code", "plover", "quad_class",
  "since", "until", "country", "place", "q", "min_dead", "min_confidence"];
const BOUND_WORDS = { lower: "at least", upper: "up to", estimate: "about" };
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
  // not ready from this moment: the hashchange that draws the new view comes a task later
  document.body.dataset.ready = "false";
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

// The node an actor code is drawn as when actors are merged: its country ("IRNGOV" -> "IRN"),
// or for an organisation its own code ("IGOUNO", "IGOWSTNAT", "NGOHRW": never one "IGO" node);
// null for an unknown country ("---", "---REB"), which is left out.
function groupKey(code) {
  if (!code || code.startsWith("-")) return null;
  const names = ontology && ontology.actorNames;
  const head = code.slice(0, 3);
  if (names && names.countries[head]) return head;
  if (names) {
    for (let n = code.length; n > 3; n--) if (names.organizations[code.slice(0, n)]) return code.slice(0, n);
  }
  if (/^(IGO|NGO|IMG|MNC|INT)/.test(code)) return code.slice(0, 6) || code;
  return head;
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
const FILTERED_VIEWS = ["events", "network", "map", "analysis"];

// The API may resolve names in filters ("actor=Iran") and say so: {"resolved": {"actor": {"Iran": "IRN"}}}.
// Shown next to the form as "Iran → IRN"; nothing when the answer has no "resolved".
function showResolved(body) {
  const box = document.getElementById("resolved");
  if (!box) return;
  const resolved = body && body.resolved;
  const parts = [];
  if (resolved && typeof resolved === "object") {
    for (const [field, names] of Object.entries(resolved)) {
      if (!names || typeof names !== "object") continue;
      for (const [name, code] of Object.entries(names)) {
        if (String(name).toUpperCase() !== String(code).toUpperCase()) {
          parts.push(el("span", { class: "resolved", "data-field": field, title: `${field}: ${actorLabel(String(code))}` }, `${name} → ${code}`));
        }
      }
    }
  }
  box.replaceChildren(...parts);
}

// links to every event of a filter, in the export formats of GET /events/download
function downloadLinks(filters) {
  return el("span", { id: "download-links" }, "download all matching: ",
    [["csv", "CSV"], ["parquet", "Parquet"], ["plover", "PLOVER"]].map(([format, label], i) => {
      const q = new URLSearchParams(filters);
      q.set("format", format);
      return [i ? " · " : "", el("a", { href: `/events/download?${q}`, download: `events.${format === "plover" ? "jsonl" : format}`,
        "data-format": format }, label)];
    }).flat());
}
function fillFilterForm(params) {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = params.get(name) || (name === "min_confidence" ? "0" : "");
  showConfidence();
}

// the slider's value beside it: "any" at 0, where it filters nothing (not even unscored events)
function showConfidence() {
  const form = document.getElementById("filters");
  const value = Number(form.elements.min_confidence.value);
  document.getElementById("min-confidence-value").textContent = value > 0 ? value.toFixed(2) : "any";
}

function readFilterForm() {
  const form = document.getElementById("filters");
  const out = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value && !(name === "min_confidence" && Number(value) <= 0)) out.set(name, value);
  }
  return out;
}

// "at least 8", "12", "about 40", "8–10": a count's figure as its report worded it
function figure(c) {
  if (c.bound === "range" && c.high !== null && c.high !== undefined) return `${c.number}–${c.high}`;
  return BOUND_WORDS[c.bound] ? `${BOUND_WORDS[c.bound]} ${c.number}` : String(c.number);
}

function sideName(side) {
  const names = ontology && ontology.actorNames;
  const name = names && names.agents && names.agents[side];
  return name ? `${name} (${side})` : side;
}

// An event's counts (the highest figure of each kind, from the events table's counts detail):
// "dead: at least 8 (2 reports), Military (MIL)"
function countsList(counts) {
  return el("ul", { class: "counts", id: "event-counts" }, counts.map((c) => {
    const given = (c.figures || []).length;
    const reports = c.reports || 1;
    const said = given > reports ? `${reports} report${reports === 1 ? "" : "s"} of ${given}` : `${reports} report${reports === 1 ? "" : "s"}`;
    const others = (c.figures || []).filter((f) => f.number !== c.number || f.bound !== c.bound).map(figure);
    return el("li", { "data-kind": c.kind, title: others.length ? `other reports: ${others.join(", ")}` : null },
      `${c.kind}: ${figure(c)} (${said})`, c.side ? `, ${sideName(c.side)}` : "");
  }));
}

function confidenceText(value) {
  return value === null || value === undefined ? "not scored" : Number(value).toFixed(2);
}

function setupFilterForm() {
  const form = document.getElementById("filters");
  const roots = ontology.roots;
  for (const c of roots) form.elements.root.append(el("option", { value: c.code }, `${c.code} ${c.name}`));
  for (const p of ontology.plover) form.elements.plover.append(el("option", { value: p }, p));
  for (const [q, name] of Object.entries(QUAD_NAMES)) {
    form.elements.quad_class.append(el("option", { value: q }, `${q} ${name}`));
  }
  form.elements.min_confidence.addEventListener("input", showConfidence);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { view, params } = parseHash();
    const next = readFilterForm();
    for (const keep of ["sort", "group", "max_edges", "nodes", "by", "limit"]) if (params.get(keep)) next.set(keep, params.get(keep));
    go(FILTERED_VIEWS.includes(view) ? view : "events", next);
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    const { view } = parseHash();
    go(FILTERED_VIEWS.includes(view) ? view : "events", new URLSearchParams());
  });
}

// -- events ----------------------------------------------------------------------------------
// [key, header, sort key, column width]: the table is laid out fixed, so it fits its panel at
// any width; a long cell is cut with an ellipsis and shown whole in its tooltip
const COLUMNS = [
  ["date", "Date", "date", "6.6em"], ["source", "Source", null, "6.4em"], ["target", "Target", null, "6.4em"],
  ["code", "Event", null, null], ["plover", "PLOVER", null, "7em"], ["quad_class", "Quad", null, "3.9em"],
  ["goldstein", "Goldstein", "goldstein", "5.6em"], ["place_name", "Place", null, "6.5em"],
  ["num_mentions", "Mentions", "num_mentions", "5.4em"], ["action_text", "Action", null, null],
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
    if (!sortKey) return el("th", { class: numeric ? "num" : null, title: label }, label);
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
    el("section", {}, profile, caption, el("table", { id: "events-table" },
      el("colgroup", {}, COLUMNS.map(([key, , , width]) => el("col", { class: `col-${key}`, style: width ? `width:${width}` : null }))),
      el("thead", {}, head), tbody), more),
    detail));
  if (params.get("actor")) showActorProfile(profile, params.get("actor").trim(), filterParams(params), token);

  let cursor = null;
  const selected = params.get("event");
  async function loadPage() {
    const pageQuery = new URLSearchParams(query);
    if (cursor) pageQuery.set("cursor", cursor);
    more.disabled = true;
    const page = await api("/events", pageQuery);
    if (token !== renderToken) return;
    if (!cursor) {
      showResolved(page);
      const csv = new URLSearchParams(query);
      csv.set("format", "csv");
      csv.set("limit", "1000");
      caption.replaceChildren(`${page.total} event${page.total === 1 ? "" : "s"}` +
        (page.total ? `, sorted by ${sort.replace("-", "")}${sort.startsWith("-") ? " (descending)" : ""}` : ""),
        ...(page.total ? [" · ", el("a", { href: `/events?${csv}`, download: "events.csv", id: "csv-link" },
          page.total > 1000 ? "CSV of this page (first 1000)" : "CSV"), " · ", downloadLinks(filterParams(params))] : []));
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

async function showActorProfile(box, actor, filters, token) {
  // The actor filter of the table: its totals counted as the table counts (the filter is a code
  // prefix, so IRN covers IRNGOV and IRNMIL, and the other filters apply too), its top partners
  // and event types among those events.
  const count = async (name) => {
    const q = new URLSearchParams(filters);
    q.delete("actor");
    q.set(name, actor);
    q.set("limit", "1");
    return (await api("/events", q)).total;
  };
  const edgesQuery = new URLSearchParams(filters);
  edgesQuery.set("max_edges", "2000");
  const byRoot = new URLSearchParams(filters);
  byRoot.set("by", "root");
  byRoot.set("sort", "-events");
  byRoot.set("limit", "10");
  const first = new URLSearchParams(filters);
  first.set("sort", "date"); first.set("limit", "1"); first.set("since", filters.get("since") || "0001-01-01");
  const last = new URLSearchParams(first);
  last.set("sort", "-date");
  let all, asSource, asTarget, net, roots, firstPage, lastPage;
  try {
    [all, asSource, asTarget, net, roots, firstPage, lastPage] = await Promise.all([
      api("/events", new URLSearchParams([...filters, ["limit", "1"]])),
      count("source"), count("target"), api("/network", edgesQuery),
      api("/aggregate", byRoot).catch(() => null),
      api("/events", first), api("/events", last)]);
  } catch { return; }
  const total = all.total;
  if (token !== renderToken || !total) return;
  // the code the API matched, when it resolved a name ("Iran" -> "IRN")
  const resolvedBy = (body) => body && body.resolved && body.resolved.actor && Object.values(body.resolved.actor)[0];
  const resolvedCode = resolvedBy(all) || resolvedBy(net);
  const code = (resolvedCode || actor).toUpperCase();
  const partners = new Map();
  for (const e of net.edges) {
    const srcIn = e.source.startsWith(code), tgtIn = e.target.startsWith(code);
    const other = srcIn && !tgtIn ? e.target : tgtIn && !srcIn ? e.source : e.target;
    const p = partners.get(other) || { code: other, count: 0, sum: 0 };
    p.count += e.count; p.sum += (e.mean_goldstein || 0) * e.count;
    partners.set(other, p);
  }
  const top = [...partners.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)).slice(0, 10);
  const partner = (p) => el("li", {},
    el("a", { href: `#/dyad?${new URLSearchParams({ a: code, b: p.code })}`, title: actorLabel(p.code) }, p.code),
    ` ${p.count} event${p.count === 1 ? "" : "s"}, mean Goldstein `,
    el("span", { style: `color:${goldsteinColour(p.sum / p.count)}` }, fmt(p.sum / p.count, 1)));
  const firstDate = firstPage.events[0] && firstPage.events[0].date, lastDate = lastPage.events[0] && lastPage.events[0].date;
  let types;
  if (roots && roots.rows) {
    types = el("div", {}, el("h3", {}, "Top event types (CAMEO roots)"), el("ol", { id: "top-codes" },
      roots.rows.map((r) => el("li", {}, el("span", { class: "code" }, r.root), ` ${rootName(r.root)} (${r.events})`))));
  } else {
    // without GET /aggregate: the codes of the exact actor code, said as such
    let exact = null;
    try { exact = await api(`/actors/${encodeURIComponent(code)}`); } catch { exact = null; }
    if (token !== renderToken) return;
    types = exact ? el("div", {}, el("h3", {}, `Top event types (as ${code} exactly)`), el("ol", { id: "top-codes" },
      exact.top_codes.map((c) => el("li", {}, el("span", { class: "code" }, c.code), ` ${codeName(c.code)} (${c.count})`)))) : "";
  }
  box.replaceChildren(el("div", { class: "panel profile", "data-total": total },
    el("h2", {}, `${code}: ${actorLabel(code)}`),
    el("p", { class: "muted", id: "profile-counts" }, `${total} events (${asSource} as source, ${asTarget} as target)` +
      (firstDate ? `, ${firstDate} to ${lastDate}` : "") + (code.length <= 3 ? `; every actor code starting ${code}` : "")),
    el("div", { class: "profile-lists" },
      el("div", {}, el("h3", {}, "Top partners"), el("ol", { id: "top-partners" }, top.map(partner))),
      types)));
}

function rootName(root) {
  const entry = ontology && ontology.roots && ontology.roots.find((r) => r.code === root);
  return entry ? entry.name : "";
}

function eventRow(e, params, isSelected) {
  const row = el("tr", { class: `event-row${isSelected ? " selected" : ""}`, "data-event-id": e.event_id,
    tabindex: "0", onclick: () => openEvent(e.event_id, params),
    onkeydown: (ev) => { if (ev.key === "Enter") openEvent(e.event_id, params); } },
  el("td", { class: "code date" }, e.date || "undated"),
  el("td", { class: "code", title: `${e.source}: ${actorTitle(e.source, e.source_text)}` }, e.source),
  el("td", { class: "code", title: `${e.target}: ${actorTitle(e.target, e.target_text)}` }, e.target),
  el("td", { title: `${e.code} ${codeName(e.code)}` }, el("span", { class: "code" }, e.code), " ", codeName(e.code)),
  el("td", { title: e.plover || "" }, e.plover || "–"),
  el("td", { class: "num" }, quadBadge(e.quad_class)),
  el("td", { class: "num" }, fmt(e.goldstein)),
  el("td", { title: e.place_name || "" }, e.place_name || "–"),
  el("td", { class: "num" }, e.num_mentions),
  el("td", { title: e.action_text || "" }, e.action_text || ""));
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
      el("dt", {}, "Counts"), el("dd", {}, e.counts && e.counts.length ? countsList(e.counts) : "none reported"),
      el("dt", {}, "Confidence"), el("dd", { id: "event-confidence", title: "the calibrated probability that the event is right: the highest of its reports'" },
        confidenceText(e.confidence)),
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
          m.counts && m.counts.length
            ? [" · ", el("span", { class: "figures" }, m.counts.map((c) => `${c.kind} ${figure(c)}`).join(", "))] : "",
          m.confidence !== null && m.confidence !== undefined ? ` · confidence ${confidenceText(m.confidence)}` : "",
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
    // the busiest pair of countries or organisations among dated events, none of them unknown
    const net = await api("/network", new URLSearchParams({ max_edges: "2000", since: "0001-01-01" }));
    const pairs = new Map();
    for (const e of net.edges) {
      const x = groupKey(e.source), y = groupKey(e.target);
      if (!x || !y || x === y) continue;
      const key = [x, y].sort().join("-");
      pairs.set(key, (pairs.get(key) || 0) + e.count);
    }
    const best = [...pairs.entries()].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))[0];
    if (best) [a, b] = best[0].split("-");
  }
  const asked = params.get("interval") || "auto";
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
    ["auto", "day", "week", "month", "year"].map((i) => el("option", { value: i, selected: i === asked }, i === "auto" ? "auto (from the span)" : i)))),
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
  const { data, interval } = await dyadSeries(a, b, asked, params);
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
    series.length ? el("p", { class: "muted", id: "dyad-interval" }, `${series.length} ${interval}${series.length === 1 ? "" : "s"}` +
      (asked === "auto" ? ` (interval chosen from the span of the events)` : "")) : "",
    series.length ? dyadChart(series, label, interval) : el("p", { class: "empty" }, `No dated events between ${data.a} and ${data.b}.`),
    el("p", {}, el("a", { href: `#/events?dyad=${encodeURIComponent(`${data.a}-${data.b}`)}` }, "List these events")),
    series.length ? dyadTable(series) : "");
}

// An interval that gives a readable number of periods for the span first..last (ISO dates).
function intervalFor(first, last) {
  const days = (Date.parse(last) - Date.parse(first)) / 86400000;
  if (!(days >= 0)) return "month";
  if (days <= 120) return "day";
  if (days <= 7 * 120) return "week";
  if (days <= 366 * 10) return "month";
  return "year";
}

const EMPTY_PERIOD = { q1: 0, q2: 0, q3: 0, q4: 0, count: 0, goldstein_sum: 0, goldstein_mean: null };

// Months summed into years (the series endpoint counts by day, week or month).
function byYear(series) {
  const years = new Map();
  for (const p of series) {
    const y = p.period.slice(0, 4);
    const acc = years.get(y) || { ...EMPTY_PERIOD, period: y };
    for (const k of ["q1", "q2", "q3", "q4", "count", "goldstein_sum"]) acc[k] += p[k];
    years.set(y, acc);
  }
  const out = [];
  const keys = [...years.keys()].sort();
  if (!keys.length) return out;
  for (let y = Number(keys[0]); y <= Number(keys[keys.length - 1]); y++) {
    const p = years.get(String(y)) || { ...EMPTY_PERIOD, period: String(y) };
    p.goldstein_mean = p.count ? p.goldstein_sum / p.count : null;
    out.push(p);
  }
  return out;
}

// The dyad's series at the interval asked, "auto" choosing it from the span of the events:
// the API's interval=auto when it has it, else from the first and last dated events.
async function dyadSeries(a, b, asked, params) {
  const path = `/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeseries`;
  const base = new URLSearchParams();
  for (const name of ["since", "until"]) if (params.get(name)) base.set(name, params.get(name));
  const fetchAt = async (interval) => {
    const q = new URLSearchParams(base);
    q.set("interval", interval === "year" ? "month" : interval);
    const data = await api(path, q);
    if (interval === "year") for (const k of ["both", "a_to_b", "b_to_a"]) data[k] = byYear(data[k]);
    return { data, interval };
  };
  if (asked !== "auto") return fetchAt(asked);
  try {
    const q = new URLSearchParams(base);
    q.set("interval", "auto");
    const data = await api(path, q);
    if (data.interval && data.interval !== "auto") return { data, interval: data.interval };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
  }
  const span = new URLSearchParams({ dyad: `${a}-${b}`, limit: "1", sort: "date", since: params.get("since") || "0001-01-01" });
  if (params.get("until")) span.set("until", params.get("until"));
  const later = new URLSearchParams(span);
  later.set("sort", "-date");
  const [first, last] = await Promise.all([api("/events", span), api("/events", later)]);
  const d0 = first.events[0] && first.events[0].date, d1 = last.events[0] && last.events[0].date;
  return fetchAt(d0 && d1 ? intervalFor(d0, d1) : "month");
}

function dyadChart(series, label, interval) {
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
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, role: "img", id: "dyad-chart", "data-interval": interval,
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
  // the mean Goldstein line joins neighbouring periods only: an empty period breaks it
  const points = series.map((p, i) => (p.goldstein_mean === null ? null : [m.left + i * step + step / 2, yG(p.goldstein_mean), p]));
  let run = [];
  const flush = () => {
    if (run.length > 1) {
      root.append(svg("polyline", { points: run.map(([x, yy]) => `${x},${yy}`).join(" "), fill: "none", stroke: "#333",
        "stroke-width": 1.5, class: "goldstein-line", "data-periods": run.map((pt) => pt[2].period).join(" ") }));
    }
    run = [];
  };
  for (const pt of points) { if (pt) run.push(pt); else flush(); }
  flush();
  {
    for (const [x, yy, p] of points.filter(Boolean)) {
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
const LABEL_FONT = "600 11px system-ui, sans-serif";   // as .network svg .node text in style.css
let measureContext = null;

function labelWidth(text) {
  measureContext = measureContext || document.createElement("canvas").getContext("2d");
  measureContext.font = LABEL_FONT;
  return Math.ceil(measureContext.measureText(text).width);
}

// The box a node takes: its circle and its label centred above it (relative to its centre).
function nodeBox(r, textWidth) {
  const half = Math.max(r, textWidth / 2) + 3;
  return { left: -half, right: half, top: -r - 19, bottom: r + 3 };
}

function boxesOverlap(a, pa, b, pb) {
  return pa.x + a.left < pb.x + b.right && pb.x + b.left < pa.x + a.right &&
    pa.y + a.top < pb.y + b.bottom && pb.y + b.top < pa.y + a.bottom;
}

// Force layout (Fruchterman–Reingold) from a spiral, busiest node in the middle, stretched to
// fill the panel; then boxes (circle + label) that still overlap are pushed apart until none
// does. Returns the positions and whether every box is clear of every other.
function layout(nodes, edges, width, height, boxes) {
  const n = nodes.length;
  const golden = Math.PI * (3 - Math.sqrt(5));
  const pos = nodes.map((_, i) => {
    const r = Math.sqrt((i + 0.5) / Math.max(1, n)) * 0.45;
    return { x: width / 2 + Math.cos(i * golden) * r * width, y: height / 2 + Math.sin(i * golden) * r * height };
  });
  if (n < 2) { if (n) { pos[0].x = width / 2; pos[0].y = height / 2; } return { pos, clear: true }; }
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([i, j]) => i !== undefined && j !== undefined && i !== j);
  const k = Math.sqrt((width * height) / n) * 0.8;
  let temperature = Math.max(width, height) / 10;
  for (let iter = 0; iter < 220; iter++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01, dy = pos[i].y - pos[j].y || 0.01;
        const f = (k * k) / (dx * dx + dy * dy);
        disp[i].x += dx * f; disp[i].y += dy * f;
        disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
    }
    for (const [i, j] of links) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const f = Math.sqrt(dx * dx + dy * dy) / k;
      disp[i].x -= dx * f; disp[i].y -= dy * f;
      disp[j].x += dx * f; disp[j].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      disp[i].x += (width / 2 - pos[i].x) * 0.3;   // a pull to the centre keeps separate components near
      disp[i].y += (height / 2 - pos[i].y) * 0.3;
      const d = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2) || 1;
      const step = Math.min(d, temperature);
      pos[i].x += (disp[i].x / d) * step;
      pos[i].y += (disp[i].y / d) * step;
    }
    temperature *= 0.975;
  }
  // stretch to the panel, each axis on its own: half by position, half by rank, so that a dense
  // core spreads out over the panel instead of sitting in one corner; boxes inside the edges
  const pad = boxes.reduce((m, b) => ({ l: Math.max(m.l, -b.left), r: Math.max(m.r, b.right), t: Math.max(m.t, -b.top), b: Math.max(m.b, b.bottom) }),
    { l: 0, r: 0, t: 0, b: 0 });
  for (const [axis, lo, hi] of [["x", pad.l, width - pad.r], ["y", pad.t, height - pad.b]]) {
    const values = pos.map((p) => p[axis]);
    const min = Math.min(...values), max = Math.max(...values);
    const rank = new Map([...values.keys()].sort((i, j) => values[i] - values[j]).map((i, r) => [i, r / (n - 1)]));
    pos.forEach((p, i) => { p[axis] = lo + (0.5 * ((values[i] - min) / (max - min || 1)) + 0.5 * rank.get(i)) * (hi - lo); });
  }
  const clamp = (p, b) => {
    p.x = Math.max(-b.left, Math.min(width - b.right, p.x));
    p.y = Math.max(-b.top, Math.min(height - b.bottom, p.y));
  };
  let clear = false;
  for (let round = 0; round < 400 && !clear; round++) {
    clear = true;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = boxes[i], b = boxes[j], pa = pos[i], pb = pos[j];
        if (!boxesOverlap(a, pa, b, pb)) continue;
        clear = false;
        // push apart along the axis that needs the smaller move, a little beyond touching
        const pushX = pa.x <= pb.x ? (pa.x + a.right) - (pb.x + b.left) : (pb.x + b.right) - (pa.x + a.left);
        const pushY = pa.y <= pb.y ? (pa.y + a.bottom) - (pb.y + b.top) : (pb.y + b.bottom) - (pa.y + a.top);
        const jitter = ((i * 7 + j * 13 + round) % 5) * 0.1;
        if (pushX < pushY) {
          const d = (pushX + 1 + jitter) / 2 * (pa.x <= pb.x ? 1 : -1);
          pa.x -= d; pb.x += d;
        } else {
          const d = (pushY + 1 + jitter) / 2 * (pa.y <= pb.y ? 1 : -1);
          pa.y -= d; pb.y += d;
        }
        clamp(pa, a); clamp(pb, b);
      }
    }
  }
  return { pos, clear };
}

// Actors merged into countries and organisations (groupKey); unknown actors left out.
function byCountry(data) {
  const nodes = new Map(), edges = new Map();
  for (const e of data.edges) {
    const s = groupKey(e.source), t = groupKey(e.target);
    if (!s || !t) continue;
    const key = `${s}>${t}`;
    const acc = edges.get(key) || { source: s, target: t, count: 0, sum: 0 };
    acc.count += e.count;
    acc.sum += (e.mean_goldstein || 0) * e.count;
    edges.set(key, acc);
    nodes.set(s, (nodes.get(s) || 0) + e.count);
    if (t !== s) nodes.set(t, (nodes.get(t) || 0) + e.count);
  }
  return {
    nodes: [...nodes.entries()].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
    edges: [...edges.values()].map((e) => ({ source: e.source, target: e.target, count: e.count, mean_goldstein: e.sum / e.count }))
      .sort((a, b) => b.count - a.count || (a.source + a.target < b.source + b.target ? -1 : 1)),
  };
}

// Actors as coded, without the unknown ones.
function asCoded(data) {
  const edges = data.edges.filter((e) => !e.source.startsWith("-") && !e.target.startsWith("-"));
  const nodes = new Map();
  for (const e of edges) {
    nodes.set(e.source, (nodes.get(e.source) || 0) + e.count);
    if (e.target !== e.source) nodes.set(e.target, (nodes.get(e.target) || 0) + e.count);
  }
  return { nodes: [...nodes.entries()].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)), edges };
}

// The top `cap` nodes by events and the links between them.
function capNetwork(data, cap) {
  const nodes = data.nodes.slice(0, cap);
  const keep = new Set(nodes.map((nd) => nd.id));
  return { nodes, edges: data.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

async function renderNetwork(main, params, token) {
  const query = filterParams(params);
  const maxEdges = params.get("max_edges") || "500";
  const group = params.get("group") || "country";
  const cap = Math.max(1, Number(params.get("nodes")) || 30);
  query.set("max_edges", maxEdges);
  const options = el("form", { class: "form-row", id: "network-form", onchange: (ev) => {
    const next = new URLSearchParams(params);
    next.set(ev.target.name, ev.target.value);
    go("network", next);
  }, onsubmit: (ev) => ev.preventDefault() },
  el("label", {}, "Actors", el("select", { name: "group" },
    [["country", "by country or organisation"], ["actor", "as coded (country + sector)"]].map(([v, t]) => el("option", { value: v, selected: v === group }, t)))),
  el("label", {}, "Nodes", el("select", { name: "nodes" },
    ["10", "20", "30", "50", "80"].concat(["10", "20", "30", "50", "80"].includes(String(cap)) ? [] : [String(cap)])
      .map((v) => el("option", { value: v, selected: v === String(cap) }, `top ${v} by events`)))),
  el("label", {}, "Links read", el("select", { name: "max_edges" },
    ["150", "500", "2000"].concat(["150", "500", "2000"].includes(maxEdges) ? [] : [maxEdges])
      .map((v) => el("option", { value: v, selected: v === maxEdges }, `busiest ${v} pairs`)))));
  const actor = params.get("actor");
  const focus = el("p", { id: "network-focus" });
  if (actor) {
    const all = new URLSearchParams(params);
    all.delete("actor");
    const events = filterParams(params);
    focus.append("Drilled in on ", el("b", { title: actorLabel(actor.toUpperCase()) }, actor), ` (${actorLabel(actor.toUpperCase())}) and its partners · `,
      el("a", { href: `#/events?${events}`, id: "network-events-link" }, "list its events"), " · ",
      el("a", { href: `#/network?${all}`, id: "network-back" }, "back to the whole network"));
  }
  main.replaceChildren(el("section", { class: "panel network" },
    el("h2", {}, "Actor network"), options, focus,
    el("p", { class: "muted", id: "network-note" }, "Loading…")));
  const raw = await api("/network", query);
  if (token !== renderToken) return;
  showResolved(raw);
  const full = group === "country" ? byCountry(raw) : asCoded(raw);
  const data = capNetwork(full, cap);
  const panel = main.querySelector(".network");
  const note = panel.querySelector("#network-note");
  if (!data.nodes.length) { note.textContent = "No events match these filters."; return; }
  const kind = group === "country" ? "countries and organisations" : "actors";
  note.textContent = `The ${data.nodes.length} busiest ${kind}` + (full.nodes.length > data.nodes.length ? ` of ${full.nodes.length}` : "") +
    ` and the ${data.edges.length} directed links between them (from the busiest ${raw.edges.length} actor pairs; unknown actors left out). ` +
    "Link colour: mean Goldstein score; width: number of events. Click a node to drill in on it.";
  const width = Math.max(640, Math.floor(panel.clientWidth - 34));
  let height = Math.max(460, Math.min(760, Math.floor(window.innerHeight - panel.getBoundingClientRect().top - 150)));
  const maxNode = Math.max(...data.nodes.map((nd) => nd.count));
  const radius = (c) => 5 + 15 * Math.sqrt(c / maxNode);
  const boxes = data.nodes.map((nd) => nodeBox(radius(nd.count), labelWidth(nd.id)));
  let placed = layout(data.nodes, data.edges, width, height, boxes);
  for (let tries = 0; !placed.clear && tries < 6; tries++) {   // too crowded: a taller drawing
    height = Math.round(height * 1.25);
    placed = layout(data.nodes, data.edges, width, height, boxes);
  }
  const pos = placed.pos;
  const index = new Map(data.nodes.map((node, i) => [node.id, i]));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, id: "network-graph", role: "img",
    "data-nodes": data.nodes.length, "data-clear": placed.clear,
    "aria-label": "Actor network: actors as circles, events as arrows coloured by mean Goldstein score" });
  const defs = svg("defs");
  root.append(defs);
  const markers = new Map();
  const marker = (colour) => {
    if (!markers.has(colour)) {
      const id = `arrow-${markers.size}`;
      // in user space: the same small head whatever the width of the line
      defs.append(svg("marker", { id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
        markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour })));
      markers.set(colour, id);
    }
    return markers.get(colour);
  };
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.count));
  const edges = svg("g", { class: "edges" });
  for (const e of data.edges) {
    const i = index.get(e.source), j = index.get(e.target);
    const colour = goldsteinColour(e.mean_goldstein);
    const label = `${e.source} → ${e.target}: ${e.count} event(s), mean Goldstein ${fmt(e.mean_goldstein, 2)}`;
    const widthOf = 1 + 4 * Math.sqrt(e.count / maxEdge);
    if (i === j) {
      const p = pos[i], r = radius(data.nodes[i].count);
      edges.append(titled(svg("circle", { cx: p.x + r * 0.9, cy: p.y + r * 0.9, r: 6, fill: "none", stroke: colour, "stroke-width": 1.5,
        class: "edge loop", "data-source": e.source, "data-target": e.target, "data-goldstein": e.mean_goldstein }), label));
      continue;
    }
    const a = pos[i], b = pos[j];
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    const ra = radius(data.nodes[i].count), rb = radius(data.nodes[j].count) + 1.5;
    // a slight bend so that A→B and B→A are two visible arrows; both ends at the circles' edges
    const bend = Math.min(18, d / 6);
    const mx = (a.x + b.x) / 2 - (dy / d) * bend, my = (a.y + b.y) / 2 + (dx / d) * bend;
    const lb = Math.hypot(b.x - mx, b.y - my) || 1, la = Math.hypot(mx - a.x, my - a.y) || 1;
    const ex = b.x - ((b.x - mx) / lb) * rb, ey = b.y - ((b.y - my) / lb) * rb;
    const sx = a.x + ((mx - a.x) / la) * ra, sy = a.y + ((my - a.y) / la) * ra;
    edges.append(titled(svg("path", { d: `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      fill: "none", stroke: colour, "stroke-width": widthOf.toFixed(2), "stroke-opacity": 0.75, "marker-end": `url(#${marker(colour)})`,
      class: "edge", "data-source": e.source, "data-target": e.target, "data-goldstein": e.mean_goldstein }), label));
  }
  root.append(edges);
  const nodes = svg("g", { class: "nodes" });
  data.nodes.forEach((nd, i) => {
    const r = radius(nd.count);
    const next = new URLSearchParams(params);
    next.set("actor", nd.id);
    const drill = () => go("network", next);
    const groupNode = svg("g", { class: `node${actor && nd.id === actor.toUpperCase() ? " focus" : ""}`, "data-actor": nd.id,
      transform: `translate(${pos[i].x.toFixed(1)},${pos[i].y.toFixed(1)})`,
      tabindex: 0, role: "link", "aria-label": `${nd.id}: ${nd.count} events; drill in`,
      onclick: drill, onkeydown: (ev) => { if (ev.key === "Enter") drill(); } },
    svg("circle", { r: r.toFixed(1), fill: "#4d78b0" }),
    svg("text", { y: (-r - 5).toFixed(1), "text-anchor": "middle", text: nd.id, class: "label" }));
    nodes.append(titled(groupNode, `${nd.id} (${actorLabel(nd.id)}): ${nd.count} event(s)`));
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
    "Country shade: events placed there; circles: places (size: deaths reported there, the smallest circle for none; colour: mean Goldstein). " +
    "Click a country or a place to list its events.";
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
    countries.append(titled(path, `${f.properties.name}${stats ? `: ${stats.count} event(s), ${stats.dead || 0} dead, mean Goldstein ${fmt(stats.mean_goldstein, 2)}` : ""}`));
  }
  root.append(countries);
  // circles by deaths: the area grows with the dead reported at a place (each event's highest
  // figure, summed); a place without deaths keeps the smallest circle. Biggest drawn first.
  const maxDead = Math.max(1, ...points.map((p) => p.dead || 0));
  const radius = (dead) => 3 + 9 * Math.sqrt((dead || 0) / maxDead);
  const dots = svg("g", { class: "places" });
  for (const p of [...points].sort((x, y) => (y.dead || 0) - (x.dead || 0) || y.count - x.count)) {
    const [x, y] = project([p.lon, p.lat]);
    const next = new URLSearchParams(filterParams(params));
    next.set("place", p.name);
    if (p.country) next.set("country", p.country);
    dots.append(titled(svg("circle", { cx: x, cy: y, r: radius(p.dead), fill: goldsteinColour(p.mean_goldstein),
      class: "place", "data-place": p.name, "data-dead": p.dead || 0, onclick: () => go("events", next) }),
    `${p.name} (${p.country || "?"}): ${p.count} event(s), ${p.dead || 0} dead, mean Goldstein ${fmt(p.mean_goldstein, 2)}`));
  }
  root.append(dots);
  const sizes = [...new Set([maxDead, Math.round(maxDead / 4)])].filter((n) => n > 0);
  const key = el("div", { class: "legend", id: "map-legend" },
    el("span", {}, "Circle size: deaths reported at the place (each event's highest figure)"),
    ...sizes.map((n) => el("span", { class: "size-key" }, svgDot(radius(n)), `${n} dead`)),
    el("span", { class: "size-key" }, svgDot(radius(0)), "none reported"));
  panel.append(el("div", { class: "chart-wrap" }, root), key,
    el("p", { class: "muted" }, "Country outlines: Natural Earth 1:110m (public domain)."));
}

function svgDot(r) {
  const size = Math.ceil(2 * r + 2);
  return svg("svg", { width: size, height: size, viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true" },
    svg("circle", { cx: size / 2, cy: size / 2, r, fill: "#888", "fill-opacity": 0.7 }));
}

// -- analysis --------------------------------------------------------------------------------
const DIMENSIONS = [["actor", "actor"], ["country", "country"], ["source", "source actor"], ["target", "target actor"],
  ["source_country", "source country"], ["target_country", "target country"], ["dyad", "dyad"], ["root", "CAMEO root"],
  ["plover", "PLOVER type"], ["place", "place"], ["day", "day"], ["week", "week"], ["month", "month"], ["year", "year"]];
const TIME_DIMENSIONS = ["day", "week", "month", "year"];
const AGG_SORTS = [["-events", "most events"], ["events", "fewest events"], ["-goldstein", "most cooperative"],
  ["goldstein", "most conflictual"], ["key", "by key (time order)"]];

// the period after `p` ("2024-01-05" day, its Monday for a week, "2024-01" month, "2024" year)
function nextPeriod(p, dim) {
  if (dim === "year") return String(Number(p) + 1);
  if (dim === "month") {
    const [y, m] = p.split("-").map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  const d = new Date(`${p}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (dim === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

// every period from the first to the last of `keys` (sorted), or null when that is too many
function periodRange(keys, dim, max = 1500) {
  if (!keys.length) return [];
  const out = [keys[0]];
  const last = keys[keys.length - 1];
  while (out[out.length - 1] < last) {
    out.push(nextPeriod(out[out.length - 1], dim));
    if (out.length > max) return null;
  }
  return out;
}

function keyLabel(dim, value) {
  if (value === null || value === undefined || value === "") return "–";
  if (["actor", "source", "target"].includes(dim)) return actorLabel(String(value));
  if (["country", "source_country", "target_country"].includes(dim)) return actorLabel(String(value));
  if (dim === "root") return rootName(String(value));
  return "";
}

async function renderAnalysis(main, params, token) {
  const by = (params.get("by") || "month").split(",").filter(Boolean).slice(0, 2);
  const timeDims = by.filter((d) => TIME_DIMENSIONS.includes(d));
  const sort = params.get("sort") || (timeDims.length && by.length === 1 ? "key" : "-events");
  const limit = params.get("limit") || (by.length === 2 && timeDims.length ? "1000" : "100");
  const choose = (name, value, options, blank) => el("select", { name },
    (blank ? [["", blank]] : []).concat(options).map(([v, t]) => el("option", { value: v, selected: v === value }, t)));
  const form = el("form", { class: "form-row", id: "analysis-form", onchange: () => {
    const f = form.elements;
    const next = new URLSearchParams(filterParams(params));
    next.set("by", [f.by1.value, f.by2.value].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(","));
    next.set("sort", f.sort.value);
    next.set("limit", f.limit.value);
    go("analysis", next);
  }, onsubmit: (ev) => ev.preventDefault() },
  el("label", {}, "Group by", choose("by1", by[0], DIMENSIONS)),
  el("label", {}, "and by", choose("by2", by[1] || "", DIMENSIONS, "(nothing)")),
  el("label", {}, "Order", choose("sort", sort, AGG_SORTS)),
  el("label", {}, "Rows", choose("limit", limit, ["20", "100", "300", "1000"].concat(["20", "100", "300", "1000"].includes(limit) ? [] : [limit]).map((v) => [v, v]))));
  const body = el("div", { id: "analysis-body" }, el("p", { class: "muted" }, "Loading…"));
  main.replaceChildren(el("section", { class: "panel analysis" },
    el("h2", {}, "Analysis: events grouped"),
    el("p", { class: "muted" }, "Events, mean Goldstein score and the shares of the four quad classes, grouped by one or two dimensions, for the events of the filters above."),
    form, body));
  const query = filterParams(params);
  query.set("by", by.join(","));
  query.set("sort", sort);
  query.set("limit", limit);
  const response = await fetch(`/aggregate?${query}`);
  if (token !== renderToken) return;
  if (response.status === 404) {
    body.replaceChildren(el("p", { class: "empty", id: "analysis-missing" },
      "This server has no GET /aggregate yet: the analysis view needs a newer tidings API."));
    return;
  }
  let data = null;
  try { data = await response.json(); } catch { data = null; }
  if (!response.ok) {
    const detail = data && data.detail;
    throw new ApiError(Array.isArray(detail) ? detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ") : detail || `${response.status}`);
  }
  showResolved(data);
  const dims = data.by || by;
  const rows = data.rows || [];
  const filters = filterParams(params);
  body.replaceChildren(
    el("p", { class: "muted", id: "analysis-note" }, `${rows.length} of ${data.groups ?? rows.length} group${(data.groups ?? rows.length) === 1 ? "" : "s"}` +
      (data.truncated ? ` (the first ${rows.length}; ask for more rows or narrow the filters)` : "") + " · ",
    downloadLinks(filters)),
    rows.length ? analysisChart(rows, dims) : el("p", { class: "empty" }, "No events match these filters."),
    rows.length ? analysisTable(rows, dims, filters) : "");
}

// a row's filter for the events view, when its dimensions are ones /events can filter by
function rowFilter(row, dims, filters) {
  const next = new URLSearchParams(filters);
  for (const dim of dims) {
    const v = row[dim];
    if (v === null || v === undefined) return null;
    if (["actor", "source", "target", "root", "plover", "place"].includes(dim)) next.set(dim, v);
    else if (dim === "dyad") {   // SOURCE-TARGET; a pair with an unknown side ("---") is not split
      const m = /^([A-Z0-9]+)-([A-Z0-9]+)$/i.exec(String(v));
      if (!m) return null;
      next.set("source", m[1]); next.set("target", m[2]);
    }
    else if (dim === "day") { next.set("since", v); next.set("until", v); }
    else if (dim === "month" || dim === "year") {
      const start = dim === "year" ? `${v}-01-01` : `${v}-01`;
      const end = dim === "year" ? `${v}-12-31` : new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)), 0)).toISOString().slice(0, 10);
      next.set("since", start); next.set("until", end);
    } else if (dim === "week") {
      const d = new Date(`${v}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 6);
      next.set("since", v); next.set("until", d.toISOString().slice(0, 10));
    } else return null;
  }
  return next;
}

function analysisTable(rows, dims, filters) {
  const pct = (x) => (x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`);
  return el("table", { id: "analysis-table" },
    el("thead", {}, el("tr", {}, dims.map((d) => el("th", {}, (DIMENSIONS.find(([k]) => k === d) || [d, d])[1])),
      ["Events", "Mentions", "Mean Goldstein"].map((h) => el("th", { class: "num" }, h)),
      [1, 2, 3, 4].map((q) => el("th", { class: "num", title: QUAD_NAMES[q] }, el("span", { class: `quad q${q}` }, q), ` ${QUAD_NAMES[q]}`)))),
    el("tbody", {}, rows.map((r) => {
      const link = rowFilter(r, dims, filters);
      return el("tr", {}, dims.map((d, i) => el("td", { class: "code", title: keyLabel(d, r[d]) || null },
        i === 0 && link ? el("a", { href: `#/events?${link}`, title: "list these events" }, r[d] ?? "–") : r[d] ?? "–")),
      el("td", { class: "num" }, r.events), el("td", { class: "num" }, r.mentions ?? "–"),
      el("td", { class: "num", style: `color:${goldsteinColour(r.goldstein_mean)}` }, fmt(r.goldstein_mean, 2)),
      [1, 2, 3, 4].map((q) => el("td", { class: "num" }, pct(r[`q${q}`]))));
    })));
}

function analysisChart(rows, dims) {
  const time = dims.find((d) => TIME_DIMENSIONS.includes(d));
  const other = dims.find((d) => d !== time);
  if (time && !other) return shareChart(rows, time);
  if (time && other) return linesChart(rows, time, other);
  return barsChart(rows, dims);
}

function chartFrame(id, width, height, label, extra = {}) {
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, id, role: "img", "aria-label": label, ...extra });
}

// one time dimension: the quad-class shares of each period stacked to 100%, events above
function shareChart(rows, time) {
  const byKey = new Map(rows.map((r) => [String(r[time]), r]));
  const keys = [...byKey.keys()].sort();
  const periods = periodRange(keys, time) || keys;
  const width = 1100, height = 330, m = { left: 48, right: 16, top: 16, bottom: 40 };
  const plotW = width - m.left - m.right, shareH = 180, countH = 60, gap = 18;
  const step = plotW / periods.length, barW = Math.max(1, Math.min(36, step * 0.85));
  const maxEvents = Math.max(1, ...rows.map((r) => r.events));
  const root = chartFrame("analysis-chart", width, height, `Quad-class shares per ${time}`, { "data-kind": "shares", "data-periods": periods.length });
  const yShare = (f) => m.top + countH + gap + shareH * (1 - f);
  const axis = svg("g", { class: "axis" });
  for (const f of [0, 0.5, 1]) {
    axis.append(svg("line", { x1: m.left, x2: width - m.right, y1: yShare(f), y2: yShare(f), stroke: "#e3e7ec" }),
      svg("text", { x: m.left - 6, y: yShare(f) + 4, "text-anchor": "end", text: `${f * 100}%` }));
  }
  axis.append(svg("text", { x: m.left - 6, y: m.top + 10, "text-anchor": "end", text: maxEvents }),
    svg("text", { x: m.left, y: m.top - 4, text: "events" }));
  root.append(axis);
  const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor(plotW / 70)));
  periods.forEach((p, i) => {
    const r = byKey.get(p);
    const x = m.left + i * step + (step - barW) / 2;
    if (r) {
      const g = svg("g", { class: "share-bar", "data-period": p });
      const h = (r.events / maxEvents) * countH;
      g.append(titled(svg("rect", { x, y: m.top + countH - h, width: barW, height: Math.max(0.5, h), fill: "#8a96a6" }), `${p}: ${r.events} events`));
      let base = 0;
      for (const q of [4, 3, 2, 1]) {
        const f = r[`q${q}`] || 0;
        if (!f) continue;
        g.append(titled(svg("rect", { x, y: yShare(base + f), width: barW, height: yShare(base) - yShare(base + f), fill: QUAD_COLOURS[q] }),
          `${p}: ${Math.round(f * 100)}% ${QUAD_NAMES[q]} (${r.events} events, mean Goldstein ${fmt(r.goldstein_mean, 2)})`));
        base += f;
      }
      root.append(g);
    }
    if (i % labelEvery === 0) root.append(svg("text", { x: x + barW / 2, y: height - m.bottom + 16, "text-anchor": "middle", text: p }));
  });
  return el("div", { class: "chart-wrap" }, root, el("div", { class: "legend" },
    [4, 3, 2, 1].map((q) => legendItem(QUAD_COLOURS[q], QUAD_NAMES[q])), el("span", {}, "grey: events per period; empty periods are left blank")));
}

const LINE_COLOURS = ["#1f5fa8", "#b8322a", "#3f9c5a", "#e08a2c", "#7b4fa0", "#4a4a4a", "#2aa1b3", "#c2549d"];

// a time and another dimension: events per period, one line for each of the busiest groups
function linesChart(rows, time, other) {
  const totals = new Map();
  for (const r of rows) totals.set(String(r[other]), (totals.get(String(r[other])) || 0) + r.events);
  const groups = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, LINE_COLOURS.length).map(([k]) => k);
  const keys = [...new Set(rows.map((r) => String(r[time])))].sort();
  const periods = periodRange(keys, time) || keys;
  const at = new Map(periods.map((p, i) => [p, i]));
  const width = 1100, height = 320, m = { left: 48, right: 16, top: 16, bottom: 40 };
  const plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
  const step = plotW / Math.max(1, periods.length);
  const maxEvents = Math.max(1, ...rows.filter((r) => groups.includes(String(r[other]))).map((r) => r.events));
  const x = (i) => m.left + i * step + step / 2, y = (n) => m.top + plotH - (n / maxEvents) * plotH;
  const root = chartFrame("analysis-chart", width, height, `Events per ${time} for the busiest ${other} groups`, { "data-kind": "lines", "data-periods": periods.length });
  const axis = svg("g", { class: "axis" });
  for (const f of [0, 0.5, 1]) {
    const n = Math.round(maxEvents * f);
    axis.append(svg("line", { x1: m.left, x2: width - m.right, y1: y(n), y2: y(n), stroke: "#e3e7ec" }),
      svg("text", { x: m.left - 6, y: y(n) + 4, "text-anchor": "end", text: n }));
  }
  root.append(axis);
  const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor(plotW / 70)));
  periods.forEach((p, i) => { if (i % labelEvery === 0) root.append(svg("text", { x: x(i), y: height - m.bottom + 16, "text-anchor": "middle", text: p })); });
  groups.forEach((g, n) => {
    const colour = LINE_COLOURS[n];
    const points = new Map(rows.filter((r) => String(r[other]) === g).map((r) => [at.get(String(r[time])), r]));
    let run = [];
    const flush = () => {   // a period without events of this group breaks its line
      if (run.length > 1) root.append(svg("polyline", { class: "series-line", "data-group": g, fill: "none", stroke: colour, "stroke-width": 1.8,
        points: run.map(([i, r]) => `${x(i).toFixed(1)},${y(r.events).toFixed(1)}`).join(" ") }));
      run = [];
    };
    for (let i = 0; i < periods.length; i++) {
      const r = points.get(i);
      if (r) {
        run.push([i, r]);
        root.append(titled(svg("circle", { cx: x(i), cy: y(r.events), r: 2.5, fill: colour, class: "series-point" }),
          `${g}, ${periods[i]}: ${r.events} events, mean Goldstein ${fmt(r.goldstein_mean, 2)}`));
      } else flush();
    }
    flush();
  });
  return el("div", { class: "chart-wrap" }, root, el("div", { class: "legend" },
    groups.map((g, n) => legendItem(LINE_COLOURS[n], `${g}${keyLabel(other, g) ? ` (${keyLabel(other, g)})` : ""}`))));
}

// no time dimension: the busiest groups as bars, each split by its quad-class shares
function barsChart(rows, dims) {
  const top = [...rows].sort((a, b) => b.events - a.events).slice(0, 25);
  const label = (r) => dims.map((d) => r[d] ?? "–").join(" · ");
  const labelW = Math.min(260, 20 + Math.max(...top.map((r) => labelWidth(label(r)))));
  const width = 1100, rowH = 20, m = { top: 8, bottom: 8 };
  const height = m.top + m.bottom + rowH * top.length;
  const maxEvents = Math.max(1, ...top.map((r) => r.events));
  const plotW = width - labelW - 70;
  const root = chartFrame("analysis-chart", width, height, `Events per ${dims.join(" and ")}`, { "data-kind": "bars" });
  top.forEach((r, i) => {
    const y0 = m.top + i * rowH;
    const g = svg("g", { class: "agg-bar", "data-key": label(r) });
    g.append(svg("text", { x: labelW - 8, y: y0 + 14, "text-anchor": "end", text: label(r) }));
    let x0 = labelW;
    for (const q of [1, 2, 3, 4]) {
      const w = (r[`q${q}`] || 0) * (r.events / maxEvents) * plotW;
      if (w <= 0) continue;
      g.append(titled(svg("rect", { x: x0, y: y0 + 3, width: w, height: rowH - 6, fill: QUAD_COLOURS[q] }),
        `${label(r)}: ${Math.round((r[`q${q}`] || 0) * 100)}% ${QUAD_NAMES[q]}`));
      x0 += w;
    }
    g.append(svg("text", { x: x0 + 6, y: y0 + 14, text: `${r.events} · ${fmt(r.goldstein_mean, 1)}` }));
    root.append(titled(g, `${label(r)}: ${r.events} events, mean Goldstein ${fmt(r.goldstein_mean, 2)}`));
  });
  return el("div", { class: "chart-wrap" }, root, el("div", { class: "legend" },
    [1, 2, 3, 4].map((q) => legendItem(QUAD_COLOURS[q], QUAD_NAMES[q])), el("span", {}, "bar length: events; figures: events · mean Goldstein")));
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
const VIEWS = { events: renderEvents, dyad: renderDyad, network: renderNetwork, map: renderMap, analysis: renderAnalysis, code: renderCode };

async function route() {
  const { view, params } = parseHash();
  const render = VIEWS[view] || renderEvents;
  const token = ++renderToken;
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.view === view);
  const form = document.getElementById("filters");
  form.hidden = !FILTERED_VIEWS.includes(view) && VIEWS[view] !== undefined;
  fillFilterForm(params);
  showResolved(null);
  setStatus("");
  const main = document.getElementById("view");
  const started = performance.now();
  document.body.dataset.view = view;
  document.body.dataset.ready = "false";
  try {
    await render(main, params, token);
  } catch (err) {
    if (token === renderToken) setStatus(err.message, true);
  } finally {
    if (token === renderToken) {
      // the ready marker: the view has drawn its data. drawnAt counts from the start of the
      // page's navigation, drawMs from the route change (a click within the page)
      document.body.dataset.drawnAt = String(Math.round(performance.now()));
      document.body.dataset.drawMs = String(Math.round(performance.now() - started));
      document.body.dataset.ready = "true";
    }
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
