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
    if (event.target.name === "sort" || wide.matches) {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });
})();
