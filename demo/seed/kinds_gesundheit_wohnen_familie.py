"""Offer kinds for the topics Gesundheit, Wohnen and Familie, Kinder und Jugend."""
# ruff: noqa: E501 -- long German text templates read better unwrapped

from .common import FREE, Kind

KINDS = [
    Kind(
        key="gesundheitslotsen", topics=("gesundheit",), when="event",
        groups=("migrationshintergrund", "neuzugewanderte"), extra_groups=("frauen", "senioren", "familien"),
        langs=("ar", "tr", "ru", "uk", "ti", "so"), hosts=("gesundheit", "wohlfahrt"), scope="both",
        slots=(("10:00", "12:00"), ("17:00", "19:00")), registration=0.5, costs=(FREE,),
        titles=("Gesundheitslotsen: Wie funktioniert das Gesundheitssystem?", "Infoveranstaltung Gesundheit in {city}",
                "Arztbesuch, Krankenkasse, Notdienst – Gesundheitsinfo {district}"),
        summaries=(
            "Gesundheitslotsinnen und -lotsen erklären in Ihrer Sprache, wie Arztbesuch und Krankenkasse funktionieren.",
            "Infoveranstaltung am {start}: Hausarzt, Facharzt, Notdienst 116117 und Apotheke.",
            "Wann gehe ich zur Hausärztin, wann in die Notaufnahme? Antworten in mehreren Sprachen.",
        ),
        texts=(
            "Geschulte Gesundheitslotsinnen und Gesundheitslotsen mit eigener Migrationsgeschichte "
            "informieren in ihrer Muttersprache über das deutsche Gesundheitssystem: "
            "Krankenversicherung, Vorsorge, Impfungen, Notfallversorgung und Rechte als Patientin "
            "oder Patient.",
            "Am {start} von {time} laden wir zur Gesundheitsinfo ein. Thema diesmal: der "
            "ärztliche Bereitschaftsdienst und die Notaufnahme. Mit Dolmetschenden, Tee und "
            "Zeit für Fragen.",
        ),
    ),
    Kind(
        key="psychosozial", topics=("gesundheit", "beratung"), when="office", scope="both",
        groups=("gefluechtete", "migrationshintergrund"), extra_groups=("jugendliche", "frauen", "familien"),
        langs=("ar", "fa", "ku", "uk", "en", "ps"), hosts=("gesundheit",), multi_place=0.3,
        slots=(("09:00", "12:00"), ("13:00", "16:00")), registration=1.0, costs=(FREE,),
        titles=("Psychosoziale Beratung für Geflüchtete", "Psychosoziale Sprechstunde {city}",
                "Hilfe bei Belastung und Trauma"),
        summaries=(
            "Schlafprobleme, Sorgen, Erinnerungen an die Flucht? Vertrauliche psychosoziale Beratung mit Sprachmittlung.",
            "Erstgespräch und Beratung für Menschen nach Flucht und Gewalt, Termine nach Vereinbarung.",
            "Psychosoziale Unterstützung in {city}, auch für Kinder und Jugendliche.",
        ),
        texts=(
            "Viele Menschen haben auf der Flucht oder in ihrem Herkunftsland Schlimmes erlebt. "
            "Unsere Psychologinnen und Sozialarbeitenden bieten Erstgespräche, Stabilisierung und "
            "Beratung an und vermitteln bei Bedarf in eine Therapie. Sprachmittlerinnen und "
            "Sprachmittler sind geschult und zur Verschwiegenheit verpflichtet.",
            "Es geht Ihnen nicht gut? Sie müssen das nicht allein schaffen. Rufen Sie an, wir "
            "vereinbaren einen Termin. Alles bleibt vertraulich.",
        ),
    ),
    Kind(
        key="schwangerschaft", topics=("gesundheit", "frauen"), when="office",
        groups=("frauen", "familien"), extra_groups=("migrationshintergrund", "neuzugewanderte"),
        langs=("ar", "tr", "uk", "ro", "bg"), hosts=("gesundheit", "frauen", "wohlfahrt"),
        slots=(("09:00", "12:00"),), registration=1.0, costs=(FREE,),
        titles=("Schwangerschaftsberatung {city}", "Beratung rund um Schwangerschaft und Geburt",
                "Schwanger – und jetzt? Beratung für Frauen"),
        summaries=(
            "Beratung zu Schwangerschaft, Mutterschutz, Elterngeld und finanziellen Hilfen.",
            "Vertrauliche Beratung für Schwangere und junge Familien in {city}, auch mit Dolmetscherin.",
            "Hebammensprechstunde und Beratung zu Anträgen rund um die Geburt.",
        ),
        texts=(
            "Wir beraten Schwangere und ihre Partner zu allen Fragen rund um Schwangerschaft und "
            "Geburt: Vorsorge, Mutterschutz, Elterngeld, Kindergeld und Stiftungsmittel. Die "
            "Beratung ist kostenlos und auf Wunsch anonym.",
            "Sie sind schwanger und haben Fragen? Machen Sie einen Termin. Wir helfen auch bei "
            "Anträgen und bei der Suche nach einer Hebamme.",
        ),
    ),
    Kind(
        key="bewegung_gesund", topics=("gesundheit", "sport"),
        groups=("senioren", "migrationshintergrund"), extra_groups=("frauen",),
        langs=("tr", "ru", "ar"), hosts=("gesundheit", "sport", "familie"),
        slots=(("10:00", "11:00"), ("17:30", "18:30")), registration=0.2,
        costs=(FREE, "2 € pro Termin"),
        titles=("Bewegt älter werden – Gymnastik {district}", "Rückenfit für alle", "Gesund durch Bewegung"),
        summaries=(
            "Sanfte Gymnastik für Ältere, {day} {time} – ohne Leistungsdruck.",
            "Rückenschule und Entspannung in gemischter Gruppe, Erklärungen auch auf Türkisch und Russisch.",
            "Bewegung, Austausch und Gesundheitstipps für Seniorinnen und Senioren in {city}.",
        ),
        texts=(
            "Wir bewegen uns gemeinsam: Dehnen, Kräftigen, Gleichgewicht. Jede und jeder macht "
            "so viel, wie es gut tut. Bitte bequeme Kleidung und etwas zu trinken mitbringen.",
            "Der Kurs wird von einer ausgebildeten Übungsleiterin geleitet und richtet sich an "
            "Menschen ab 60 Jahren. Einstieg jederzeit möglich.",
        ),
    ),
    Kind(
        key="moebelboerse", topics=("wohnen",), weight=2,
        groups=("alle", "gefluechtete", "neuzugewanderte"), extra_groups=("familien",),
        langs=("ar", "uk"), hosts=("moebel",), slots=(("10:00", "13:00"), ("14:00", "17:00")),
        registration=0.0, costs=(FREE, "Möbel gegen kleine Spende", "geringe Preise, mit Berechtigungsschein kostenlos"),
        titles=("Möbelbörse {district}", "Möbelbörse und Sozialkaufhaus {city}", "Möbellager – gebrauchte Möbel für alle"),
        summaries=(
            "Gebrauchte Möbel, Hausrat und Elektrogeräte für wenig Geld – {day} {time}.",
            "Wer eine erste Wohnung einrichtet, findet hier Betten, Schränke, Tische und Geschirr.",
            "Möbelspenden werden abgeholt; Abgabe an Menschen mit geringem Einkommen.",
            "Die Möbelbörse in {district} hilft beim Einrichten der ersten eigenen Wohnung.",
        ),
        texts=(
            "In unserer Möbelbörse gibt es gut erhaltene gebrauchte Möbel, Küchengeräte, Geschirr "
            "und Bettwäsche. Menschen mit Bürgergeld, Wohngeld oder Leistungen nach dem "
            "Asylbewerberleistungsgesetz erhalten Möbel gegen Vorlage des Bescheids kostenlos oder "
            "sehr günstig. Ein Lieferdienst kann gegen Gebühr gebucht werden.",
            "Neue Wohnung, aber noch kein Bett? Kommt in die Möbelbörse! {weekday}s von {time} "
            "ist geöffnet. Möbelspenden holen wir nach Absprache ab.",
            "Möbelbörse\nÖffnungszeiten: {weekday} {time}\nAdresse: {street}\nAbholung von Spenden: "
            "nach Terminvereinbarung\nTransport: gegen Gebühr möglich",
        ),
    ),
    Kind(
        key="wohnungssuche", topics=("wohnen", "beratung"), when="office",
        groups=("gefluechtete", "neuzugewanderte", "familien"), extra_groups=("migrationshintergrund",),
        langs=("ar", "fa", "uk", "ro"), hosts=("wohnen", "stadt"),
        slots=(("09:00", "12:00"),), registration=0.5, costs=(FREE,),
        titles=("Beratung bei der Wohnungssuche {city}", "Wohnraumberatung für Geflüchtete", "Wohnungslotsen {district}"),
        summaries=(
            "Unterstützung bei der Wohnungssuche: Anzeigen verstehen, Besichtigung, Mietvertrag, WBS.",
            "Wohnungslotsen helfen beim Auszug aus der Unterkunft in die erste eigene Wohnung.",
            "Sprechstunde zu Wohnungssuche und Wohnberechtigungsschein, {day} {time}.",
        ),
        texts=(
            "Eine Wohnung zu finden ist schwer, besonders ohne gute Deutschkenntnisse. Wir helfen "
            "bei der Suche, erklären Wohnungsanzeigen, begleiten zu Besichtigungen und prüfen den "
            "Mietvertrag. Wir helfen auch beim Antrag auf einen Wohnberechtigungsschein (WBS) und "
            "bei der Übernahme der Kosten durch das Jobcenter.",
            "Sie wohnen noch in einer Unterkunft und suchen eine Wohnung? Kommen Sie in unsere "
            "Sprechstunde, gern mit der ganzen Familie.",
        ),
    ),
    Kind(
        key="mieterberatung", topics=("wohnen", "recht"), when="office",
        groups=("alle", "migrationshintergrund"), extra_groups=("senioren", "familien"),
        langs=("tr", "ar", "pl", "en"), hosts=("wohnen",), slots=(("16:00", "18:00"),),
        registration=1.0, costs=(FREE, "kostenlos für Mitglieder, sonst 15 € pro Beratung"),
        titles=("Mietrechtsberatung {city}", "Nebenkostenabrechnung prüfen lassen", "Mietersprechstunde {district}"),
        summaries=(
            "Probleme mit Vermieter, Nebenkosten oder Schimmel? Beratung zum Mietrecht.",
            "Mieterinnen und Mieter lassen Abrechnungen und Mietverträge prüfen – {day} {time}.",
            "Rechtsberatung zum Wohnen, auf Wunsch mit Sprachmittlung.",
        ),
        texts=(
            "Wir prüfen Nebenkostenabrechnungen, Mieterhöhungen und Kündigungen und beraten bei "
            "Mängeln wie Schimmel oder defekter Heizung. Bitte bringen Sie Mietvertrag und "
            "Schriftverkehr mit.",
            "Mietersprechstunde nur mit Termin. Beratung auch auf Türkisch, Arabisch und Polnisch.",
        ),
    ),
    Kind(
        key="wohnfuehrerschein", topics=("wohnen", "bildung"), when="course", meetings=1,
        groups=("gefluechtete", "neuzugewanderte"), extra_groups=("familien", "jugendliche"),
        langs=("ar", "fa", "ti", "uk"), hosts=("wohnen", "stadt", "wohlfahrt"),
        slots=(("10:00", "12:30"),), registration=1.0, costs=(FREE,),
        titles=("Mietführerschein", "Wohnführerschein – fit für die eigene Wohnung", "Mietführerschein {city}"),
        summaries=(
            "In fünf Treffen lernen Sie alles über Mietvertrag, Heizen, Lüften, Mülltrennung und Hausordnung.",
            "Kurs mit Zertifikat, das bei Vermietern in {city} gern gesehen wird; Start {start}.",
            "Richtig heizen und lüften, Strom sparen, Nachbarschaft: der Mietführerschein.",
        ),
        texts=(
            "Der Mietführerschein bereitet auf das Wohnen in einer eigenen Mietwohnung vor. "
            "Themen sind Mietvertrag, Kaution, Nebenkosten, Heizen und Lüften, Mülltrennung und "
            "Hausordnung. Wer an allen Terminen teilnimmt, erhält ein Zertifikat. Mehrere "
            "Wohnungsunternehmen im Kreis erkennen es an.",
            "Mietführerschein ab {start}, {days} {time}. Anmeldung bis {deadline}.",
        ),
    ),
    Kind(
        key="elterncafe", topics=("familie",), weight=2,
        groups=("familien", "migrationshintergrund"), extra_groups=("neuzugewanderte", "frauen"),
        langs=("tr", "ar", "uk", "ro", "bg"), hosts=("familie", "jugend", "religion", "nachbarschaft"),
        slots=(("09:00", "11:00"), ("08:30", "10:00")), registration=0.0, childcare=0.5,
        costs=(FREE,),
        titles=("Elterncafé {district}", "Elterncafé in der Grundschule", "Elternfrühstück im {place}",
                "Eltern-Treff International {city}"),
        summaries=(
            "Eltern treffen sich nach dem Bringen der Kinder zum Frühstück und Austausch.",
            "Elterncafé {day} {time}: Fragen zu Kita, Schule und Erziehung, mit Dolmetschenden.",
            "Für Mütter und Väter aus {district}: ins Gespräch kommen und Infos bekommen.",
        ),
        texts=(
            "Im Elterncafé kommen Mütter und Väter ins Gespräch. Regelmäßig laden wir Gäste ein – "
            "etwa eine Lehrerin, eine Kinderärztin oder jemanden vom Jugendamt –, die Fragen "
            "beantworten. Kleine Kinder können mitgebracht werden.",
            "Kaffee, Tee und Brötchen stehen bereit! {weekday}s nach dem Bringen der Kinder, "
            "{time}. Sprachen: Deutsch, Türkisch, Arabisch und was ihr mitbringt.",
            "Elterncafé\n- {weekday}, {time}\n- {place}\n- ohne Anmeldung\n- Kinderecke vorhanden",
        ),
    ),
    Kind(
        key="krabbelgruppe", topics=("familie",),
        groups=("familien", "kinder"), extra_groups=("neuzugewanderte", "migrationshintergrund"),
        langs=("uk", "ar", "fa", "en"), hosts=("familie", "religion", "jugend"), age=(0, 3),
        slots=(("09:30", "11:00"), ("10:00", "11:30")), registration=0.4,
        costs=(FREE, "2 € pro Termin"),
        titles=("Krabbelgruppe {district}", "Internationale Krabbelgruppe", "Spielkreis für Babys und Kleinkinder"),
        summaries=(
            "Spielen, singen, andere Eltern kennenlernen: Krabbelgruppe für Kinder bis 3 Jahre.",
            "Mütter und Väter mit Babys treffen sich {day} im {place}.",
            "Krabbelgruppe in {city} mit Liedern aus vielen Ländern.",
        ),
        texts=(
            "In der Krabbelgruppe spielen Babys und Kleinkinder, während die Eltern sich "
            "austauschen. Wir singen Lieder in vielen Sprachen. Eine Fachkraft für frühe Bildung "
            "ist dabei und beantwortet Fragen.",
            "Bitte Hausschuhe oder Stoppersocken und eine Decke mitbringen. Der Raum ist mit "
            "Kinderwagen gut erreichbar.",
        ),
    ),
    Kind(
        key="jugendtreff", topics=("familie", "sport"),
        groups=("jugendliche", "migrationshintergrund"), extra_groups=("gefluechtete", "kinder"),
        langs=("ar", "tr", "uk", "sq"), hosts=("jugend",), age=(12, 21), meetings=2,
        slots=(("16:00", "20:00"), ("15:00", "19:00")), registration=0.0, costs=(FREE,),
        titles=("Offener Jugendtreff {district}", "Jugendtreff im {place}", "Jugendcafé {city}"),
        summaries=(
            "Kickern, Musik, Zocken, Reden: offener Treff für Jugendliche von {age}.",
            "Komm vorbei, {days} {time} – ohne Anmeldung, ohne Kosten.",
            "Treffpunkt für Jugendliche aus {district} mit Ansprechpersonen für alle Fragen.",
        ),
        texts=(
            "Der Jugendtreff ist {days} von {time} geöffnet. Es gibt Billard, Kicker, eine "
            "Playstation und eine kleine Küche. Die Mitarbeitenden helfen auch bei Bewerbungen "
            "oder wenn es zu Hause oder in der Schule Stress gibt.",
            "Einfach reinkommen! Hier triffst du Leute aus der ganzen Welt. Einmal im Monat "
            "kochen wir zusammen.",
        ),
    ),
    Kind(
        key="ferienprogramm", topics=("familie", "kultur"), when="event",
        groups=("kinder", "migrationshintergrund"), extra_groups=("neuzugewanderte", "familien"),
        langs=("ar", "uk", "tr"), hosts=("jugend", "familie", "kultur"), age=(6, 12),
        slots=(("09:00", "15:00"),), registration=1.0, childcare=0.0,
        costs=(FREE, "15 € pro Woche inkl. Mittagessen, BuT möglich"),
        titles=("Ferienprogramm {district}", "Sommerferien-Spaß für Kinder in {city}", "Ferienwoche „Entdecken und Spielen“"),
        summaries=(
            "Ausflüge, Basteln und Spiele in den Ferien für Kinder von {age}, ab {start}.",
            "Eine Woche Ferienprogramm mit Mittagessen – Anmeldung bis {deadline}.",
            "Ferienbetreuung mit Sprachförderung für neu zugewanderte Kinder.",
        ),
        texts=(
            "In den Ferien wird es nicht langweilig: Wir fahren in den Zoo, bauen Flöße, "
            "spielen Theater und üben nebenbei Deutsch. Frühstück und Mittagessen sind inklusive.",
            "Das Ferienprogramm richtet sich an Kinder von {age}. Die Plätze sind begrenzt. "
            "Beiträge können über Bildung und Teilhabe (BuT) erstattet werden.",
        ),
    ),
]
