"""Compose one offer of a given kind: texts, schedule, places, costs and the other facts."""

import datetime

from django.utils.text import slugify

from .common import FREE, WEEKDAY_ADVERBS, WEEKDAYS, fmt_date, fmt_time
from .places import DISTRICTS, VENUES, jitter, street_address

KREIS = "Kreis Recklinghausen"

ADDENDA_TRANSPORT = (
    "Die Bushaltestelle liegt nur wenige Schritte entfernt.",
    "Parkplätze gibt es hinter dem Haus, Fahrradständer am Eingang.",
    "Vom Busbahnhof sind es etwa zehn Minuten zu Fuß.",
    "Eingang über den Hof, bitte klingeln.",
)
ADDENDA_CHILDCARE = (
    "Für Kinder gibt es eine Betreuung im Nebenraum.",
    "Kinderbetreuung ist vorhanden – bitte bei der Anmeldung das Alter der Kinder angeben.",
    "Während des Angebots kümmern sich zwei Erzieherinnen um die Kinder.",
)
ADDENDA_CONTACT = (
    "Bei Fragen einfach anrufen oder eine E-Mail schreiben.",
    "Rückfragen beantwortet {contact} gern telefonisch.",
    "Sie erreichen uns auch per WhatsApp unter der angegebenen Nummer.",
    "Ansprechperson vor Ort: {contact}.",
)
ADDENDA_MISC = (
    "In den Schulferien findet das Angebot nicht statt.",
    "Getränke stehen bereit.",
    "Das Angebot wird aus Mitteln des Landes NRW gefördert.",
    "Neue Gesichter sind immer willkommen.",
    "Bitte bringen Sie, wenn vorhanden, Ihren Aufenthaltstitel mit.",
    "Ein Einstieg ist jederzeit möglich.",
)
ACCESS_NOTES = {
    "yes": ("Aufzug vorhanden, barrierefreies WC", "ebenerdiger Zugang", "Rampe am Seiteneingang",
            "stufenlos erreichbar, Induktionsschleife im Raum"),
    "no": ("Raum im 1. OG ohne Aufzug", "zwei Stufen am Eingang", "Altbau, kein barrierefreies WC"),
    "unknown": ("", "", "Bitte vorher nachfragen."),
}
REGISTRATION_NOTES = (
    "telefonisch oder per E-Mail", "persönlich zu den Sprechzeiten", "mit Einstufungstest vorab",
    "über das Jobcenter oder direkt beim Träger", "bitte bis eine Woche vorher", "",
)
DROP_IN_NOTES = ("ohne Anmeldung, einfach vorbeikommen", "", "", "Anmeldung nicht nötig")
TIME_NOTES = ("", "", "", "", "außer in den Schulferien", "14-täglich", "nicht an Feiertagen")
GROUP_NAMES = {"ar": "Arabisch", "tr": "Türkisch", "uk": "Ukrainisch", "fa": "Persisch",
               "ru": "Russisch", "pl": "Polnisch", "en": "Englisch", "ku": "Kurdisch",
               "ti": "Tigrinya", "ps": "Paschtu", "fr": "Französisch", "ro": "Rumänisch",
               "bg": "Bulgarisch", "sq": "Albanisch", "sr": "Serbisch", "so": "Somali",
               "es": "Spanisch", "it": "Italienisch", "dgs": "Deutsche Gebärdensprache"}


def _days_text(days):
    adverbs = [WEEKDAY_ADVERBS[d] for d in days]
    if len(adverbs) == 1:
        return adverbs[0]
    if len(adverbs) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"{adverbs[0]} bis {adverbs[-1]}"
    return ", ".join(adverbs[:-1]) + " und " + adverbs[-1]


def _age_text(age):
    low, high = age
    if high is None:
        return f"ab {low} Jahren"
    return f"{low} bis {high} Jahren"


def schedule(rng, kind, today):
    """Weekly times and dates as a dict of Offer fields plus `times` and text variables."""
    slots = list(kind.slots)
    opens, closes = rng.choice(slots)
    count = max(1, min(kind.meetings, len(kind.days)))
    if kind.when == "office" and len(slots) > 1 and rng.random() < 0.5:
        count = 2
    days = sorted(rng.sample(list(kind.days), count))
    if kind.meetings >= 3 and rng.random() < 0.6:
        days = list(kind.days)[:kind.meetings]
    result = {"start_date": None, "end_date": None, "registration_deadline": None,
              "schedule_note": "", "times": []}
    start = today + datetime.timedelta(days=rng.randint(-60, 150))
    start += datetime.timedelta(days=(days[0] - start.weekday()) % 7)  # first meeting day
    if kind.when == "event":
        start = today + datetime.timedelta(days=rng.randint(10, 160))
        result.update(start_date=start, end_date=start)
        result["schedule_note"] = (f"{WEEKDAYS[start.weekday()]}, {fmt_date(start)}, "
                                   f"{fmt_time(opens)}–{fmt_time(closes)} Uhr")
        end = start
    else:
        if kind.when == "office":
            # Office hours: several slots on different days.
            for i, day in enumerate(days):
                o, c = slots[i % len(slots)] if count > 1 else (opens, closes)
                result["times"].append((day, o, c, rng.choice(TIME_NOTES)))
            result["schedule_note"] = rng.choice(("Termine auch nach Vereinbarung",
                                                  "Weitere Termine nach telefonischer Absprache", ""))
        else:
            note = rng.choice(TIME_NOTES)
            result["times"] = [(day, opens, closes, note) for day in days]
        end = start + datetime.timedelta(weeks=rng.choice((6, 8, 10, 12, 26, 30)))
        if kind.when == "course":
            result.update(start_date=start, end_date=end)
    deadline = start - datetime.timedelta(days=rng.choice((7, 10, 14)))
    if kind.when in ("course", "event") and rng.random() < 0.8:
        result["registration_deadline"] = deadline
    result["vars"] = {
        "day": WEEKDAY_ADVERBS[days[0]] if kind.when != "event" else fmt_date(start, year=False),
        "weekday": WEEKDAYS[days[0] if kind.when != "event" else start.weekday()],
        "days": _days_text(days),
        "time": f"{fmt_time(opens)} bis {fmt_time(closes)} Uhr",
        "start": fmt_date(start), "end": fmt_date(end), "deadline": fmt_date(deadline),
    }
    return result


def make_place(rng, city, org_name, kind, district=None):
    district = district or rng.choice(DISTRICTS[city.slug])
    if rng.random() < 0.25 and not kind.venues:
        name = org_name  # in the provider's own rooms
    else:
        name = rng.choice(kind.venues or VENUES).format(district=district, org=org_name)
    return {
        "name": name, "street": street_address(rng),
        "postcode": rng.choice(city.postcodes) if city.postcodes else "",
        "city": city.slug, "latitude": jitter(rng, city.latitude),
        "longitude": jitter(rng, city.longitude), "district": district,
    }


def _pick(rng, templates, fill, seen, vary):
    """A filled template not used before; if all are taken, a varied one (providers add a place)."""
    options = [fill(t) for t in templates]
    rng.shuffle(options)
    text = next((t for t in options if t not in seen), None) or vary(options[0])
    seen.add(text)
    return text


def _vary_title(title, v):
    return f"{title} ({v['district']})" if v["district"] not in title else f"{title} – {v['org']}"


def _facts(v):
    return (f"{v['weekday']}s, {v['time']}.", f"Ort: {v['place']}.", f"Träger: {v['org']}.",
            f"Kosten: {v['cost']}.", f"Treffpunkt: {v['street']}.")


def compose_offer(rng, kind, city, org, contacts, cities_by_slug, today, seen):
    """Return an offer spec (a dict) for `kind` run by `org` in `city` (a City-like record)."""
    is_online = kind.when == "online" or rng.random() < kind.online
    places = []
    if not is_online:
        if city.slug == "kreisweit":
            real = [c for c in cities_by_slug.values() if c.slug != "kreisweit"]
            home = cities_by_slug.get(org["city"])
            first = home if home and home.slug != "kreisweit" else rng.choice(real)
            place_cities = [first]
            if rng.random() < max(kind.multi_place, 0.3):
                place_cities += rng.sample([c for c in real if c != first], rng.randint(1, 2))
            places = [make_place(rng, c, org["name"], kind) for c in place_cities]
        else:
            n = 1 if rng.random() >= kind.multi_place else rng.randint(2, 3)
            districts = rng.sample(DISTRICTS[city.slug], n)
            places = [make_place(rng, city, org["name"], kind, d) for d in districts]
    sched = schedule(rng, kind, today)

    cost_choice = rng.choice(kind.costs)
    is_free = cost_choice == FREE or cost_choice == "kostenlos, Spenden willkommen"
    cost = "" if cost_choice == FREE else cost_choice
    if cost_choice == FREE and rng.random() < 0.3:
        cost = rng.choice(("kostenlos", "Die Teilnahme ist kostenlos.", "keine Kosten"))

    langs = ["de"] + rng.sample(list(kind.langs), rng.randint(0, min(2, len(kind.langs))))
    groups = list(kind.groups) + rng.sample(list(kind.extra_groups),
                                            rng.randint(0, len(kind.extra_groups)))
    chosen_contacts = contacts[: rng.randint(1, min(2, len(contacts)))] if contacts else []
    contact_name = chosen_contacts[0]["name"] if chosen_contacts else "unser Team"

    if city.slug == "kreisweit":
        city_name = KREIS
        in_city = "im ganzen Kreis Recklinghausen"
    else:
        city_name, in_city = city.name, f"in {city.name}"
    first_place = places[0] if places else None
    district = first_place["district"] if first_place else (city_name if city.slug != "kreisweit"
                                                             else "Vest")
    variables = {
        "city": city_name, "in_city": in_city, "district": district,
        "place": first_place["name"] if first_place else "Online-Raum",
        "street": first_place["street"] if first_place else "online",
        "org": org["name"], "level": rng.choice(kind.levels),
        "cost": cost or "kostenlos", "age": _age_text(kind.age) if kind.age else "allen Altersgruppen",
        "contact": contact_name, **sched["vars"],
    }

    def fill(template):
        text = template.format(**variables)
        return text.replace("in Kreis Recklinghausen", "im Kreis Recklinghausen")

    # Titles repeat across cities (as real ones do), but not within one city; summaries never.
    title_seen = seen.setdefault(city.slug, set())
    if rng.random() < 0.5:
        title_seen = title_seen | seen.setdefault("titles", set())
    title = _pick(rng, kind.titles, fill, title_seen, lambda t: _vary_title(t, variables))
    seen[city.slug].add(title)
    seen.setdefault("titles", set()).add(title)
    if is_online and "online" not in title.lower():
        title += " (online)"
    summary = _pick(rng, kind.summaries, fill, seen.setdefault("summaries", set()),
                    lambda t: f"{t} {rng.choice(_facts(variables))}")
    texts = list(kind.texts)
    rng.shuffle(texts)
    paragraphs = [fill(texts[0])]
    if len(texts) > 1 and rng.random() < 0.3 and "\n" not in texts[1]:
        paragraphs.append(fill(texts[1]))
    childcare = rng.random() < kind.childcare
    if childcare and rng.random() < 0.7:
        paragraphs.append(rng.choice(ADDENDA_CHILDCARE))
    extras = []
    if places and rng.random() < 0.35:
        extras.append(rng.choice(ADDENDA_TRANSPORT))
    if rng.random() < 0.35:
        extras.append(fill(rng.choice(ADDENDA_CONTACT)))
    if rng.random() < 0.3:
        extras.append(rng.choice(ADDENDA_MISC))
    if len(langs) > 1 and rng.random() < 0.5:
        names = [GROUP_NAMES[code] for code in langs[1:]]
        extras.append(f"Wir sprechen auch {' und '.join(names)}.")
    if extras:
        paragraphs.append(" ".join(extras))

    registration = rng.random() < kind.registration
    access = rng.choices(("yes", "no", "unknown"), weights=(45, 20, 35))[0]
    if is_online:
        access = rng.choice(("yes", "unknown"))
    age_min, age_max = kind.age if kind.age else (None, None)
    slug = slugify(title)[:60]
    return {
        "kind": kind.key, "title": title[:200], "summary": summary[:500],
        "description": "\n\n".join(paragraphs), "organisation": org["key"],
        "topics": list(kind.topics), "target_groups": groups, "languages": langs,
        "cities": [city.slug] + sorted({p["city"] for p in places} - {city.slug}),
        "contacts": [c["name"] for c in chosen_contacts],
        "is_online": is_online,
        "website": f"https://example.org/{org['key']}/angebote/{slug}" if rng.random() < 0.6 else "",
        "schedule_note": sched["schedule_note"], "start_date": sched["start_date"],
        "end_date": sched["end_date"], "is_free": is_free, "cost": cost,
        "registration_required": registration,
        "registration_deadline": sched["registration_deadline"] if registration else None,
        "registration_note": rng.choice(REGISTRATION_NOTES if registration else DROP_IN_NOTES),
        "accessibility": access,
        "accessibility_note": "" if is_online else rng.choice(ACCESS_NOTES[access]),
        "childcare": childcare, "age_min": age_min, "age_max": age_max,
        "places": [{k: v for k, v in p.items() if k != "district"} for p in places],
        "times": sched["times"],
    }
