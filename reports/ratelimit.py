"""How many reports one network address may send per hour, without storing the address."""

import datetime
import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac

from .models import Report

WINDOW = datetime.timedelta(hours=1)


def address_hash(request):
    """A keyed hash of the sender's address (HMAC with SECRET_KEY): equal addresses give equal
    hashes, but without the key the address cannot be recovered by trying all of them.

    An IPv6 connection usually owns a whole /64 and can pick any address in it, so the /64
    counts as one address.
    """
    address = request.META.get("REMOTE_ADDR", "")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        key = address
    else:
        key = str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
    return salted_hmac("reports.address", key, algorithm="sha256").hexdigest()


def retry_after(address_hash, now):
    """Seconds until this address may send again, or 0 when it is under the hourly limit."""
    limit = settings.REPORTS_PER_ADDRESS_PER_HOUR
    recent = Report.objects.filter(address_hash=address_hash, created_at__gt=now - WINDOW)
    recent = list(recent.order_by("-created_at").values_list("created_at", flat=True)[:limit])
    if len(recent) < limit:
        return 0
    # the oldest report that still counts leaves the window first (a limit of 0 blocks all)
    oldest = recent[-1] if recent else now
    return max(1, int((oldest + WINDOW - now).total_seconds()) + 1)
