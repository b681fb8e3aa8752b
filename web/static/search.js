/* Search-as-you-type for entity inputs: fills the shared <datalist> from /api/v1/search (same server).
   Option values are set with .value/.textContent, never as HTML. Works without it: the server also
   accepts names typed in full. */
(function () {
  "use strict";
  var list = document.getElementById("entity-names");
  if (!list || !window.fetch) { return; }
  var timer = null;
  var lang = document.documentElement.lang || "en";
  function suggest(text) {
    if (text.length < 2) { return; }
    fetch("/api/v1/search?limit=12&lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(text),
          { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { results: [] }; })
      .then(function (data) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        data.results.forEach(function (hit) {
          var option = document.createElement("option");
          option.value = hit.id;
          option.textContent = hit.name;
          list.appendChild(option);
        });
      })
      .catch(function () { /* offline or server busy: typing a full name still works */ });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".entity-input"), function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { suggest(input.value); }, 150);
    });
  });
})();
