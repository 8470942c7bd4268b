// Shows a "Copy link" button next to the read-only link field and copies on press.
// Without JavaScript the field stays, selectable by hand.
(function () {
  "use strict";
  var script = document.currentScript;
  var copiedText = script ? script.getAttribute("data-copied-text") : "";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    var status = button.parentNode.querySelector("[data-copied-message]");
    if (!field || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) status.textContent = copiedText;
      });
    });
  });
})();
