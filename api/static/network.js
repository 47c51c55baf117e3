// The agency network page: fetch /network/agencies (Cytoscape.js JSON) for the chosen filters and draw it.
(function () {
  "use strict";
  const container = document.getElementById("network");
  const status = document.getElementById("network-status");
  const colours = JSON.parse(container.dataset.colours || "{}");
  const BASE = "https://w3id.org/ftzgraph/";
  const FONT = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

  function colour(sector) {
    if (colours[sector]) return colours[sector];
    let hash = 0;
    for (const ch of String(sector)) hash = (hash * 31 + ch.charCodeAt(0)) % 360;
    return "hsl(" + hash + ", 55%, 60%)";
  }

  const cy = cytoscape({
    container: container,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
          "background-color": "data(colour)", "label": "data(label)", "font-family": FONT, "font-size": 12,
          "width": "data(size)", "height": "data(size)", "text-valign": "bottom", "text-margin-y": 3,
          "text-outline-color": "#fff", "text-outline-width": 2, "color": "#222" } },
      { selector: "edge", style: {
          "width": "data(width)", "line-color": "#9aa", "opacity": 0.7, "curve-style": "haystack" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#333" } },
    ],
  });
  window.cy = cy;  // for tests and for the curious

  function legend(nodes) {
    const seen = new Map();
    nodes.forEach(n => seen.set(n.data.sector, n.data.sector_label_en || n.data.sector_label || n.data.sector));
    const list = document.getElementById("legend");
    list.innerHTML = "";
    [...seen.entries()].sort().forEach(([sector, label]) => {
      const item = document.createElement("li");
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.style.background = colour(sector);
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
      n.data.colour = colour(n.data.sector);
      n.data.size = 16 + 44 * Math.sqrt((n.data.cases || 0) / maxCases);
      n.data.href = n.data.id.startsWith(BASE) ? n.data.id.slice(BASE.length) : n.data.id;
    });
    edges.forEach(e => { e.data.width = 1 + 7 * (e.data.weight || 1) / maxWeight; });
    // Canvas text uses a web font only once it is loaded: fetch the Noto Sans SC pieces the labels need first.
    await document.fonts.load('12px "Noto Sans SC"', nodes.map(n => n.data.label || "").join("")).catch(() => []);
    cy.elements().remove();
    cy.add(nodes.concat(edges));
    cy.layout({ name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90, randomize: false }).run();
    cy.fit(undefined, 30);
    legend(nodes);
    const message = (body.data || {}).message;
    status.textContent = message || (nodes.length + " agencies, " + edges.length + " links");
    status.dataset.nodes = String(nodes.length);
  }

  cy.on("tap", "node", event => { window.location.href = event.target.data("href"); });
  cy.on("mouseover", "node", () => { container.style.cursor = "pointer"; });
  cy.on("mouseout", "node", () => { container.style.cursor = ""; });
  document.querySelectorAll("#network-filters select").forEach(s => s.addEventListener("change", load));
  load();
})();
