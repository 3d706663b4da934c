"""Offer kinds for the topics Kultur und Begegnung and Ehrenamt und Engagement."""
# ruff: noqa: E501 -- long German text templates read better unwrapped

from .common import FREE, Kind

KINDS = [
    Kind(
        key="begegnungscafe", topics=("kultur",), weight=2,
        groups=("alle", "migrationshintergrund", "neuzugewanderte"), extra_groups=("senioren", "familien"),
        langs=("ar", "tr", "uk", "fa", "ru"), hosts=("kultur", "nachbarschaft", "religion"),
        slots=(("15:00", "17:30"), ("14:30", "17:00")), registration=0.0,
        costs=(FREE, "Kaffee und Kuchen gegen Spende"),
        titles=("Begegnungscafé {district}", "Café International {city}", "Café der Kulturen im {place}",
                "Nachbarschaftscafé {district}"),
        summaries=(
            "Alteingesessene und Neuzugezogene treffen sich bei Kaffee und Kuchen, {day} {time}.",
            "Begegnung auf Augenhöhe: Café für alle Nachbarinnen und Nachbarn in {district}.",
            "Spiele, Gespräche, Beratung am Rand – ein Café, in dem sich {city} kennenlernt.",
        ),
        texts=(
            "Im Begegnungscafé kommen Menschen aus {district} zusammen, die sich sonst vielleicht "
            "nie treffen würden. Es gibt Kaffee, Tee und selbstgebackenen Kuchen, oft auch "
            "Spezialitäten aus den Herkunftsländern der Gäste. Wer Fragen hat, findet am Rand "
            "Ansprechpersonen aus der Beratung.",
            "Kaffee, Kuchen, Karten spielen – und ganz viel reden. Jeden {weekday} ab {time}. Wir "
            "freuen uns über neue Gesichter!",
            "Café International\n{weekday}s {time}\n{place}\nEintritt frei, Spenden willkommen",
        ),
    ),
    Kind(
        key="chor", topics=("kultur",),
        groups=("alle", "migrationshintergrund"), extra_groups=("senioren", "kinder", "jugendliche"),
        langs=("tr", "uk", "pl", "es", "it"), hosts=("kultur", "religion"),
        slots=(("19:00", "21:00"), ("17:00", "18:00")), registration=0.0,
        costs=(FREE, "3 € im Monat"),
        titles=("Chor der Kulturen {city}", "Internationaler Chor „Viele Stimmen“", "Singen ohne Grenzen"),
        summaries=(
            "Wir singen Lieder aus aller Welt – Noten lesen muss niemand, {day} {time}.",
            "Mehrsprachiger Chor für Erwachsene, Proben im {place}.",
            "Singen verbindet: Lieder auf Deutsch, Türkisch, Ukrainisch, Spanisch und mehr.",
        ),
        texts=(
            "Unser Chor singt Volkslieder, Popsongs und Kanons aus vielen Ländern. Die Mitglieder "
            "bringen Lieder aus ihrer Heimat mit und bringen sie den anderen bei. Zweimal im Jahr "
            "treten wir auf.",
            "Du singst gern unter der Dusche? Dann komm zur Probe! Keine Vorkenntnisse nötig.",
        ),
    ),
    Kind(
        key="theater", topics=("kultur", "familie"), when="course", meetings=1,
        groups=("jugendliche", "migrationshintergrund"), extra_groups=("neuzugewanderte", "kinder"),
        langs=("ar", "uk", "en", "fa"), hosts=("kultur", "jugend"), age=(13, 25),
        slots=(("17:00", "19:30"),), registration=1.0, costs=(FREE,),
        titles=("Theaterprojekt „Angekommen?“", "Jugendtheater {city}", "Theaterwerkstatt für junge Leute"),
        summaries=(
            "Junge Menschen entwickeln ein eigenes Theaterstück über Ankommen und Heimat; Start {start}.",
            "Theater spielen, Musik machen, auf der Bühne stehen – Probe {day} {time}.",
            "Theaterwerkstatt in {city} mit Aufführung am Ende der Projektzeit.",
        ),
        texts=(
            "Im Theaterprojekt erzählen Jugendliche ihre eigenen Geschichten. Mit einer "
            "Theaterpädagogin entwickeln sie Szenen, Texte und Musik. Deutschkenntnisse sind "
            "hilfreich, aber nicht Bedingung – auf der Bühne wird in vielen Sprachen gesprochen.",
            "Lust auf Bühne? Wir proben ab {start} jeden {weekday}. Die Aufführung ist für den "
            "{end} geplant.",
        ),
    ),
    Kind(
        key="fest", topics=("kultur",), when="event", scope="both",
        groups=("alle",), extra_groups=("familien", "migrationshintergrund", "kinder"),
        langs=("tr", "ar", "pl", "uk"), hosts=("kultur", "stadt", "religion", "nachbarschaft", "ki"),
        slots=(("14:00", "19:00"), ("12:00", "18:00")), registration=0.0, costs=(FREE,),
        titles=("Interkulturelles Stadtteilfest {district}", "Fest der Kulturen {city}",
                "Tag der offenen Tür mit internationalem Buffet"),
        summaries=(
            "Musik, Tanz und Essen aus aller Welt – das Fest am {start} für die ganze Familie.",
            "Vereine und Initiativen stellen sich vor, Kinderprogramm inklusive, Eintritt frei.",
            "Das Stadtteilfest in {district} lädt alle Nachbarinnen und Nachbarn ein.",
        ),
        texts=(
            "Am {start} feiern wir von {time}. Auf der Bühne: Folklore, Hip-Hop und ein Kinderchor. "
            "Beim Buffet bringen viele Familien Gerichte aus ihrer Heimat mit. Für Kinder gibt es "
            "Hüpfburg und Kinderschminken.",
            "Das Fest ist ein Treffpunkt für alle Menschen, die in {city} leben. Vereine, "
            "Beratungsstellen und Initiativen informieren an Ständen über ihre Angebote.",
        ),
    ),
    Kind(
        key="offene_moschee", topics=("kultur",), when="event",
        groups=("alle",), extra_groups=("fachkraefte", "familien"),
        langs=("tr", "ar"), hosts=("religion",), slots=(("11:00", "17:00"),), registration=0.0,
        costs=(FREE,),
        titles=("Tag der offenen Tür in der Gemeinde", "Offenes Gemeindehaus {district}",
                "Führung und Gespräch: Religion im Stadtteil"),
        summaries=(
            "Führungen, Tee und Gespräche – die Gemeinde öffnet am {start} ihre Türen.",
            "Einblicke in das Gemeindeleben, Fragen ausdrücklich erwünscht.",
            "Schulklassen und Gruppen können außerdem Führungen nach Absprache buchen.",
        ),
        texts=(
            "Wir laden alle Nachbarinnen und Nachbarn ein, unsere Gemeinde kennenzulernen. Es gibt "
            "Führungen zu jeder vollen Stunde, Tee und Gebäck. Gruppen und Schulklassen melden "
            "sich bitte vorher an.",
            "Am {start} sind unsere Türen von {time} offen. Kommen Sie vorbei, wir freuen uns auf "
            "Ihre Fragen.",
        ),
    ),
    Kind(
        key="patenschaften", topics=("ehrenamt",), when="office", weight=2,
        groups=("fachkraefte", "alle", "neuzugewanderte"), extra_groups=("gefluechtete", "familien"),
        langs=("en", "ar", "uk"), hosts=("ehrenamt", "nachbarschaft"),
        slots=(("17:00", "19:00"),), registration=1.0, costs=(FREE,),
        titles=("Patinnen und Paten gesucht!", "Patenschaftsprojekt „Hand in Hand“ {city}",
                "Ehrenamtliche Begleitung für Neuzugewanderte {district}"),
        summaries=(
            "Ehrenamtliche begleiten Neuzugewanderte zu Ämtern, beim Deutschlernen und im Alltag.",
            "Sie haben zwei Stunden pro Woche Zeit? Werden Sie Patin oder Pate in {city}.",
            "Wir bringen Familien und Ehrenamtliche zusammen – mit Schulung und Begleitung.",
        ),
        texts=(
            "Im Patenschaftsprojekt begleiten Ehrenamtliche neu zugewanderte Menschen und "
            "Familien für mindestens sechs Monate. Sie helfen bei Behördengängen, üben Deutsch, "
            "erklären den Alltag und werden oft zu Freunden. Wir bereiten Sie in einer Schulung "
            "vor und stehen bei Fragen zur Seite. Regelmäßige Austauschtreffen {day} {time}.",
            "Auch Neuzugewanderte, die eine Patin oder einen Paten suchen, melden sich bitte bei "
            "uns. Wir suchen eine passende Person.",
            "Patenschaften:\n- Zeit: ca. 2 Std./Woche\n- Schulung vorab\n- Austauschtreffen "
            "{weekday}s\n- Versicherung über den Träger",
        ),
    ),
    Kind(
        key="sprachmittlung", topics=("ehrenamt", "beratung"), when="office", scope="both",
        groups=("fachkraefte", "gefluechtete"), extra_groups=("neuzugewanderte", "familien"),
        langs=("ar", "fa", "ps", "ti", "ku", "uk", "ru", "so", "sq", "dgs"), hosts=("ehrenamt", "ki"),
        slots=(("09:00", "12:00"),), registration=1.0, costs=(FREE,),
        titles=("Ehrenamtlicher Sprachmittlerpool", "Sprachmittlung für Kita, Schule und Beratung",
                "Sprachmittlerinnen und Sprachmittler gesucht"),
        summaries=(
            "Kitas, Schulen und Beratungsstellen können kostenlos ehrenamtliche Sprachmittlung anfragen.",
            "Über 20 Sprachen: Sprachmittlung bei Elterngesprächen, Arztterminen und Beratungen.",
            "Sie sprechen zwei Sprachen? Werden Sie Sprachmittlerin oder Sprachmittler.",
        ),
        texts=(
            "Der Sprachmittlerpool vermittelt geschulte Ehrenamtliche für Gespräche in Kitas, "
            "Schulen, Beratungsstellen und beim Arzt. Anfragen bitte mindestens eine Woche vorher. "
            "Für Gerichte und Behörden mit Dolmetscherpflicht ist der Pool nicht zuständig.",
            "Wir suchen laufend Menschen, die neben Deutsch eine weitere Sprache sprechen. Sie "
            "erhalten eine Schulung, eine Aufwandsentschädigung und ein Zertifikat.",
        ),
    ),
    Kind(
        key="ehrenamt_schulung", topics=("ehrenamt",), when="event", scope="kreisweit",
        groups=("fachkraefte",), extra_groups=("alle",), hosts=("ki", "ehrenamt", "netzwerk"),
        langs=(), slots=(("17:30", "20:30"), ("10:00", "15:00")), registration=1.0, online=0.3,
        costs=(FREE,),
        titles=("Qualifizierung für Ehrenamtliche in der Integrationsarbeit", "Workshop: Asylrecht kompakt für Ehrenamtliche",
                "Fortbildung: Interkulturelle Kommunikation"),
        summaries=(
            "Fortbildung für Ehrenamtliche und Fachkräfte am {start}: Grundlagen, Fallbeispiele, Austausch.",
            "Was Ehrenamtliche über Aufenthalt, Leistungen und Beratungsstellen wissen sollten.",
            "Workshop zu Kommunikation über Sprachgrenzen hinweg, mit Zertifikat.",
        ),
        texts=(
            "Die Fortbildung richtet sich an Ehrenamtliche und hauptamtliche Fachkräfte, die mit "
            "Zugewanderten arbeiten. Sie vermittelt Grundwissen zu Aufenthaltsrecht, "
            "Sozialleistungen und zum Hilfesystem im Kreis Recklinghausen. Die Teilnahme ist "
            "kostenlos, die Plätze sind begrenzt.",
            "Termin: {start}, {time}. Anmeldung bis {deadline}. Verpflegung wird gestellt.",
        ),
    ),
    Kind(
        key="netzwerktreffen", topics=("ehrenamt", "kultur"), when="event", scope="kreisweit",
        groups=("fachkraefte",), extra_groups=(), hosts=("ki", "netzwerk"), langs=(),
        slots=(("14:00", "16:30"),), registration=1.0, costs=(FREE,), online=0.3,
        titles=("Netzwerktreffen Integration im Kreis", "Runder Tisch Integration", "Austauschforum für Akteure der Integrationsarbeit"),
        summaries=(
            "Träger, Vereine und Initiativen aus dem Kreis tauschen sich aus und planen gemeinsam.",
            "Das Netzwerktreffen am {start} stellt neue Angebote vor und sammelt Bedarfe.",
            "Vernetzung aller Akteure: wer bietet was, wo fehlt etwas?",
        ),
        texts=(
            "Das Kommunale Integrationszentrum lädt alle Akteure der Integrationsarbeit zum "
            "Netzwerktreffen ein. Auf der Tagesordnung: Neues aus den Städten, Förderprogramme und "
            "die Pflege dieser Angebotsdatenbank.",
            "Wer bietet was, wo fehlt noch etwas? Beim Runden Tisch am {start} bringen wir "
            "Hauptamtliche und Ehrenamtliche zusammen.",
        ),
    ),
]
