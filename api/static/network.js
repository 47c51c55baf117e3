// The agency network page: fetch /network/agencies (Cytoscape.js JSON) for the chosen filters and draw it.
(function () {
  "use strict";
  const container = document.getElementById("network");
  const status = document.getElementById("network-status");
  const styles = JSON.parse(container.dataset.colours || "{}");  // sector id -> {colour, shape}
  const order = JSON.parse(container.dataset.sectorOrder || "[]");  // sector ids in the order of sectors.ttl
  const BASE = "https://w3id.org/ftzgraph/";
  const FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

  function style(sector) {
    return styles[sector] || styles.other || { colour: "#b0b0b0", shape: "ellipse" };
  }

  const cy = cytoscape({
    container: container,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
          "background-color": "data(colour)", "shape": "data(shape)", "label": "data(label)", "font-family": FONT,
          "font-size": 17, "width": "data(size)", "height": "data(size)", "text-valign": "bottom", "text-margin-y": 3,
          "text-wrap": "wrap", "text-max-width": 120, "border-width": 1, "border-color": "#fff",
          "text-outline-color": "#fff", "text-outline-width": 2, "color": "#222" } },
      // a label that would overlap a more important one yields: hidden until its node is hovered or selected
      { selector: "node.quiet", style: { "text-opacity": 0 } },
      { selector: "node.quiet.hover, node.quiet:selected", style: { "text-opacity": 1, "z-index": 10 } },
      { selector: "edge", style: {
          "width": "data(width)", "line-color": "#9aa", "opacity": 0.7, "curve-style": "haystack" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#333" } },
    ],
  });
  window.cy = cy;  // for tests and for the curious

  function legend(nodes) {
    const seen = new Map();
    nodes.forEach(n => seen.set(n.data.sector, [n.data.sector_label, n.data.sector_label_en].filter(Boolean)
      .filter((v, i, all) => all.indexOf(v) === i).join(" ") || n.data.sector));
    const list = document.getElementById("legend");
    list.innerHTML = "";
    // in the order of the sectors, as in the PNG/SVG pictures' legend
    const rank = sector => { const i = order.indexOf(sector); return i < 0 ? 1e6 : i; };
    [...seen.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1)).forEach(([sector, label]) => {
      const item = document.createElement("li");
      const dot = document.createElement("span");
      dot.className = "dot " + style(sector).shape;
      dot.style.background = style(sector).colour;
      item.append(dot, " " + label);
      list.append(item);
    });
  }

  async function load() {
    const form = new FormData(document.getElementById("network-filters"));
    const params = new URLSearchParams();
    for (const [key, value] of form.entries()) if (value) params.set(key, value);
    status.textContent = "loading…";
    const response = await fetch("network/agencies?" + params.toString(), { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) { status.textContent = body.error || response.statusText; return; }
    const nodes = body.elements.nodes, edges = body.elements.edges;
    const maxCases = Math.max(1, ...nodes.map(n => n.data.cases || 0));
    const maxWeight = Math.max(1, ...edges.map(e => e.data.weight || 0));
    nodes.forEach(n => {
      n.data.colour = style(n.data.sector).colour;
      n.data.shape = style(n.data.sector).shape;
      n.data.size = 16 + 44 * Math.sqrt((n.data.cases || 0) / maxCases);
      n.data.href = n.data.id.startsWith(BASE) ? n.data.id.slice(BASE.length) : n.data.id;
    });
    edges.forEach(e => { e.data.width = 1 + 7 * (e.data.weight || 1) / maxWeight; });
    // Canvas text uses a web font only once it is loaded: fetch the Noto Sans SC pieces the labels need first.
    await document.fonts.load('12px "Noto Sans SC"', nodes.map(n => n.data.label || "").join("")).catch(() => []);
    cy.elements().remove();
    cy.add(nodes.concat(edges));
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 40000, idealEdgeLength: () => 60,
      nodeOverlap: 20, componentSpacing: 40, gravity: 1.2, numIter: 2500, nodeDimensionsIncludeLabels: true }).run();
    cy.fit(undefined, 30);
    yieldLabels();
    legend(nodes);
    const message = (body.data || {}).message;
    status.textContent = message || (nodes.length + " agencies, " + edges.length + " links");
    status.dataset.nodes = String(nodes.length);
  }

  // Labels that would overlap yield to those of agencies in more cases (greedy, in model coordinates, so the
  // result holds at every zoom); a yielded label shows while its node is hovered or selected.
  function yieldLabels() {
    cy.nodes().removeClass("quiet");
    const kept = [];
    const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    cy.nodes().sort((a, b) => (b.data("cases") || 0) - (a.data("cases") || 0)).forEach(node => {
      const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      if (kept.some(other => overlaps(box, other))) node.addClass("quiet");
      else kept.push(box);
    });
    status.dataset.quiet = String(cy.nodes(".quiet").length);
  }

  // A web font arriving reflows the text above the drawing; cytoscape keeps the container's position cached
  // for mapping clicks, so it is told to measure again.
  if (document.fonts) document.fonts.addEventListener("loadingdone", () => cy.resize());

  cy.on("mouseover", "node", event => event.target.addClass("hover"));
  cy.on("mouseout", "node", event => event.target.removeClass("hover"));
  cy.on("tap", "node", event => { window.location.href = event.target.data("href"); });
  cy.on("mouseover", "node", () => { container.style.cursor = "pointer"; });
  cy.on("mouseout", "node", () => { container.style.cursor = ""; });
  document.querySelectorAll("#network-filters select").forEach(s => s.addEventListener("change", load));
  load();
})();
