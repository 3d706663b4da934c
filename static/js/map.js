// The interactive map of a search, only when the operator has configured a tile server of
// their own (settings.MAP_TILE_URL): markers for the places of the matching offers, read
// from orte.json on our own origin. Without JavaScript the SVG map above shows the same
// search; this only adds to it.
(function () {
  "use strict";
  var box = document.getElementById("live-map");
  var status = document.getElementById("live-map-status");
  if (!box || !window.L || !window.fetch) { return; }

  function text(value) {  // the operator's attribution is shown as text, never as markup
    var element = document.createElement("div");
    element.textContent = value;
    return element.innerHTML;
  }

  // The marker images by their exact static URLs: Leaflet's own guess from its CSS fails
  // once the file names carry a content hash (production's manifest storage).
  L.Icon.Default.imagePath = "";
  L.Icon.Default.mergeOptions({
    iconUrl: box.dataset.icon, iconRetinaUrl: box.dataset.icon2x, shadowUrl: box.dataset.shadow
  });

  box.hidden = false;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", box.dataset.label);
  // no scroll-wheel zoom: scrolling the page must not get stuck in the map
  var map = L.map(box, { attributionControl: false, scrollWheelZoom: false });
  var attribution = L.control.attribution({ prefix: false }).addTo(map);
  if (box.dataset.attribution) { attribution.addAttribution(text(box.dataset.attribution)); }
  L.tileLayer(box.dataset.tiles, { maxZoom: 18 }).addTo(map);
  // the view (and so the first tiles) only once the places are known: [[south, west], [north, east]]
  var district = JSON.parse(box.dataset.bounds);

  function popup(place) {
    var content = document.createElement("div");
    var link = document.createElement("a");
    link.href = place.url;
    link.textContent = place.title;
    content.appendChild(link);
    var where = document.createElement("div");
    where.textContent = [place.place, place.city].filter(Boolean).join(", ");
    content.appendChild(where);
    return content;
  }

  fetch(box.dataset.places, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (data) {
      var points = [], markers = L.layerGroup();
      data.places.forEach(function (place) {
        L.marker([place.lat, place.lon], { title: place.title, alt: place.title, keyboard: true })
          .bindPopup(popup(place)).addTo(markers);
        points.push([place.lat, place.lon]);
      });
      if (points.length) {
        map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
      } else {
        map.fitBounds(district);
      }
      markers.addTo(map);  // markers need the view set first
      status.textContent = box.dataset.shown.replace("%s", String(points.length)) +
        (data.truncated ? " " + box.dataset.truncated : "");
    })
    .catch(function () {
      map.fitBounds(district);
      status.textContent = box.dataset.failed;
    });
})();
