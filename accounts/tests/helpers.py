"""Small helpers shared by the accounts tests."""

import re

from django.conf import settings

from config.formguard import issue_token

LINK = re.compile(r"https?://[^\s<>\"]+")


def form_data(**fields):
    """POST data of a guarded form, with a fresh token as the page would have issued."""
    return {"form_token": issue_token(), **fields}


def link_paths(message):
    """The paths of the links to this site (absolute, from SITE_URL) in an e-mail's
    plain-text body."""
    paths = [link[len(settings.SITE_URL):] for link in LINK.findall(message.body)
             if link.startswith(settings.SITE_URL + "/")]
    assert paths, message.body
    return paths
