// The query page: YASGUI on this server's /sparql, the example queries as tabs and a menu, and a "Graph"
// result view (cytoscape.js) for CONSTRUCT and DESCRIBE results. No online helpers: works offline.
(function () {
  "use strict";
  const Yasgui = window.Yasgui.default || window.Yasgui;
  const Yasr = Yasgui.Yasr;
  const examples = JSON.parse(document.getElementById("example-queries").textContent);
  const FONT = '"Noto Sans SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';

  function short(term) {
    const value = term.value;
    if (term.type !== "uri") return value.length > 30 ? value.slice(0, 29) + "…" : value;
    return value.replace(/^.*[\/#]/, "") || value;
  }

  // A Yasr plugin: subject-predicate-object results (what Yasr makes of a CONSTRUCT answer) as a graph.
  class GraphPlugin {
    constructor(yasr) { this.yasr = yasr; this.priority = 20; this.label = "Graph"; }
    canHandleResults() {
      const results = this.yasr.results;
      if (!results || !results.getVariables) return false;
      const vars = results.getVariables();
      return vars.length === 3 && vars.includes("subject") && vars.includes("predicate") && vars.includes("object");
    }
    getIcon() {
      const icon = document.createElement("span");
      icon.textContent = "◎";
      return icon;
    }
    draw() {
      const el = document.createElement("div");
      el.className = "construct-graph";
      this.yasr.resultsEl.appendChild(el);
      const labels = new Map(), nodes = new Map(), edges = [];
      const bindings = this.yasr.results.getBindings();
      bindings.forEach(b => {
        if (/label$/i.test(b.predicate.value) && b.object.type !== "uri") labels.set(b.subject.value, b.object.value);
      });
      const node = term => {
        if (!nodes.has(term.value)) nodes.set(term.value, { data: { id: term.value, kind: term.type, label: "" } });
        return term.value;
      };
      bindings.forEach((b, i) => {
        if (/label$/i.test(b.predicate.value) && b.object.type !== "uri") return;
        const objectId = b.object.type === "uri" || b.object.type === "bnode" ? node(b.object) : node({ type: "literal", value: b.object.value + "#" + i });
        if (b.object.type !== "uri" && b.object.type !== "bnode") nodes.get(objectId).data.label = short(b.object);
        edges.push({ data: { id: "e" + i, source: node(b.subject), target: objectId, label: short(b.predicate) } });
      });
      nodes.forEach((n, id) => { if (!n.data.label) n.data.label = labels.get(id) || short({ type: "uri", value: id }); });
      const cy = cytoscape({
        container: el,
        elements: [...nodes.values(), ...edges],
        style: [
          { selector: "node", style: { label: "data(label)", "font-family": FONT, "font-size": 10, "background-color": "#4a7fb0", width: 14, height: 14 } },
          { selector: "node[kind = 'literal']", style: { shape: "round-rectangle", "background-color": "#bbb" } },
          { selector: "edge", style: { label: "data(label)", "font-size": 8, width: 1, "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#aaa", "target-arrow-color": "#aaa" } },
        ],
        layout: { name: "cose", animate: false },
      });
      window.constructGraph = cy;
    }
  }
  Yasr.registerPlugin("Graph", GraphPlugin);

  // The results table starts in YASR's "Simple view": 上海自贸试验区 and 4, not "上海自贸试验区"@zh and
  // "4"^^xsd:integer. Unticking "Simple view" shows the raw RDF terms.
  const Table = Yasr.plugins && Yasr.plugins.table;
  if (Table) {
    const draw = Table.prototype.draw;
    Table.prototype.draw = function (config) {
      if (!this.simpleByDefault) {
        this.simpleByDefault = true;
        if (!config || config.compact === undefined) this.persistentConfig.compact = true;
      }
      return draw.call(this, config);
    };
  }

  const endpoint = new URL("sparql", document.baseURI).href;  // the app root (<base href>) + sparql
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    yasqe: { autocompleters: ["variables"], resizeable: true, editorHeight: "320px" },
    yasr: { pluginOrder: ["table", "Graph", "response"], prefixes: {} },
  });
  window.yasgui = yasgui;

  // The first example goes into the existing tab, each other example into a tab of its own.
  const first = yasgui.getTab();
  examples.forEach((example, index) => {
    if (index === 0 && first) {
      first.setQuery(example.query);
      first.setName(example.name);
    } else {
      yasgui.addTab(false, { name: example.name, yasqe: { value: example.query } });
    }
  });
  if (first) yasgui.selectTabId(first.getId());

  // Triples (CONSTRUCT, DESCRIBE) open in the Graph view; other results fall back to the table.
  yasgui.on("queryResponse", (_yasgui, tab) => {
    window.setTimeout(() => {
      const yasr = tab.getYasr();
      if (yasr.plugins.Graph && yasr.plugins.Graph.canHandleResults()) yasr.selectPlugin("Graph");
    }, 0);
  });

  document.getElementById("examples").addEventListener("change", event => {
    const example = examples.find(e => e.name === event.target.value);
    if (example) yasgui.getTab().setQuery(example.query);
  });
})();
