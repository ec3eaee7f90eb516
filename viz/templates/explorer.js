/* gcmkg explorer: a timeline and a relation graph of one built graph, linked, with the evidence of every fact.
 * Safety: every text from the data goes into the page with textContent or as a canvas label, never as HTML. */
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("gcmkg-data").textContent);
  const VT = window.visTimeline, VN = window.vis;
  const MAX_DRAWN = 400; // nodes drawn at once; the rest are counted in one aggregate node per kind
  const COMPACT = DATA.timeline.items.length > 150; // timeline items show counts per status, not names

  const NODE_STYLE = {
    meeting: ["star", "#6a3d9a"], document: ["triangle", "#8c6d31"], objective: ["diamond", "#e377c2"],
    paragraph: ["diamond", "#f7b6d2"], instrument: ["diamond", "#7f7f7f"], role: ["hexagon", "#aec7e8"],
  };
  const ACTOR_COLOURS = {
    person: "#4e79a7", government: "#f28e2b", ministry: "#e15759", administration: "#76b7b2", cabinet: "#59a14f",
    parliament: "#edc948", committee: "#b07aa1", party: "#ff9da7", country: "#9c755f",
    international_organisation: "#17becf", civil_society: "#bcbd22", other: "#bab0ac",
  };
  const GLYPH = { dot: "\u25CF", square: "\u25A0", star: "\u2605", triangle: "\u25B2", diamond: "\u25C6", hexagon: "\u2B22" };
  const STATUS_COLOURS = { present: "#1f77b4", invited: "#9467bd", excused: "#bcbd22", absent: "#8c564b", not_invited: "#e377c2" };
  const STANCE_COLOURS = { support: "#2ca02c", oppose: "#d62728", conditional: "#ff7f0e", undecided: "#9e9e9e" };
  const EDGE_STYLE = { author: ["#555555", false], addressee: ["#555555", true], publisher: ["#999999", true],
    role: ["#aec7e8", false], party: ["#ff9da7", false], member: ["#c49c94", true] };
  const KIND_NAMES = { actor: "actors", meeting: "meetings", document: "documents", objective: "objectives",
    paragraph: "paragraphs", instrument: "instruments", role: "roles" };

  const nodes = new Map(DATA.nodes.map((n) => [n.id, n]));
  const edges = new Map(DATA.edges.map((e) => [e.id, e]));
  const edgesOf = new Map(DATA.nodes.map((n) => [n.id, []]));
  DATA.edges.forEach((e) => { edgesOf.get(e.from).push(e); edgesOf.get(e.to).push(e); });
  const items = new Map(DATA.timeline.items.map((i) => [i.id, i]));
  const F = DATA.facets;
  const state = { kinds: new Set(F.node_kinds), actorKinds: new Set(F.actor_kinds), series: new Set(F.series),
    stances: new Set(F.stances), objective: "", from: "", to: "", isolated: false, pinned: new Set(), drawn: new Set() };

  // ---- small DOM helpers: text only ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "class") e.className = v; else if (k === "style") Object.assign(e.style, v);
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    });
    children.flat(Infinity).forEach((c) => { if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c)); });
    return e;
  }
  const $ = (id) => document.getElementById(id);
  const short = (s, n) => (s.length > n ? s.slice(0, n - 1) + "\u2026" : s);
  const words = (s) => s.replace(/_/g, " ");
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const colourOf = (n) => (n.kind === "actor" ? ACTOR_COLOURS[n.sub] || ACTOR_COLOURS.other : NODE_STYLE[n.kind][1]);
  const shapeOf = (n) => (n.kind === "actor" ? (n.sub === "person" ? "dot" : "square") : NODE_STYLE[n.kind][0]);
  const chip = (text, colour) => el("span", { class: "chip", style: { background: colour } }, words(text));

  // ---- filters ----
  function inDates(date) {
    return !date || ((!state.from || date >= state.from) && (!state.to || date.slice(0, 10) <= state.to));
  }
  function nodeOk(n) {
    if (!state.kinds.has(n.kind)) return false;
    if (n.kind === "actor" && !state.actorKinds.has(n.sub)) return false;
    if (n.kind === "meeting" && !state.series.has(n.series)) return false;
    if (n.kind === "objective" && state.objective && n.objective !== state.objective) return false;
    return inDates(n.date);
  }
  function edgeOk(e) {
    if (!nodeOk(nodes.get(e.from)) || !nodeOk(nodes.get(e.to))) return false;
    if (e.type !== "position") return true;
    return state.stances.has(e.value) && (!state.objective || e.objective === state.objective) && inDates(e.date);
  }
  function visibleSets() {
    const shownEdges = DATA.edges.filter(edgeOk);
    const linked = new Set();
    shownEdges.forEach((e) => { linked.add(e.from); linked.add(e.to); });
    const keepAlone = (n) => n.kind === "meeting" || n.kind === "document" || (n.kind === "actor" && state.isolated);
    const shown = DATA.nodes.filter((n) => nodeOk(n) && (linked.has(n.id) || keepAlone(n) || state.pinned.has(n.id)));
    return { shown, shownEdges };
  }

  // ---- graph ----
  const netNodes = new VN.DataSet();
  const netEdges = new VN.DataSet();
  function visNode(n) {
    return { id: n.id, label: short(n.label, 40), shape: shapeOf(n), value: n.size,
      color: { background: colourOf(n), border: "#333333", highlight: { background: "#ffb74d", border: "#e65100" } },
      borderWidth: 1 };
  }
  function visEdge(e) {
    if (e.type === "attendance") return { id: e.id, from: e.from, to: e.to, width: 1.5,
      color: { color: STATUS_COLOURS[e.value] || "#999999" }, dashes: e.value === "not_invited" };
    if (e.type === "position") return { id: e.id, from: e.from, to: e.to, width: 3, arrows: "to",
      color: { color: STANCE_COLOURS[e.value] || "#999999" } };
    const [colour, dashes] = EDGE_STYLE[e.type] || ["#999999", false];
    return { id: e.id, from: e.from, to: e.to, width: 1, arrows: e.type === "role" ? "" : "to", color: { color: colour }, dashes };
  }
  const network = new VN.Network($("graph"), { nodes: netNodes, edges: netEdges }, {
    layout: { randomSeed: 7, improvedLayout: false },
    nodes: { scaling: { min: 8, max: 36, label: { enabled: true, min: 12, max: 26, maxVisible: 26, drawThreshold: 8 } },
      font: { color: "#222222", strokeWidth: 3, strokeColor: "#ffffff" } },
    physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.02, springLength: 80, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: 300, updateInterval: 50, fit: true } },
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: true, multiselect: false },
    edges: { smooth: false, selectionWidth: 2 },
  });
  const api = { network, data: DATA, state, physics: true, stabilizations: 0, maxDrawn: MAX_DRAWN };
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false, stabilization: { fit: false } } }); // fit the first layout only
    api.physics = false; api.stabilizations += 1;
    document.body.dataset.physics = "off";
    const selected = network.getSelectedNodes();
    if (api.stabilizations > 1 && selected.length) network.focus(selected[0], { scale: Math.max(network.getScale(), 0.8), animation: false });
  });

  function redraw() {
    const { shown, shownEdges } = visibleSets();
    const ranked = shown.slice().sort((a, b) => (state.pinned.has(b.id) - state.pinned.has(a.id)) ||
      (b.degree - a.degree) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const drawn = ranked.slice(0, MAX_DRAWN);
    const rest = ranked.slice(MAX_DRAWN);
    state.drawn = new Set(drawn.map((n) => n.id));
    const aggregates = new Map();
    rest.forEach((n) => { const k = n.kind === "actor" ? n.sub : n.kind; aggregates.set(k, (aggregates.get(k) || 0) + 1); });
    const before = new Set(netNodes.getIds());
    const wanted = drawn.map(visNode).concat([...aggregates].map(([k, count]) => ({
      id: "aggregate:" + k, label: "+" + count + " " + words(k), shape: "database", value: 40,
      color: { background: "#eceff1", border: "#607d8b" }, font: { size: 13 }, aggregate: k, count })));
    const wantedIds = new Set(wanted.map((n) => n.id));
    netNodes.remove([...before].filter((id) => !wantedIds.has(id)));
    netNodes.update(wanted);
    netEdges.clear();
    netEdges.add(shownEdges.filter((e) => state.drawn.has(e.from) && state.drawn.has(e.to)).map(visEdge));
    const added = wanted.some((n) => !before.has(n.id));
    if (added) {
      api.physics = true; document.body.dataset.physics = "on";
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(150);
    }
    timelineItems.update(DATA.timeline.items.map((i) => ({ id: i.id, visible: nodeOk(nodes.get(i.id)) })));
    timelineView.refresh();
    timelineGroups.update(DATA.timeline.groups.map((g) => ({ id: g, visible: g === "documents" ?
      state.kinds.has("document") : state.kinds.has("meeting") && state.series.has(g) })));
    $("stats").textContent = `${DATA.nodes.length} nodes, ${DATA.edges.length} facts; drawn ${drawn.length}` +
      (rest.length ? `, ${rest.length} more in ${aggregates.size} aggregate nodes` : "");
  }

  // ---- timeline ----
  const timelineItems = new VT.DataSet(DATA.timeline.items.map((i) => Object.assign({ id: i.id, group: i.group, start: i.start,
    type: i.end !== i.start ? "range" : (i.kind === "meeting" ? "box" : "point"), className: "gcm-" + i.kind, visible: true },
  i.end !== i.start ? { end: i.end + "T23:59:59" } : {}))); // no end key at all for a one-day item: focus() reads it
  const timelineView = new VT.DataView(timelineItems, { filter: (i) => i.visible });
  const timelineGroups = new VT.DataSet(DATA.timeline.groups.map((g, order) => ({ id: g, content: "", order, visible: true })));
  function itemElement(item) {
    const i = items.get(item.id);
    if (!i) return el("span", {}, "");
    const title = i.label.includes(i.date) ? short(i.label, 60) : short(i.label, 48) + " \u00B7 " + i.date;
    const box = el("div", { class: "gcm-item", "data-id": i.id, "data-date": i.date }, el("div", { class: "title" }, title));
    const att = Object.entries(i.attendees || {});
    if (COMPACT) box.append(el("span", { class: "att" }, att.map(([status, who]) => chip(status + " " + who.length, STATUS_COLOURS[status]))));
    else att.forEach(([status, who]) => {
      const names = who.map((a) => short(nodes.get(a).label, 28));
      box.append(el("span", { class: "att" }, chip(status + " " + who.length, STATUS_COLOURS[status]),
        names.slice(0, 3).join(", ") + (names.length > 3 ? ` +${names.length - 3}` : "")));
    });
    return box;
  }
  const pad = Math.max(864e5 * 20, (Date.parse(F.date_max) - Date.parse(F.date_min)) * 0.06) || 0;
  const timeline = new VT.Timeline($("timeline"), timelineView, timelineGroups, {
    template: itemElement,
    groupTemplate: (g) => el("div", { class: "gcm-group" }, g ? (g.id === "documents" ? "Documents" : g.id) : ""),
    groupOrder: "order", stack: true, orientation: "top", showCurrentTime: false, selectable: true, multiselect: false,
    margin: { item: 4 }, zoomMin: 1000 * 60 * 60 * 24 * 3, minHeight: 150,
    cluster: DATA.timeline.items.length > 300 ? { maxItems: 4, showStipes: false } : false,
    start: F.date_min ? new Date(Date.parse(F.date_min) - pad) : undefined,
    end: F.date_max ? new Date(Date.parse(F.date_max) + pad) : undefined,
  });
  api.timeline = timeline; api.timelineItems = timelineItems;

  // ---- selection and the panel ----
  function select(id, from) {
    const n = nodes.get(id);
    if (!n) return;
    if (!state.drawn.has(id) && nodeOk(n)) { state.pinned.add(id); redraw(); }
    if (state.drawn.has(id)) {
      network.selectNodes([id]);
      if (from !== "graph") network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    } else network.unselectAll();
    if (from !== "timeline") {
      if (items.has(id) && nodeOk(n)) {
        timeline.setSelection([id]);
        const w = timeline.getWindow(), at = Date.parse(items.get(id).start);
        if (at < w.start.valueOf() || at > w.end.valueOf()) timeline.moveTo(at, { animation: false }); // keep the zoom
      } else timeline.setSelection([]);
    }
    showNode(n);
  }
  function nodeLink(id) {
    const n = nodes.get(id);
    return el("button", { type: "button", class: "link", "data-node": id, onclick: () => select(id, "panel") }, n ? n.label : id);
  }
  function evidenceBlock(indexes) {
    return indexes.map((k) => {
      const ev = DATA.evidence[k];
      const docs = DATA.sources[ev.file] || [];
      return el("div", { class: "ev" }, el("blockquote", { class: "evidence" }, ev.quote),
        el("div", { class: "source" }, `${ev.file}, characters ${ev.start}\u2013${ev.end}`),
        docs.length ? el("ul", { class: "docs" }, docs.map((d) => el("li", {}, nodeLink(d)))) : null);
    });
  }
  function factsTable(pairs) {
    return pairs.length ? el("table", { class: "facts" }, pairs.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v)))) : null;
  }
  const EDGE_TEXT = { attendance: (e) => words(e.value), position: (e) => words(e.value) + (e.objective ? ` (objective ${e.objective})` : ""),
    author: () => "wrote", addressee: () => "addressed to", publisher: () => "published by", role: () => "has role",
    party: () => "party", member: () => "member of" };
  function edgeColour(e) {
    return e.type === "attendance" ? STATUS_COLOURS[e.value] : e.type === "position" ? STANCE_COLOURS[e.value] : (EDGE_STYLE[e.type] || ["#999"])[0];
  }
  function factBlock(e, here) {
    const other = e.from === here ? e.to : e.from;
    return el("div", { class: "fact", "data-edge": e.id },
      el("div", {}, chip(EDGE_TEXT[e.type](e), edgeColour(e) || "#999"), e.from === here ? "\u2192 " : "\u2190 ", nodeLink(other),
        e.date ? ` (${e.date})` : ""), evidenceBlock(e.evidence));
  }
  const SECTIONS = [["attendance", "Attendance"], ["position", "Positions"], ["author", "Authorship"], ["addressee", "Addressees"],
    ["publisher", "Published by"], ["role", "Roles"], ["party", "Party"], ["member", "Memberships"]];
  function openPanel(...content) {
    $("panel-body").replaceChildren(...content.flat(Infinity).filter((c) => c));
    $("panel").hidden = false;
  }
  function showNode(n) {
    const mine = edgesOf.get(n.id);
    const parts = [el("h2", {}, n.label), el("div", { class: "sub" }, n.kind === "actor" ? words(n.sub) + " (actor)" : words(n.sub)),
      el("div", { class: "iri" }, n.id), factsTable(n.facts)];
    if (n.kind === "meeting") {
      const i = items.get(n.id);
      Object.entries((i && i.attendees) || {}).forEach(([status, who]) => parts.push(el("div", {}, chip(status + " " + who.length,
        STATUS_COLOURS[status]), who.map((a, k) => [k ? ", " : "", nodeLink(a)]))));
    }
    SECTIONS.forEach(([type, title]) => {
      const list = mine.filter((e) => e.type === type);
      if (list.length) parts.push(el("h3", {}, `${title} (${list.length})`), list.map((e) => factBlock(e, n.id)));
    });
    if (n.evidence.length) parts.push(el("h3", {}, "Evidence"), evidenceBlock(n.evidence));
    if (n.sources.length) parts.push(el("h3", {}, "Source files"), el("ul", { class: "docs" }, n.sources.map((f) => el("li", {}, f))));
    openPanel(parts);
  }
  function showEdge(e) {
    network.selectEdges([e.id]);
    openPanel(el("h2", {}, nodes.get(e.from).label, " \u2014 ", EDGE_TEXT[e.type](e), " \u2014 ", nodes.get(e.to).label),
      el("div", { class: "sub" }, words(e.type)), el("div", {}, nodeLink(e.from), " \u2192 ", nodeLink(e.to)),
      factsTable([["fact", words(e.type)], ["value", words(e.value)], ["objective", e.objective || ""], ["date", e.date || ""]]
        .filter(([, v]) => v)), el("h3", {}, "Evidence"), e.evidence.length ? evidenceBlock(e.evidence) : el("div", {}, "none stated"));
  }
  function showAggregate(node) {
    openPanel(el("h2", {}, node.label), el("p", {}, `${node.count} ${words(node.aggregate)} nodes are not drawn, to keep the graph ` +
      "usable. Narrow the filters, or search for a name: a node you select is always drawn."));
  }
  network.on("click", (p) => {
    if (p.nodes.length) {
      const v = netNodes.get(p.nodes[0]);
      if (v && v.aggregate) showAggregate(v); else select(p.nodes[0], "graph");
    } else if (p.edges.length) showEdge(edges.get(p.edges[0]));
  });
  timeline.on("select", (p) => { if (p.items.length && nodes.has(p.items[0])) select(p.items[0], "timeline"); });
  $("panel-close").addEventListener("click", () => { $("panel").hidden = true; network.unselectAll(); timeline.setSelection([]); });

  // ---- filter controls, legend, search ----
  function checkboxes(target, values, set, label, swatch) {
    $(target).replaceChildren(...values.map((v) => el("label", {}, el("input", { type: "checkbox", checked: "", "data-value": v,
      onchange: (ev) => { if (ev.target.checked) set.add(v); else set.delete(v); redraw(); } }),
    swatch ? el("span", { class: "swatch", style: { color: swatch(v) } }, swatch.glyph(v)) : null, " ", label(v))));
  }
  checkboxes("f-kinds", F.node_kinds, state.kinds, (k) => KIND_NAMES[k] || k);
  const actorSwatch = Object.assign((k) => ACTOR_COLOURS[k] || ACTOR_COLOURS.other, { glyph: (k) => GLYPH[k === "person" ? "dot" : "square"] });
  checkboxes("f-actor-kinds", F.actor_kinds, state.actorKinds, words, actorSwatch);
  checkboxes("f-series", F.series, state.series, (s) => s);
  const stanceSwatch = Object.assign((s) => STANCE_COLOURS[s], { glyph: () => "\u2501" });
  checkboxes("f-stances", F.stances, state.stances, words, stanceSwatch);
  $("f-objective").replaceChildren(el("option", { value: "" }, "all objectives"),
    ...F.objectives.map((o) => el("option", { value: o }, "objective " + o)));
  $("f-objective").addEventListener("change", (ev) => { state.objective = ev.target.value; redraw(); });
  $("f-isolated").addEventListener("change", (ev) => { state.isolated = ev.target.checked; redraw(); });
  ["from", "to"].forEach((k) => {
    const input = $("f-" + k);
    input.min = F.date_min; input.max = F.date_max;
    input.addEventListener("change", () => { state[k] = input.value; redraw(); });
  });
  $("f-reset").addEventListener("click", () => {
    document.querySelectorAll("#filters input[type=checkbox][data-value]").forEach((c) => { c.checked = true; });
    [state.kinds, state.actorKinds, state.series, state.stances].forEach((s, i) =>
      [F.node_kinds, F.actor_kinds, F.series, F.stances][i].forEach((v) => s.add(v)));
    Object.assign(state, { objective: "", from: "", to: "", isolated: false });
    $("f-objective").value = ""; $("f-from").value = ""; $("f-to").value = ""; $("f-isolated").checked = false;
    redraw();
    timeline.fit({ animation: false });
  });

  const legend = [];
  F.actor_kinds.forEach((k) => legend.push([GLYPH[k === "person" ? "dot" : "square"], ACTOR_COLOURS[k] || ACTOR_COLOURS.other, words(k)]));
  F.node_kinds.filter((k) => k !== "actor").forEach((k) => legend.push([GLYPH[NODE_STYLE[k][0]], NODE_STYLE[k][1], k]));
  const lines = [];
  F.statuses.forEach((s) => lines.push([STATUS_COLOURS[s], "attendance: " + words(s), s === "not_invited", true]));
  F.stances.forEach((s) => lines.push([STANCE_COLOURS[s], "position: " + s, false, false]));
  [...new Set(DATA.edges.map((e) => e.type))].filter((t) => EDGE_STYLE[t]).sort()
    .forEach((t) => lines.push([EDGE_STYLE[t][0], EDGE_TEXT[t](), EDGE_STYLE[t][1], true]));
  $("legend-body").replaceChildren(
    ...legend.map(([g, c, t]) => el("span", {}, el("span", { class: "glyph", style: { color: c } }, g), " ", t)),
    ...lines.map(([c, t, dashed, thin]) => el("span", {}, el("span", { class: "line" + (dashed ? " dashed" : "") + (thin ? " thin" : ""),
      style: { borderTopColor: c } }), t)));

  const searchable = DATA.nodes.map((n) => [n, fold([n.label, ...n.facts.filter(([k]) => k === "also called").map(([, v]) => v)].join("\n"))]);
  function search(q) {
    const f = fold(q.trim());
    if (f.length < 2) return [];
    return searchable.filter(([, text]) => text.includes(f)).map(([n]) => n)
      .sort((a, b) => (b.degree - a.degree) || a.label.localeCompare(b.label)).slice(0, 30);
  }
  function showResults(list) {
    const box = $("search-results");
    box.replaceChildren(...list.map((n) => el("li", {}, el("button", { type: "button", "data-node": n.id,
      onclick: () => { box.hidden = true; select(n.id, "search"); } }, n.label, el("span", { class: "kind" },
      n.kind === "actor" ? words(n.sub) : n.kind)))));
    box.hidden = !list.length;
  }
  $("search").addEventListener("input", (ev) => showResults(search(ev.target.value)));
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { const r = search(ev.target.value); if (r.length) { $("search-results").hidden = true; select(r[0].id, "search"); } }
    if (ev.key === "Escape") $("search-results").hidden = true;
  });
  api.select = select; api.search = search; api.redraw = redraw;
  api.drawnCount = () => netNodes.length; api.edgeCount = () => netEdges.length;
  window.gcmkgExplorer = api;
  redraw();
})();
