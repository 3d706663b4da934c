"""Offer kinds for the topics Frauen and Sport und Freizeit."""
# ruff: noqa: E501 -- long German text templates read better unwrapped

from .common import FREE, Kind

KINDS = [
    Kind(
        key="deutschkurs_frauen", topics=("sprache", "frauen"), when="course", meetings=2,
        groups=("frauen", "neuzugewanderte"), extra_groups=("migrationshintergrund", "familien"),
        langs=("ar", "tr", "fa", "uk"), hosts=("frauen", "integrationskurs"), childcare=0.9,
        slots=(("09:00", "11:30"), ("09:30", "12:00")), registration=1.0, levels=("A1", "A2"),
        costs=(FREE, "Teilnahmebeitrag 1,95 € pro Unterrichtsstunde, Befreiung möglich"),
        titles=("Deutschkurs für Frauen mit Kinderbetreuung", "Frauen-Deutschkurs {level} – {district}",
                "Deutsch für Mütter"),
        summaries=(
            "Deutsch lernen unter Frauen, während die Kinder nebenan betreut werden – ab {start}.",
            "Frauenkurs {level}, {days} von {time}, mit Kinderbetreuung im Haus.",
            "Deutschkurs nur für Frauen in {city}: kleine Gruppe, vertraute Atmosphäre.",
        ),
        texts=(
            "Der Kurs richtet sich an Frauen, die Deutsch lernen möchten und dafür eine "
            "Kinderbetreuung brauchen. Unterrichtet wird in einer kleinen Gruppe von einer "
            "Lehrerin. Neben Sprache geht es um Alltag, Kita und Schule, Gesundheit und Arbeit.",
            "Liebe Frauen, ihr wollt Deutsch lernen, habt aber kleine Kinder? Kein Problem: Eure "
            "Kinder spielen nebenan mit unseren Erzieherinnen. Start ist am {start}.",
        ),
    ),
    Kind(
        key="frauenfruehstueck", topics=("frauen", "kultur"),
        groups=("frauen", "migrationshintergrund"), extra_groups=("neuzugewanderte", "senioren"),
        langs=("tr", "ar", "fa", "ku", "uk"), hosts=("frauen", "religion", "nachbarschaft"),
        slots=(("09:30", "12:00"),), registration=0.1,
        costs=(FREE, "2 € für das Frühstück", "jede bringt etwas mit"),
        titles=("Internationales Frauenfrühstück {district}", "Frauenfrühstück im {place}",
                "Frauentreff am Vormittag – {city}"),
        summaries=(
            "Frauen aus vielen Ländern frühstücken gemeinsam – {day} {time}.",
            "Reden, lachen, sich gegenseitig helfen: Frauenfrühstück in {district}.",
            "Gemütliches Frühstück nur für Frauen, Kinder unter 3 Jahren dürfen mit.",
        ),
        texts=(
            "Beim Frauenfrühstück sitzen Frauen aus Syrien, der Türkei, der Ukraine, Afghanistan "
            "und Deutschland an einem Tisch. Manchmal kommt eine Referentin zu Themen wie "
            "Gesundheit oder Rente, meistens wird einfach erzählt.",
            "Jede bringt etwas mit – Brot, Käse, Oliven, Kuchen. Wir freuen uns auf dich!",
            "Frauenfrühstück · {weekday}, {time} · {place} · ohne Anmeldung",
        ),
    ),
    Kind(
        key="naehcafe", topics=("frauen", "kultur"),
        groups=("frauen",), extra_groups=("migrationshintergrund", "neuzugewanderte", "senioren"),
        langs=("tr", "ar", "uk", "ru"), hosts=("frauen", "nachbarschaft"),
        slots=(("14:00", "17:00"), ("18:00", "20:30")), registration=0.3,
        costs=(FREE, "3 € Materialkosten pro Termin"),
        titles=("Nähcafé {district}", "Nähcafé „Faden und Freundschaft“", "Nähen und Reparieren im {place}"),
        summaries=(
            "Nähmaschinen sind da: Kleidung ändern, Neues nähen, voneinander lernen – {day} {time}.",
            "Nähcafé für Anfängerinnen und Profis, Stoffe gibt es gespendet.",
            "Frauen nähen zusammen und sprechen dabei Deutsch – in {city}.",
        ),
        texts=(
            "Im Nähcafé stehen fünf Nähmaschinen und eine Overlock bereit. Erfahrene Näherinnen "
            "zeigen, wie es geht. Wer nicht nähen möchte, kommt zum Reden und Teetrinken.",
            "Bring deine Hose zum Kürzen oder deinen Lieblingsstoff mit. Garn, Nadeln und Scheren "
            "haben wir. Nur für Frauen.",
        ),
    ),
    Kind(
        key="frauenberatung", topics=("frauen", "beratung"), when="office", scope="both",
        groups=("frauen",), extra_groups=("gefluechtete", "migrationshintergrund", "jugendliche"),
        langs=("tr", "ar", "fa", "uk", "en", "ru"), hosts=("frauen",), multi_place=0.2, online=0.2,
        slots=(("09:00", "13:00"), ("14:00", "16:00")), registration=0.8, costs=(FREE,),
        titles=("Frauenberatung {city}", "Beratung für Frauen und Mädchen", "Frauenberatungsstelle – Sprechstunde {district}"),
        summaries=(
            "Vertrauliche Beratung bei Gewalt, Trennung, Stress in der Familie – auf Wunsch anonym.",
            "Frauen beraten Frauen: Trennung, Aufenthalt, Schutz, Geld. Sprechstunde {day} {time}.",
            "Beratung für Frauen in Krisen, mit Dolmetscherinnen in vielen Sprachen.",
        ),
        texts=(
            "Wir beraten Frauen und Mädchen ab 16 Jahren bei häuslicher Gewalt, Zwangsheirat, "
            "Trennung und Scheidung sowie in persönlichen Krisen. Wir informieren über "
            "Schutzmöglichkeiten, begleiten zu Behörden und Gerichten und vermitteln Plätze im "
            "Frauenhaus. Die Beratung ist kostenlos und vertraulich.",
            "Sie sind nicht allein. Rufen Sie uns an oder kommen Sie in die Sprechstunde. In "
            "akuten Notlagen: Hilfetelefon Gewalt gegen Frauen 116 016, rund um die Uhr.",
        ),
    ),
    Kind(
        key="frauenschwimmen", topics=("sport", "frauen"), when="course", meetings=1,
        groups=("frauen", "migrationshintergrund"), extra_groups=("neuzugewanderte",),
        langs=("ar", "tr", "fa"), hosts=("sport", "frauen"), age=(16, None),
        slots=(("19:00", "20:30"), ("18:00", "19:00")), registration=1.0, days=(0, 2, 4),
        costs=("40 € für 10 Termine", "25 € inkl. Eintritt", FREE),
        venues=("Hallenbad {district}", "Lehrschwimmbecken der Grundschule {district}"),
        titles=("Schwimmkurs für Frauen", "Frauenschwimmen – Anfängerinnenkurs {city}",
                "Schwimmen lernen nur für Frauen ({district})"),
        summaries=(
            "Schwimmen lernen in geschützter Atmosphäre: nur Frauen, weibliches Personal, Sichtschutz.",
            "Anfängerinnen-Schwimmkurs in {city}, zehn Termine ab {start}, {day} {time}.",
            "Ein Kurs für Frauen, die nie schwimmen gelernt haben – Burkini ist erlaubt.",
        ),
        texts=(
            "Viele Frauen hatten nie die Gelegenheit, schwimmen zu lernen. In unserem Kurs ist die "
            "Halle nur für Frauen geöffnet, die Fenster sind abgedeckt und es unterrichten "
            "Trainerinnen. Wir beginnen im flachen Wasser und üben in kleinen Schritten. "
            "Schwimmkleidung nach eigener Wahl, auch Burkini, ist willkommen.",
            "Schwimmkurs für Frauen\n- Start: {start}\n- {weekday}, {time}\n- {place}\n- Kosten: {cost}\n"
            "- Anmeldung bis {deadline}",
        ),
    ),
    Kind(
        key="fussball", topics=("sport",),
        groups=("jugendliche", "kinder", "migrationshintergrund"), extra_groups=("gefluechtete",),
        langs=("ar", "en", "fr", "ti", "so"), hosts=("sport", "jugend"), age=(8, 18),
        slots=(("17:00", "18:30"), ("16:30", "18:00")), meetings=2, registration=0.0,
        costs=(FREE, "Vereinsbeitrag 8 € im Monat, BuT möglich"),
        venues=("Sportplatz {district}", "Turnhalle der Gesamtschule {district}"),
        titles=("Offenes Fußballtraining {district}", "Fußball für alle – {city}", "Kicken ohne Grenzen"),
        summaries=(
            "Mitkicken ohne Vereinsmitgliedschaft: {days} {time}, für Kinder und Jugendliche von {age}.",
            "Fußballtraining für Mädchen und Jungen – Schuhe können gestellt werden.",
            "Offenes Training in {district}, später ist ein Vereinseintritt möglich.",
        ),
        texts=(
            "Beim offenen Training kann jede und jeder mitmachen, auch ohne Vereinsmitgliedschaft. "
            "Wer bleiben will, wird Mitglied – der Beitrag kann über das Bildungs- und "
            "Teilhabepaket (BuT) bezahlt werden. Fußballschuhe und Trikots haben wir zum Ausleihen.",
            "Komm einfach zum Platz! Sportsachen und Wasserflasche mitbringen.",
        ),
    ),
    Kind(
        key="radfahrkurs", topics=("sport",), when="course", meetings=2,
        groups=("frauen", "neuzugewanderte"), extra_groups=("migrationshintergrund", "senioren"),
        langs=("ar", "fa", "ti", "ps"), hosts=("sport", "frauen", "fahrrad"),
        slots=(("10:00", "12:00"), ("17:00", "19:00")), registration=1.0,
        costs=(FREE, "10 € für den ganzen Kurs"),
        titles=("Radfahren lernen für Erwachsene", "Fahrradkurs für Frauen {city}", "Sicher aufs Rad – {district}"),
        summaries=(
            "Radfahren lernen als Erwachsene – Räder und Helme werden gestellt, Start {start}.",
            "Auf dem Schulhof üben, dann die ersten Touren im Verkehr: Radkurs für Einsteigerinnen.",
            "Fahrradkurs mit Verkehrsregeln, {days} {time}.",
        ),
        texts=(
            "Fahrradfahren bedeutet Freiheit – zur Arbeit, zum Einkaufen, zum Deutschkurs. In "
            "unserem Kurs lernen Erwachsene, die noch nie Rad gefahren sind, das Gleichgewicht "
            "halten, Bremsen, Kurven und die wichtigsten Verkehrsregeln. Ehrenamtliche Trainerinnen "
            "begleiten jede Teilnehmerin einzeln.",
            "Radkurs ab {start}. Räder und Helme sind da. Bitte feste Schuhe tragen.",
        ),
    ),
    Kind(
        key="fahrradwerkstatt", topics=("sport", "ehrenamt"),
        groups=("alle", "gefluechtete"), extra_groups=("jugendliche", "neuzugewanderte"),
        langs=("ar", "fa", "en"), hosts=("fahrrad", "nachbarschaft"),
        slots=(("15:00", "18:00"), ("10:00", "13:00")), registration=0.0,
        costs=(FREE, "Ersatzteile zum Selbstkostenpreis"),
        titles=("Fahrradwerkstatt {district}", "Offene Fahrradwerkstatt {city}", "Fahrrad-Reparaturtreff"),
        summaries=(
            "Fahrräder gemeinsam reparieren – Werkzeug und Hilfe sind da, {day} {time}.",
            "Gespendete Fahrräder werden hergerichtet und an Menschen mit wenig Geld weitergegeben.",
            "Offene Werkstatt in {district}: Platten flicken, Bremsen einstellen, Licht reparieren.",
        ),
        texts=(
            "In der Fahrradwerkstatt reparieren Ehrenamtliche zusammen mit den Besucherinnen und "
            "Besuchern Fahrräder. Hilfe zur Selbsthilfe: Du schraubst, wir zeigen wie. Gespendete "
            "Räder werden hergerichtet und günstig abgegeben.",
            "Werkstatt offen {weekday}s {time}. Ohne Anmeldung. Wer mitschrauben möchte, ist als "
            "Ehrenamtliche oder Ehrenamtlicher herzlich willkommen.",
        ),
    ),
    Kind(
        key="lauftreff", topics=("sport",),
        groups=("alle", "migrationshintergrund"), extra_groups=("frauen", "senioren"),
        langs=("en", "uk", "pl"), hosts=("sport",), venues=("Stadtpark {district}", "Sportplatz {district}"), slots=(("18:30", "19:30"), ("09:00", "10:00")),
        registration=0.0, costs=(FREE,), days=(1, 3, 5),
        titles=("Lauftreff international {district}", "Gemeinsam laufen – {city}", "Walking-Gruppe {district}"),
        summaries=(
            "Laufen oder Walken in gemischter Gruppe, Tempo nach Wunsch – Treffpunkt {place}.",
            "Bewegung an der frischen Luft und nebenbei Deutsch sprechen, {day} {time}.",
            "Kostenloser Lauftreff für Anfängerinnen und Anfänger in {city}.",
        ),
        texts=(
            "Wir laufen in zwei Gruppen: langsam und etwas schneller. Niemand wird "
            "zurückgelassen. Nach dem Laufen gibt es Wasser und Obst.",
            "Treffpunkt ist {weekday}s um {time} am {place}. Bei Gewitter fällt der Treff aus.",
        ),
    ),
]
