/* Nexus Explorer network view. Reads the view from <script type="application/json" id="graph-data">
   (escaped by the server), unpacks the compact rows into vis-network items and draws them. Every text
   from the data reaches the page through textContent only: tooltips are elements built here, and the
   table of nodes and links is built with DOM calls, so no data is ever parsed as HTML. */
(function () {
  "use strict";
  var source = document.getElementById("graph-data");
  var container = document.getElementById("network");
  if (!source || !container || typeof vis === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var words = data.words;

  function unpack(row, fields) {
    var item = {};
    for (var i = 0; i < fields.length; i++) {
      item[fields[i]] = i < row.length ? row[i] : "";
    }
    return item;
  }
  function textElement(text) {
    var tip = document.createElement("div");
    tip.className = "tip";
    tip.textContent = text;
    return tip;
  }

  var labels = {};
  var nodeItems = data.nodes.map(function (row) {
    var n = unpack(row, data.nodeFields);
    var node = { id: n.id, label: (n.flags & 2) ? n.label + " [EN]" : n.label, group: n.group };
    labels[n.id] = n.label;
    if (n.x !== "" && n.y !== "") { node.x = n.x; node.y = n.y; }
    if (n.flags & 1) { node.borderWidth = 4; node.size = 30; }
    if (n.value !== "" && n.value !== undefined) { node.value = n.value; }
    var typeLabel = data.typeLabels[n.group];
    var text = typeLabel ? typeLabel + ": " + n.label : n.label;
    if (n.excerpt) { text += "\n" + n.excerpt; }
    node.title = textElement(text);
    node.typeLabel = typeLabel || "";
    return node;
  });
  var edgeItems = data.edges.map(function (row) {
    var e = unpack(row, data.edgeFields);
    var edge = { from: e.from, to: e.to, type: e.type, confidence: e.confidence };
    if (e.type === "more") { edge.dashes = [4, 3]; return edge; }
    var label = data.edgeLabels[e.type] || e.type;
    edge.relation = label;
    if (data.edgeLabelsShown) { edge.label = label; }
    if (data.directed.indexOf(e.type) >= 0) { edge.arrows = "to"; }
    var dashes = data.dashes[e.confidence || "confirmed"];
    if (dashes) { edge.dashes = dashes; }
    if (e.highlight === 1) { edge.width = 5; edge.color = { color: "#000000" }; }
    var parts = [label, e.confidence ? data.confidence[e.confidence] : words.design];
    if (e.period) { parts.push(e.period); }
    if (e.sources) { parts.push(e.sources + " " + (e.sources > 1 ? words.sources : words.source)); }
    edge.title = textElement(parts.join(" · "));
    return edge;
  });

  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.nexusNetwork = { network: network, nodes: nodes, edges: edges };

  function done(state) {
    if (window.nexusDrawnAt === undefined) { window.nexusDrawnAt = performance.now(); }  /* ms since navigation */
    if (!data.physics) { window.nexusStableAt = window.nexusDrawnAt; }
    container.setAttribute("data-state", state);
  }
  if (data.physics) {
    network.once("stabilized", function () {
      window.nexusStableAt = performance.now();   /* physics settled: the picture stops moving */
      done("stabilized");
    });
  }
  network.once("afterDrawing", function () {
    if (!data.physics || container.getAttribute("data-state") === "loading") { done("drawn"); }
  });

  function open(nodeId) {
    if (nodeId.indexOf("more:") === 0) {
      var url = data.expandUrls[nodeId.slice(5)];
      if (url) { window.location.assign(url); }
      return;
    }
    window.location.assign(data.entityUrl.replace("__ID__", encodeURIComponent(nodeId)));
  }
  network.on("click", function (params) {
    if (params.nodes.length === 1 && String(params.nodes[0]).indexOf("more:") === 0) {
      open(String(params.nodes[0]));
    }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length === 1) { open(String(params.nodes[0])); }
  });

  /* Text alternative: the same nodes and links as tables. */
  function row(table, cells, header) {
    var tr = document.createElement("tr");
    cells.forEach(function (cell) {
      var td = document.createElement(header ? "th" : "td");
      if (header) { td.setAttribute("scope", "col"); }
      if (cell && cell.href) {
        var a = document.createElement("a");
        a.href = cell.href;
        a.textContent = cell.text;
        td.appendChild(a);
      } else {
        td.textContent = cell;
      }
      tr.appendChild(td);
    });
    table.appendChild(tr);
  }
  var nodeTable = document.getElementById("network-nodes");
  var edgeTable = document.getElementById("network-edges");
  if (nodeTable && edgeTable) {
    row(nodeTable, [words.name, words.type], true);
    nodeItems.forEach(function (n) {
      var href = n.group === "more" ? data.expandUrls[n.id.slice(5)]
        : data.entityUrl.replace("__ID__", encodeURIComponent(n.id));
      row(nodeTable, [{ href: href, text: n.label }, n.typeLabel]);
    });
    row(edgeTable, [words.from, words.link, words.to, words.confidence], true);
    edgeItems.forEach(function (e) {
      if (e.type === "more") { return; }
      row(edgeTable, [labels[e.from], e.relation, labels[e.to],
        e.confidence ? data.confidence[e.confidence] : words.design]);
    });
  }

  var physics = document.getElementById("physics");
  if (physics) {
    physics.addEventListener("change", function () {
      network.setOptions({ physics: { enabled: physics.checked } });
    });
  }
  var year = document.getElementById("year");
  var yearValue = document.getElementById("year-value");
  var allYears = document.getElementById("all-years");
  if (year && yearValue) {
    year.addEventListener("input", function () {
      yearValue.textContent = year.value;
      if (allYears) { allYears.checked = false; }
    });
  }
})();
