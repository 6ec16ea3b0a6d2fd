/* tradegraph network view. Every text from the data is shown with textContent or as a plain-text
   vis-network tooltip: nothing from a document is ever parsed as HTML. */
"use strict";
(function () {
  const timings = {start: performance.now()};  // milliseconds since navigation, for bench/render_speed.py
  const READABLE = 10;  // screen pixels: the smallest label font the default view shows
  const EDGE_FONT = 11;
  const data = JSON.parse(document.getElementById("tg-data").textContent);
  const byId = new Map(data.nodes.map((n, i) => [n.id, Object.assign(n, {rank: i})]));
  /* the data names a carried node by its place in data.nodes and each evidence's document by its place in
     data.sources (graph/network/payload.py): back to ids and names here, once */
  for (const ev of data.evidence) [ev.document, ev.title] = data.sources[ev.doc];
  const edgesOf = new Map();
  data.edges.forEach((e, i) => {
    e.id = i;
    e.from = data.nodes[e.from].id;
    e.to = data.nodes[e.to].id;
    for (const end of [e.from, e.to]) {
      if (!edgesOf.has(end)) edgesOf.set(end, []);
      edgesOf.get(end).push(e);
    }
  });
  const SIDED = new Set(Object.keys(data.kinds).filter((k) => data.kinds[k].sided));
  const present = new Set();
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const $ = (id) => document.getElementById(id);
  const body = document.body;

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  const fold = (s) => String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  const plural = (n, word) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
  const sideOf = (n) => (n.country && Object.hasOwn(data.sides, n.country) ? n.country : "");
  /* text on one line cut to `limit` characters with an ellipsis: graph/network/payload.py's short(), character for
     character (Python's whitespace, code points rather than UTF-16 units) */
  const SPACES = /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  function short(text, limit) {
    const chars = Array.from(String(text).split(SPACES).filter(Boolean).join(" "));
    return chars.length <= limit ? chars.join("") : chars.slice(0, limit - 1).join("").replace(/ +$/, "") + "…";
  }
  const TIP_CHARS = 280;
  // a line's tooltip, made here rather than carried (payload.py's edge_tip): what it is, its first two sentences
  const edgeTip = (e) => [e.about, ...e.ev.slice(0, 2).map((i) => `“${short(data.evidence[i].text, TIP_CHARS)}” ` +
                                                             `(${data.evidence[i].document})`)].join("\n");

  /* ---- vis objects ---- */
  function visNode(n, pos) {
    const kind = data.kinds[n.kind] || {colour: "#ccc", shape: "dot"};
    const side = data.sides[sideOf(n)];
    const border = SIDED.has(n.kind) ? side : data.sides[""];
    const v = {
      id: n.id, label: n.text || n.label, title: n.tip, shape: kind.shape, size: n.size,
      borderWidth: border.width, borderWidthSelected: border.width + 2,
      color: {background: kind.colour, border: border.colour,
              highlight: {background: kind.colour, border: "#111"}, hover: {background: kind.colour, border: "#111"}},
      font: {size: n.font}, hidden: !passes(n), mass: 1 + n.degree / 6,  // hubs push harder, leaving room for labels
    };
    if (pos) { v.x = pos.x; v.y = pos.y; } else if (n.x !== undefined) { v.x = n.x; v.y = n.y; }
    return v;
  }
  function visEdge(e) {
    return {id: e.id, from: e.from, to: e.to, label: e.label, title: edgeTip(e), dashes: e.former,
            width: Math.min(1 + (e.weight - 1) * 1.5, 8), hidden: !edgePasses(e)};
  }

  /* ---- bringing nodes in ---- */
  function outerRing() {
    // where nodes with no neighbour on the map go: a ring around everything drawn so far
    const all = Object.values(network.getPositions());
    if (!all.length) return {x: 0, y: 0, r: 200};
    const xs = all.map((p) => p.x), ys = all.map((p) => p.y);
    const x = (Math.min(...xs) + Math.max(...xs)) / 2, y = (Math.min(...ys) + Math.max(...ys)) / 2;
    return {x, y, r: Math.max(Math.max(...xs) - x, Math.max(...ys) - y) + 120};
  }
  function addNodes(ids, anchorFor) {
    const fresh = [...new Set(ids)].filter((id) => byId.has(id) && !present.has(id));
    if (!fresh.length) return [];
    const placed = new Map();
    const ring = outerRing();
    const loose = fresh.filter((id) => !(anchorFor && anchorFor(id)));
    const items = fresh.map((id) => {
      const anchor = anchorFor ? anchorFor(id) : null;
      if (!anchor || !present.has(anchor)) {
        const angle = 2 * Math.PI * loose.indexOf(id) / Math.max(loose.length, 1);
        return visNode(byId.get(id), {x: ring.x + ring.r * Math.cos(angle), y: ring.y + ring.r * Math.sin(angle)});
      }
      const k = placed.get(anchor) || 0;
      placed.set(anchor, k + 1);
      const p = network.getPosition(anchor);
      const angle = k * 2.39996;  // golden angle: new neighbours spiral out around their anchor
      const r = 90 + 16 * Math.sqrt(k);
      return visNode(byId.get(id), {x: p.x + r * Math.cos(angle), y: p.y + r * Math.sin(angle)});
    });
    fresh.forEach((id) => present.add(id));
    nodes.add(items);
    const newEdges = new Map();
    for (const id of fresh) {
      for (const e of edgesOf.get(id) || []) {
        if (present.has(e.from) && present.has(e.to) && !edges.get(e.id)) newEdges.set(e.id, visEdge(e));
      }
    }
    edges.add([...newEdges.values()]);
    updateCounts();
    return fresh;
  }
  function neighbours(id) {
    return [...new Set((edgesOf.get(id) || []).map((e) => (e.from === id ? e.to : e.from)))].filter((x) => x !== id);
  }
  function presentNeighbour(id) {
    let best = null;
    for (const other of neighbours(id)) {
      if (present.has(other) && (best === null || byId.get(other).rank < byId.get(best).rank)) best = other;
    }
    return best;
  }
  function showMore() {
    const next = data.nodes.filter((n) => !present.has(n.id)).slice(0, data.maxNodes).map((n) => n.id);
    addNodes(next, presentNeighbour);
  }
  function expand(id) {
    const added = addNodes(neighbours(id), () => id);
    applyFilters();
    return added.length;
  }

  /* ---- filters ---- */
  const filter = {kinds: new Set(Object.keys(data.kinds)), sides: new Set(Object.keys(data.sides)), topic: "", meeting: ""};
  let meetingCircle = new Set();
  /* the period: the rule of graph/network/period.py, on the spans ("seen") the page data gives each node and
     edge. A node is in it by its own dates (a meeting's, an actor's statements') or by a dated edge in it; an
     undated edge (hierarchy) when both its ends are. null: no period set, everything is in it. */
  let inPeriod = null;
  let edgesInPeriod = null;
  const overlaps = (days, lo, hi) => (!hi || days[0] <= hi) && (!lo || days[1] >= lo);
  function readPeriod() {
    const lo = $("period-from").value, hi = $("period-to").value;
    if (!lo && !hi) { inPeriod = edgesInPeriod = null; return; }
    const some = (spans) => spans.some((days) => overlaps(days, lo, hi));
    inPeriod = new Set(data.nodes.filter((n) => some(n.seen)).map((n) => n.id));
    edgesInPeriod = new Set();
    for (const e of data.edges) {
      if (e.seen !== null && some(e.seen)) { edgesInPeriod.add(e.id); inPeriod.add(e.from); inPeriod.add(e.to); }
    }
    for (const e of data.edges) {
      if (e.seen === null && inPeriod.has(e.from) && inPeriod.has(e.to)) edgesInPeriod.add(e.id);
    }
  }
  const edgePasses = (e) => edgesInPeriod === null || edgesInPeriod.has(e.id);
  function passes(n) {
    if (inPeriod !== null && !inPeriod.has(n.id)) return false;
    if (!filter.kinds.has(n.kind)) return false;
    if (SIDED.has(n.kind) && !filter.sides.has(sideOf(n))) return false;
    if (filter.topic !== "" && !n.topics.includes(Number(filter.topic))) return false;
    if (filter.meeting !== "" && !meetingCircle.has(n.id)) return false;
    return true;
  }
  function applyFilters() {
    const changes = [];
    nodes.forEach((v) => {
      const hidden = !passes(byId.get(v.id));
      if (hidden !== Boolean(v.hidden)) changes.push({id: v.id, hidden});
    });
    if (changes.length) nodes.update(changes);
    const edgeChanges = [];
    edges.forEach((v) => {
      const hidden = !edgePasses(v);
      if (hidden !== Boolean(v.hidden)) edgeChanges.push({id: v.id, hidden});
    });
    if (edgeChanges.length) edges.update(edgeChanges);
    updateCounts();
  }
  function readFilters() {
    filter.kinds = new Set([...document.querySelectorAll("input[name=kind]:checked")].map((i) => i.value));
    filter.sides = new Set([...document.querySelectorAll("input[name=side]:checked")].map((i) => i.value));
    filter.topic = $("topic-filter").value;
    filter.meeting = $("meeting-filter").value;
    meetingCircle = filter.meeting ? new Set([filter.meeting, ...neighbours(filter.meeting)]) : new Set();
    readPeriod();
    // a topic, meeting or period filter brings in what it matches, even if the view started smaller
    if (filter.topic !== "" || filter.meeting !== "" || inPeriod !== null) {
      const wanted = data.nodes.filter((n) => !present.has(n.id) && passes(n)).slice(0, data.maxNodes);
      addNodes(wanted.map((n) => n.id), presentNeighbour);
    }
    applyFilters();
  }
  function resetFilters() {
    document.querySelectorAll("#side input[type=checkbox]").forEach((i) => { i.checked = true; });
    $("topic-filter").value = "";
    $("meeting-filter").value = "";
    $("period-from").value = data.period ? data.period[0] : "";
    $("period-to").value = data.period ? data.period[1] : "";
    readFilters();
  }
  function visibleCount() { return nodes.get({filter: (v) => !v.hidden}).length; }
  function updateCounts() {
    const visible = visibleCount();
    let text = `Showing ${plural(visible, "node")} of ${total.toLocaleString("en-US")}`;
    if (present.size < total) text += " (most connected first)";
    $("showing").textContent = text;
    const more = $("more");
    const left = data.nodes.length - present.size;
    more.hidden = left === 0;
    more.textContent = `Show ${Math.min(left, data.maxNodes).toLocaleString("en-US")} more`;
  }

  /* ---- details panel ---- */
  const details = $("details");
  function refButton(id, text) {
    if (!byId.has(id)) return el("span", text);
    const b = el("button", text, "ref");
    b.type = "button";
    b.addEventListener("click", () => select(id));
    return b;
  }
  function evidenceBlock(indexes, more) {
    // more: the sentences the page left out (graph/network/carry.py), counted in the summary
    const box = el("details", null, "evidence");
    const shown = more ? `evidence (${indexes.length} of ${(indexes.length + more).toLocaleString("en-US")})`
      : indexes.length === 1 ? "evidence" : `evidence (${indexes.length})`;
    box.appendChild(el("summary", shown));
    for (const i of indexes) {
      const ev = data.evidence[i];
      if (ev.text) box.appendChild(el("blockquote", ev.text));
      const where = [ev.document, ev.title && ev.title !== ev.document ? `“${ev.title}”` : "",
                     ev.start >= 0 ? `characters ${ev.start}–${ev.end}` : ""].filter(Boolean).join(" · ");
      box.appendChild(el("cite", where));
    }
    return box;
  }
  function reveal() {
    // bring the details into the sidebar's view when they start below its middle
    const side = $("side");
    const top = details.getBoundingClientRect().top - side.getBoundingClientRect().top;
    if (top > side.clientHeight / 2) side.scrollTo({top: side.scrollTop + top - 8});
  }
  function wholeLists(n) {
    // where the items a capped list leaves out are: the query library and the SPARQL endpoint
    const query = n.kind === "person" ? `tradegraph query person_profile --param person="${n.label}"`
      : n.kind === "organization" ? `tradegraph query actor_mentions --param actor="${n.label}"` : "";
    return `This page lists the first items of a long section. All of them: ${query ? query + ", or " : ""}` +
      `the SPARQL endpoint (tradegraph serve) about <${n.id}>.`;
  }
  function showNode(id) {
    const n = byId.get(id);
    details.replaceChildren();
    details.appendChild(el("h2", n.label, "name"));
    const kind = (data.kinds[n.kind] || {label: n.kind}).label;
    const side = SIDED.has(n.kind) ? data.sides[sideOf(n)].label : "";
    details.appendChild(el("p", [kind, side === data.sides[""].label ? (n.countryName || "side unknown") : side,
                                 plural(n.degree, "connection")].filter(Boolean).join(" · "), "meta"));
    const actions = el("div", null, "actions");
    const centre = el("button", "Centre");
    centre.type = "button";
    centre.addEventListener("click", () => centreOn(id));
    actions.appendChild(centre);
    const hiddenNeighbours = neighbours(id).filter((x) => !present.has(x)).length;
    if (hiddenNeighbours) {
      const grow = el("button", `Show ${plural(hiddenNeighbours, "more neighbour")}`);
      grow.type = "button";
      grow.id = "expand";
      grow.addEventListener("click", () => { expand(id); showNode(id); });
      actions.appendChild(grow);
    }
    details.appendChild(actions);
    const unlisted = n.degree - neighbours(id).length;  // links beyond those the page carries (edgesLeft)
    if (unlisted > 0) {
      details.appendChild(el("p", `${plural(unlisted, "more neighbour")} not on this page: ` +
                                  `tradegraph render --focus "${n.label}" draws them all.`, "muted small more-links"));
    }
    let capped = false;
    for (const section of n.details) {
      details.appendChild(el("h3", section.title));
      const list = el("ul");
      for (const item of section.items) {
        const li = el("li");
        li.appendChild(item.ref !== undefined ? refButton(data.nodes[item.ref].id, item.text) : el("span", item.text));
        if (item.note) li.appendChild(el("span", item.note, "note"));
        if (item.ev) li.appendChild(evidenceBlock(item.ev, item.evMore));
        else if (item.evMore) li.appendChild(el("span", `${plural(item.evMore, "sentence")} not on this page`, "note"));
        list.appendChild(li);
      }
      if (section.more) {
        list.appendChild(el("li", `and ${section.more.toLocaleString("en-US")} more`, "more-items"));
        capped = true;
      }
      details.appendChild(list);
    }
    if (capped) details.appendChild(el("p", wholeLists(n), "muted small whole-lists"));
    reveal();
  }
  function showEdge(id) {
    const e = data.edges[id];
    details.replaceChildren();
    details.appendChild(el("h2", e.about, "name"));
    const line = el("p", null, "meta");
    line.append(refButton(e.from, byId.get(e.from).label), " → ", refButton(e.to, byId.get(e.to).label));
    details.appendChild(line);
    if (e.ev.length) {
      const box = evidenceBlock(e.ev, e.evMore);
      box.open = true;
      details.appendChild(box);
    }
    reveal();
  }
  function showOverview() {
    details.replaceChildren();
    details.appendChild(el("h2", "Most connected"));
    const list = el("ul", null, "top-list");
    for (const n of data.nodes.slice(0, 10)) {
      const li = el("li");
      li.append(refButton(n.id, n.label), el("span", String(n.degree), "count"));
      list.appendChild(li);
    }
    details.appendChild(list);
    if (data.group) {  // the actors no line links, gathered under the map; here too, to find them at once
      details.appendChild(el("h3", data.group.caption));
      const apart = el("ul", null, "apart-list");
      for (const id of data.group.ids) {
        const li = el("li");
        li.appendChild(refButton(id, byId.get(id).label));
        apart.appendChild(li);
      }
      details.appendChild(apart);
    }
    details.appendChild(el("p", "Click a node or a line for its details and evidence; double-click a node to bring in its neighbours.", "muted small"));
  }

  /* ---- selection and search ---- */
  function centreOn(id) {
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: {duration: 350, easingFunction: "easeInOutQuad"}});
  }
  function select(id) {
    // returns true when filters had to be cleared to show the actor
    if (!present.has(id)) addNodes([id], presentNeighbour);
    const cleared = Boolean(nodes.get(id).hidden);
    if (cleared) resetFilters();
    network.selectNodes([id]);
    centreOn(id);
    showNode(id);
    return cleared;
  }
  // the actors the page carries only by name (beyond its first ones), as {label, kind, names, indexed}
  const indexed = (data.index || []).map(([label, kind, names]) => ({label, kind, names, indexed: true}));
  const total = data.nodes.length + indexed.length;
  function find(query) {
    const q = fold(query);
    if (!q) return null;
    let best = null;
    let bestScore = 0;
    for (const list of [data.nodes, indexed]) {
      for (const n of list) {
        for (const name of [n.label, ...n.names]) {
          const f = fold(name);
          const score = f === q ? 3 : f.startsWith(q) ? 2 : f.includes(q) ? 1 : 0;
          if (score > bestScore) { best = n; bestScore = score; }
        }
        if (bestScore === 3) return best;
      }
    }
    return best;
  }
  function search(query) {
    const hit = find(query);
    const status = $("search-status");
    if (!hit) {
      status.textContent = !query.trim() ? "" : `No actor matches “${query.trim()}”` + (data.indexLeft
        ? ` among the ${total.toLocaleString("en-US")} this page names; tradegraph render --focus "${query.trim()}"` +
          ` looks in the whole graph (${plural(data.indexLeft, "more actor")}).` : ".");
      return null;
    }
    if (hit.indexed) {  // named in the graph, but its details and links are not in this page
      status.textContent = `${hit.label} is one of the ${indexed.length.toLocaleString("en-US")} less connected ` +
        `actors this page names without their links; tradegraph render --focus "${hit.label}" draws them.`;
      return null;
    }
    const cleared = select(hit.id);
    status.textContent = `Found: ${hit.label}${cleared ? " (filters cleared to show it)" : ""}`;
    return hit.id;
  }

  /* ---- the network ---- */
  let readyAt = null;
  window.tg = {data, nodes, edges, present, search, select, expand, showMore, readFilters, resetFilters,
               visibleCount, timings, get readyAt() { return readyAt; }};
  const initial = data.nodes.slice(0, data.maxNodes);
  const big = initial.length > 400;
  // graph/network/layout.py placed the first nodes, labels clear of each other: no physics then
  const laidOut = initial.length > 0 && initial.every((n) => n.x !== undefined);
  // fewer nodes get longer springs, so a small map spreads out instead of piling up at the maximum zoom
  const spring = Math.min(160, Math.max(60, 78 * Math.sqrt(140 / Math.max(initial.length, 1))));
  const options = {
    autoResize: true,
    layout: {randomSeed: 7, improvedLayout: !laidOut && initial.length <= 150},
    physics: {
      enabled: !laidOut, solver: "forceAtlas2Based", minVelocity: 1,
      forceAtlas2Based: {gravitationalConstant: -1.0 * spring, centralGravity: 0.025, springLength: spring, springConstant: 0.07,
                         damping: 0.5, avoidOverlap: 1},
      stabilization: {enabled: true, iterations: initial.length > 1000 ? 90 : big ? 150 : 400, updateInterval: 10, fit: true},
    },
    nodes: {font: {face: "system-ui, sans-serif", color: "#111111", strokeWidth: 4, strokeColor: "#ffffff"},
            scaling: {label: {drawThreshold: 7}}},
    edges: {smooth: false, width: 1, selectionWidth: 2, hoverWidth: 0.5,
            color: {color: "#b4b4b4", highlight: "#333333", hover: "#666666"},
            arrows: {to: {enabled: data.directed, scaleFactor: 0.45}},
            font: {size: EDGE_FONT, color: "#4a4a4a", strokeWidth: 3, strokeColor: "#ffffff", align: "middle"},
            scaling: {label: {drawThreshold: 8}}},
    interaction: {hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false,
                  keyboard: false},
  };
  for (const n of initial) present.add(n.id);
  nodes.add(initial.map((n) => visNode(n, null)));
  edges.add(data.edges.filter((e) => present.has(e.from) && present.has(e.to)).map(visEdge));
  timings.data = performance.now();
  const network = new vis.Network($("network"), {nodes, edges}, options);
  timings.network = performance.now();
  window.tg.network = network;

  function settled() {
    if (body.dataset.state === "ready") return;
    network.setOptions({physics: {enabled: false}});
    home();
    body.dataset.state = "ready";
    readyAt = performance.now();
    if (data.focus && byId.has(data.focus)) { network.selectNodes([data.focus]); showNode(data.focus); }
  }
  network.on("stabilizationProgress", (p) => {
    $("overlay").textContent = `Laying out ${plural(present.size, "node")}… ${Math.round(100 * p.iterations / p.total)}%`;
  });
  network.once("stabilizationIterationsDone", settled);
  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on("doubleClick", (p) => {
    if (p.nodes.length) { expand(p.nodes[0]); showNode(p.nodes[0]); }
  });

  /* ---- the default view ---- */
  function drawnFrame() {
    // the drawn nodes' boxes with their labels (vis-network's own bounding box stops short of the label)
    let frame = null;
    for (const id of nodes.getIds({filter: (v) => !v.hidden})) {
      const node = network.body.nodes[id];
      const size = node.labelModule.size, pos = network.getPosition(id), r = node.options.size;
      const box = [Math.min(pos.x - r, size.left), pos.y - r, Math.max(pos.x + r, size.left + size.width),
                   Math.max(pos.y + r, size.top + size.height)];
      frame = frame ? [Math.min(frame[0], box[0]), Math.min(frame[1], box[1]), Math.max(frame[2], box[2]),
                       Math.max(frame[3], box[3])] : box;
    }
    if (frame && data.group) frame = [Math.min(frame[0], data.group.frame[0]), Math.min(frame[1], data.group.frame[1]),
                                      Math.max(frame[2], data.group.frame[2]), Math.max(frame[3], data.group.frame[3])];
    return frame;
  }
  function home(animate, whole) {
    /* the whole map at the largest zoom that shows it (up to 1.5), but never so small that the smallest label is
       under READABLE screen pixels: a map too large for that opens on its centre (Fit, "whole", shows it all) */
    network.redraw();  // label sizes are measured when drawn
    const frame = drawnFrame();
    if (!frame) return;
    const el = $("network");
    const smallest = Math.min(...nodes.get({filter: (v) => !v.hidden}).map((v) => v.font.size));
    const fits = Math.min(el.clientWidth / (frame[2] - frame[0] + 16), el.clientHeight / (frame[3] - frame[1] + 16));
    const scale = Math.min(1.5, whole ? fits : Math.max(fits, READABLE / smallest));
    network.moveTo({position: {x: (frame[0] + frame[2]) / 2, y: (frame[1] + frame[3]) / 2}, scale,
                    animation: animate ? {duration: 300} : false});
    // line labels only when zoomed in past the default view, where they would cover the nodes' labels
    network.setOptions({edges: {scaling: {label: {drawThreshold: EDGE_FONT * scale * 1.4 + 1}}}});
  }
  function labelBoxes() {
    // what the page draws, in page pixels: each visible node's label box, its shape's box and its font size
    const canvas = $("network").getBoundingClientRect();
    const scale = network.getScale();
    const dom = (x, y) => { const p = network.canvasToDOM({x, y}); return [p.x + canvas.left, p.y + canvas.top]; };
    return nodes.getIds({filter: (v) => !v.hidden}).map((id) => {
      const node = network.body.nodes[id];
      const size = node.labelModule.size, pos = network.getPosition(id), r = node.options.size;
      return {id, font: node.options.font.size * scale,
              label: [...dom(size.left, size.top), ...dom(size.left + size.width, size.top + size.height)],
              shape: [...dom(pos.x - r, pos.y - r), ...dom(pos.x + r, pos.y + r)]};
    });
  }
  window.tg.labelBoxes = labelBoxes;
  window.tg.home = home;
  network.on("afterDrawing", (ctx) => {
    // the caption and frame of the nodes with no link, drawn in the map's coordinates
    const group = data.group;
    if (!group || !group.ids.some((id) => present.has(id) && !nodes.get(id).hidden)) return;
    const [left, top, right, bottom] = group.frame;
    ctx.save();
    ctx.strokeStyle = "#c8c8c8";
    ctx.setLineDash([4, 4]);
    ctx.strokeRect(left - 4, top - 2, right - left + 8, bottom - top + 6);
    ctx.fillStyle = "#555555";
    ctx.font = "bold 13px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillText(group.caption, left + 4, group.y);
    ctx.restore();
  });

  /* ---- controls ---- */
  const datalist = $("names");
  for (const n of [...data.nodes.slice(0, 5000), ...indexed.slice(0, Math.max(0, 5000 - data.nodes.length))]) {
    const option = document.createElement("option");
    option.value = n.label;
    datalist.appendChild(option);
  }
  for (const t of data.topics.map((t, i) => ({...t, i})).sort((a, b) => a.label.localeCompare(b.label))) {
    const option = el("option", t.label);
    option.value = String(t.i);
    $("topic-filter").appendChild(option);
  }
  for (const m of data.meetings) {
    const option = el("option", m.date ? `${m.label} (${m.date})` : m.label);
    option.value = m.id;
    $("meeting-filter").appendChild(option);
  }
  $("meeting-field").hidden = data.meetings.length === 0;
  for (const [kind] of Object.entries(data.kinds)) {
    const span = document.querySelector(`.count[data-kind="${kind}"]`);
    if (!span) continue;
    span.textContent = String(data.kinds[kind].nodes);  // carried, named or neither: every node of the map
    const unlinked = data.kinds[kind].unlinked || 0;  // nodes nothing links: counted, not drawn
    if (unlinked) {
      span.textContent += ` (+${unlinked} unlinked, not drawn)`;
      span.title = `${plural(unlinked, data.kinds[kind].label.toLowerCase())} that no meeting or statement links ` +
        "(only documents are about them) are counted in the build summary but not drawn";
    }
  }
  $("find").addEventListener("submit", (ev) => { ev.preventDefault(); search($("search").value); });
  $("search").addEventListener("input", (ev) => {  // a name picked from the suggestions: go there at once
    if (ev.inputType === "insertReplacementText" || ev.inputType === undefined) search($("search").value);
  });
  document.querySelectorAll("#side input[type=checkbox]").forEach((i) => i.addEventListener("change", readFilters));
  $("topic-filter").addEventListener("change", readFilters);
  $("meeting-filter").addEventListener("change", readFilters);
  for (const [i, id] of ["period-from", "period-to"].entries()) {
    if (data.covers) { $(id).min = data.covers[0]; $(id).max = data.covers[1]; }
    if (data.period && data.period[i]) $(id).value = data.period[i];  // the page of one period says which
    $(id).addEventListener("change", readFilters);
  }
  $("period-field").hidden = !data.covers;
  if (data.covers) $("period-covers").textContent = `· the graph covers ${data.covers[0]} – ${data.covers[1]}`;
  $("reset").addEventListener("click", resetFilters);
  $("more").addEventListener("click", () => { showMore(); applyFilters(); });
  $("fit").addEventListener("click", () => home(true, true));
  $("summary").textContent = [plural(total + (data.indexLeft || 0), "node"),
                              plural(data.edges.length + (data.edgesLeft || 0), "link"),
                              data.documents ? plural(data.documents, "document") : ""].filter(Boolean).join(" · ");
  showOverview();
  updateCounts();
  if (!initial.length) {
    $("overlay").textContent = "Nothing to show: the graph has no actors.";
    $("overlay").classList.add("empty");
    settled();
  }
  if (laidOut) settled();  // placed before the page opened: nothing to wait for
  setTimeout(settled, 20000);  // never leave the page moving if stabilization does not report
})();
