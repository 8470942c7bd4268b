// Keeps the signature count of a petition page up to date without reloading.
// Enhancement only: without JavaScript the count rendered by the server stays.
(function () {
  "use strict";
  var REFRESH_MS = 10000;
  var blocks = document.querySelectorAll("[data-live-count-url]");
  if (!blocks.length || !window.fetch) return;
  var language = document.documentElement.lang || "fr";
  var format = new Intl.NumberFormat(language);

  function refresh(block) {
    fetch(block.getAttribute("data-live-count-url"), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (petition) {
        if (!petition) return;
        var count = block.querySelector("[data-count]");
        var bar = block.querySelector("progress");
        // The API may be a few seconds behind the page the server just rendered:
        // never show a count lower than the one already on screen.
        var shown = bar ? Number(bar.value) : 0;
        if (petition.signature_count <= shown) return;
        if (count) count.textContent = format.format(petition.signature_count);
        if (bar) bar.value = petition.signature_count;
      })
      .catch(function () { /* Keep the last known count; try again later. */ });
  }

  blocks.forEach(function (block) {
    refresh(block);
    window.setInterval(function () {
      if (!document.hidden) refresh(block);
    }, REFRESH_MS);
  });
})();
