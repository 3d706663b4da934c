// Progressive enhancement for the results page; everything works without it.
// On wide screens the filter panel is open and a change applies at once;
// on phones the visitor ticks several boxes and presses "Filter anwenden".
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var panel = document.getElementById("filter-panel");
  if (!form || !panel) { return; }
  var wide = window.matchMedia("(min-width: 48em)");
  if (wide.matches) { panel.open = true; }
  form.addEventListener("change", function (event) {
    // the postcode field applies with Enter or the button, not on leaving it half-typed
    if (event.target.name === "near") { return; }
    if (event.target.name === "sort" || wide.matches) {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });
})();
