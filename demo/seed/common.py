"""Shared shapes for the demo data: the kind of offer a provider runs and its text pools."""

from dataclasses import dataclass

WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
WEEKDAY_ADVERBS = ["montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags",
                   "sonntags"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]

FREE = "free"
# Venue names for offers held in the provider's own premises ({org}) or branch offices.
INSTITUTION = ("{org}", "{org}, Kursort {district}", "{org}")
OFFICE = ("Beratungsstelle {district}", "{org}", "Stadtteilbüro {district}")


@dataclass(frozen=True)
class Kind:
    """One kind of offer (e.g. a Sprachcafé) with everything needed to compose instances.

    Text templates may use: {city}, {in_city}, {district}, {place}, {street}, {org}, {day},
    {weekday}, {time}, {start}, {end}, {deadline}, {level}, {cost}, {age}.
    """

    key: str
    topics: tuple
    groups: tuple
    titles: tuple
    summaries: tuple
    texts: tuple
    extra_groups: tuple = ()
    langs: tuple = ()  # languages besides German that the offer may be held in
    hosts: tuple = ()  # organisation kinds that run this kind of offer
    when: str = "weekly"  # weekly | course | office | online | event
    slots: tuple = (("16:00", "18:00"),)
    days: tuple = (0, 1, 2, 3, 4)
    meetings: int = 1  # weekly meetings (courses meet on several days)
    costs: tuple = (FREE,)
    registration: float = 0.5  # probability that registration is required
    age: tuple | None = None
    childcare: float = 0.0
    online: float = 0.0  # probability of an online variant
    multi_place: float = 0.0  # probability of 2–3 places
    venues: tuple = ()
    levels: tuple = ("A1", "A2", "B1")
    scope: str = "city"  # city | kreisweit | both
    weight: int = 1


def fmt_time(hhmm):
    """'09:30' -> '9:30', '16:00' -> '16'."""
    h, m = hhmm.split(":")
    return f"{int(h)}" if m == "00" else f"{int(h)}:{m}"


def fmt_date(d, year=True):
    text = f"{d.day}. {MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text
