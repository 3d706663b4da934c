// Progressive enhancement for the Merkliste and the /einbinden/ page; both work without it.
// - [data-merk-print]: a "Drucken" button (hidden without JavaScript) that opens the print dialog.
// - [data-merk-copy="<id>"]: copies the value of the field with that id (the share link, the
//   iframe snippet) and says so in the nearby [data-merk-status] live region.
(function () {
  "use strict";

  function announce(button, text) {
    var section = button.closest("section") || document;
    var status = section.querySelector("[data-merk-status]");
    if (status) { status.textContent = text; }
  }

  function copyFrom(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    // Older browsers and plain-http pages: select the text and use the copy command.
    field.select();
    var ok = document.execCommand && document.execCommand("copy");
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  document.querySelectorAll("[data-merk-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("[data-merk-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-merk-copy"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      copyFrom(field).then(function () {
        announce(button, button.getAttribute("data-merk-copied"));
      }, function () {
        // Could not copy: leave the text selected so the visitor can copy it themselves.
        field.focus();
        field.select();
      });
    });
  });

  // Clicking into a read-only field selects all of it, ready to copy by hand.
  document.querySelectorAll("#share-url, #embed-snippet").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
})();
