// The report's "Drucken / als PDF speichern" button: added only when JavaScript runs, the
// page's text already tells how to print without it.
(function () {
  "use strict";
  var hint = document.querySelector("[data-print-hint]");
  if (!hint || typeof window.print !== "function") { return; }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button landscape-report__print";
  button.textContent = hint.getAttribute("data-print-label") || "Drucken / als PDF speichern";
  button.addEventListener("click", function () { window.print(); });
  hint.parentNode.insertBefore(button, hint.nextSibling);
}());
