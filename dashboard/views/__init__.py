"""The provider area's pages, by area: the overview, offers, organisations and contacts."""
