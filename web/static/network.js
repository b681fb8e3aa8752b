/* Nexus Explorer network view: reads the view data from <script type="application/json" id="graph-data">
   (escaped by the server) and draws it with vis-network. Tooltips are plain text: each title string is
   put into an element with textContent, so no text from the data is ever parsed as HTML. */
(function () {
  "use strict";
  var source = document.getElementById("graph-data");
  var container = document.getElementById("network");
  if (!source || !container || typeof vis === "undefined") { return; }
  var data = JSON.parse(source.textContent);

  function plainTitle(item) {
    if (typeof item.title === "string") {
      var tip = document.createElement("div");
      tip.className = "tip";
      tip.textContent = item.title;
      item.title = tip;
    }
    return item;
  }

  var nodes = new vis.DataSet(data.nodes.map(plainTitle));
  var edges = new vis.DataSet(data.edges.map(plainTitle));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.nexusNetwork = { network: network, nodes: nodes, edges: edges };

  function done(state) { container.setAttribute("data-state", state); }
  if (data.physics) {
    network.once("stabilized", function () { done("stabilized"); });
  }
  network.once("afterDrawing", function () {
    if (!data.physics) { done("drawn"); }
    else if (container.getAttribute("data-state") === "loading") { done("drawn"); }
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
