"""The KI editors' pages: review queue and decision, history and restore, organisations."""
