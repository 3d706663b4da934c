"""Where a work-area form goes back to after it is sent."""

from django.utils.http import url_has_allowed_host_and_scheme


def back_to_list(request, list_url):
    """The list page (with its search, filter and page) the form was sent from — the form's
    `next` field, accepted only when it is that list on this site — else the list itself."""
    target = request.POST.get("next", "")
    if target.startswith(list_url) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return list_url
