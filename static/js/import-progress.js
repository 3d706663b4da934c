// Progressive enhancement for the import progress page (exchange app): asks the job's small
// JSON status once a second, moves the <progress> bar and the status line (role="status", so
// screen readers hear it), and opens the preview or result page when the work is done.
// Without JavaScript the page shows the same and has an "Aktualisieren" link.
(function () {
  "use strict";
  var box = document.querySelector(".import-progress[data-status-url]");
  if (!box || !window.fetch) { return; }
  var bar = document.getElementById("import-bar");
  var message = document.getElementById("import-message");
  var url = box.getAttribute("data-status-url");
  var failures = 0;

  function show(status) {
    if (bar && status.rows_total) {
      bar.max = status.rows_total;
      bar.value = status.rows_done;
      bar.textContent = status.percent + " %";
    }
    if (message && message.textContent !== status.message) {
      message.textContent = status.message;
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (status) {
        failures = 0;
        show(status);
        if (status.finished || status.stale) {
          window.location.assign(status.url);
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        // A lost connection or a restart: keep trying, less often; the link still works.
        failures += 1;
        if (failures < 30) { window.setTimeout(poll, 1000 * Math.min(failures + 1, 10)); }
      });
  }

  window.setTimeout(poll, 1000);
})();
