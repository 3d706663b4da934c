"""Offer kinds for the topics Arbeit und Ausbildung, Beratung, Recht und Aufenthalt."""
# ruff: noqa: E501 -- long German text templates read better unwrapped

from .common import FREE, OFFICE, Kind

KINDS = [
    Kind(
        key="bewerbungstraining", topics=("arbeit",), when="course", meetings=2,
        groups=("migrationshintergrund", "jugendliche"), extra_groups=("frauen", "neuzugewanderte"),
        langs=("en", "tr", "pl", "ar"), hosts=("arbeit", "bildung"), scope="both",
        slots=(("09:00", "12:00"), ("13:00", "15:30")), registration=1.0,
        costs=(FREE, "kostenlos mit Bildungsgutschein des Jobcenters"),
        titles=("Bewerbungstraining für Zugewanderte", "Bewerbungstraining kompakt – {city}",
                "Fit für die Bewerbung", "Bewerbungswerkstatt {district}"),
        summaries=(
            "Lebenslauf, Anschreiben, Vorstellungsgespräch: in vier Wochen zur vollständigen Bewerbungsmappe.",
            "Bewerbungen schreiben und Vorstellungsgespräche üben – {days} ab {start}.",
            "Wir machen Ihre Bewerbungsunterlagen fertig und üben das Gespräch mit echten Personalern.",
        ),
        texts=(
            "Im Bewerbungstraining erstellen die Teilnehmenden einen Lebenslauf nach deutschen "
            "Standards, formulieren Anschreiben und trainieren Vorstellungsgespräche in "
            "Rollenspielen. Zeugnisse und Abschlüsse aus dem Ausland werden auf Anerkennung geprüft.",
            "Du suchst Arbeit oder einen Ausbildungsplatz? Wir helfen dir bei deiner Bewerbung – "
            "vom Foto bis zum Gespräch. Bring mit, was du hast: Zeugnisse, alte Lebensläufe, Ideen.",
            "Bewerbungstraining\n- Start: {start}\n- {days}, {time}\n- max. 12 Personen\n"
            "- Anmeldung über Jobcenter oder direkt bei uns",
        ),
    ),
    Kind(
        key="jobcoaching", topics=("arbeit", "beratung"), when="office",
        groups=("migrationshintergrund", "neuzugewanderte"), extra_groups=("gefluechtete", "frauen"),
        langs=("en", "ar", "tr", "pl", "ro"), hosts=("arbeit",), scope="both", multi_place=0.3,
        slots=(("09:00", "12:00"), ("13:00", "16:00")), registration=0.8, costs=(FREE,),
        titles=("Jobcoaching für Zugewanderte – {city}", "Jobcoaching und Arbeitsmarktberatung",
                "Sprechstunde Arbeit und Beruf {district}"),
        summaries=(
            "Persönliches Jobcoaching: Wir begleiten Sie bis in die Arbeit und darüber hinaus.",
            "Beratung zu Arbeit, Ausbildung und Weiterbildung, offene Sprechstunde {day} {time}.",
            "Einzelcoaching in Kooperation mit dem Jobcenter – auch für Menschen ohne Deutschkenntnisse auf B1.",
        ),
        texts=(
            "Im Jobcoaching erarbeiten wir gemeinsam mit Ihnen, welche Arbeit zu Ihnen passt, "
            "welche Qualifikationen Sie mitbringen und welche Wege es gibt. Wir stellen Kontakte "
            "zu Betrieben her und begleiten Sie auch nach der Einstellung.",
            "Offene Sprechstunde {day} von {time}. Termine außerhalb der Sprechstunde nach "
            "Vereinbarung. Beratung auch auf Englisch, Türkisch und Polnisch.",
        ),
    ),
    Kind(
        key="anerkennung", topics=("arbeit", "beratung"), when="office", scope="kreisweit",
        groups=("fachkraefte", "migrationshintergrund", "neuzugewanderte"), extra_groups=(),
        langs=("en", "ar", "ru", "uk", "fr"), hosts=("arbeit", "bildung", "ki"), online=0.3,
        slots=(("09:00", "12:00"),), registration=1.0, costs=(FREE,),
        titles=("Anerkennungsberatung für ausländische Berufsabschlüsse", "Beratung zur Anerkennung von Abschlüssen",
                "Abschluss aus dem Ausland? Anerkennungssprechstunde"),
        summaries=(
            "Welche Stelle ist zuständig, welche Unterlagen brauche ich? Beratung zur Anerkennung ausländischer Abschlüsse.",
            "Anerkennung von Berufs- und Studienabschlüssen: kostenlose Beratung nach Terminvereinbarung.",
            "Ärztinnen, Pflegekräfte, Handwerker, Lehrerinnen: Wir klären den Weg zur Anerkennung.",
        ),
        texts=(
            "Viele Zugewanderte bringen einen Berufsabschluss mit, der in Deutschland noch nicht "
            "anerkannt ist. Wir beraten zum Anerkennungsverfahren, zu zuständigen Stellen, "
            "Kosten, Übersetzungen und Anpassungsqualifizierungen. Die Beratung ist kostenlos und "
            "vertraulich.",
            "Bitte bringen Sie zum Termin Kopien Ihrer Zeugnisse und, falls vorhanden, "
            "Übersetzungen mit. Beratung auf Deutsch, Englisch, Arabisch, Russisch und Ukrainisch.",
        ),
    ),
    Kind(
        key="ausbildung", topics=("arbeit", "bildung"),
        groups=("jugendliche", "migrationshintergrund"), extra_groups=("gefluechtete", "neuzugewanderte"),
        langs=("ar", "fa", "ti"), hosts=("arbeit", "jugend", "jmd"), age=(16, 27),
        slots=(("15:00", "17:00"),), registration=0.5, costs=(FREE,),
        titles=("Ausbildungslotsen {city}", "Ausbildung statt Aushilfsjob – Beratung für junge Leute",
                "Azubi-Treff {district}"),
        summaries=(
            "Junge Zugewanderte finden mit Ausbildungslotsen den passenden Ausbildungsplatz.",
            "Welche Ausbildung passt zu mir? Beratung und Begleitung bis zum Ausbildungsvertrag.",
            "Treffen für Azubis mit Nachhilfe für die Berufsschule, {day} {time}.",
        ),
        texts=(
            "Unsere Ausbildungslotsen unterstützen junge Menschen zwischen 16 und 27 Jahren bei "
            "der Berufsorientierung, der Suche nach Praktikum und Ausbildungsplatz und während "
            "der Ausbildung – zum Beispiel bei Problemen in der Berufsschule oder im Betrieb.",
            "Du machst eine Ausbildung und kommst in der Berufsschule nicht mit? Beim Azubi-Treff "
            "lernen wir zusammen für Prüfungen. Pizza gibt es auch.",
        ),
    ),
    Kind(
        key="mbe", topics=("beratung",), when="office", weight=2, multi_place=0.4,
        groups=("migrationshintergrund", "neuzugewanderte"), extra_groups=("gefluechtete", "familien"),
        langs=("ar", "tr", "ru", "fa", "en", "ku"), hosts=("mbe",), scope="both", venues=OFFICE,
        slots=(("09:00", "12:00"), ("14:00", "16:00"), ("10:00", "13:00")), registration=0.6,
        costs=(FREE,),
        titles=("Migrationsberatung für erwachsene Zuwanderer (MBE) {city}", "MBE – Beratungsstelle {district}",
                "Migrationsberatung (MBE)", "MBE-Sprechstunde im {place}"),
        summaries=(
            "Die MBE berät erwachsene Zugewanderte ab 27 Jahren zu Sprache, Arbeit, Aufenthalt, Wohnen und Familie.",
            "Offene Sprechstunde der Migrationsberatung {day} von {time}, sonst nach Termin.",
            "Kostenlose Beratung für Zugewanderte in {city}: Anträge, Behörden, Integrationskurs.",
            "Migrationsberatung in {district}: wir helfen bei Briefen von Behörden, Anträgen und der Suche nach einem Kurs.",
        ),
        texts=(
            "Die Migrationsberatung für erwachsene Zuwanderer (MBE) berät Menschen ab 27 Jahren "
            "in den ersten Jahren nach der Einreise. Themen sind unter anderem Integrationskurs, "
            "Anerkennung, Arbeit, Wohnen, Gesundheit und Familie. Die Beratung ist kostenlos, "
            "vertraulich und unabhängig vom Aufenthaltsstatus. Gefördert durch das "
            "Bundesministerium des Innern.",
            "Sie haben einen Brief vom Amt bekommen und verstehen ihn nicht? Sie suchen einen "
            "Integrationskurs? Kommen Sie in unsere offene Sprechstunde {day} von {time}. Bringen "
            "Sie Ihre Unterlagen mit.",
            "MBE\nSprechzeiten: {weekday} {time}, weitere Termine nach Vereinbarung\n"
            "Beratung in mehreren Sprachen\nkostenlos · vertraulich",
        ),
    ),
    Kind(
        key="jmd", topics=("beratung", "familie"), when="office", weight=2,
        groups=("jugendliche", "neuzugewanderte", "migrationshintergrund"), extra_groups=("gefluechtete",),
        langs=("ar", "uk", "ru", "fa", "en"), hosts=("jmd",), age=(12, 27), scope="both", venues=OFFICE,
        multi_place=0.3, slots=(("10:00", "13:00"), ("14:00", "17:00")), registration=0.3,
        costs=(FREE,),
        titles=("Jugendmigrationsdienst (JMD) {city}", "JMD – Beratung für junge Menschen",
                "Jugendmigrationsdienst {district}"),
        summaries=(
            "Der JMD begleitet junge Zugewanderte von 12 bis 27 Jahren in Schule, Ausbildung und Beruf.",
            "Beratung für Jugendliche und junge Erwachsene: offene Sprechstunde {day} {time}.",
            "Jugendmigrationsdienst in {city}: Schule, Ausbildung, Aufenthalt – wir hören zu und helfen weiter.",
        ),
        texts=(
            "Der Jugendmigrationsdienst (JMD) unterstützt junge Menschen mit Migrationsgeschichte "
            "zwischen 12 und 27 Jahren. Wir begleiten individuell beim Übergang von der Schule in "
            "Ausbildung und Beruf, beraten zu Sprachkursen und Aufenthaltsfragen und arbeiten mit "
            "Schulen, Eltern und dem Jobcenter zusammen.",
            "Du bist zwischen 12 und 27 und neu in Deutschland? Komm einfach in unsere "
            "Sprechstunde – oder schreib uns vorher per WhatsApp oder E-Mail. Wir sprechen "
            "Deutsch, Englisch, Arabisch und Ukrainisch.",
        ),
    ),
    Kind(
        key="sozialberatung", topics=("beratung",), when="office",
        groups=("migrationshintergrund", "alle"), extra_groups=("familien", "senioren"),
        langs=("tr", "ar", "pl"), hosts=("wohlfahrt", "beratung", "religion"),
        slots=(("09:00", "11:30"), ("14:00", "16:00")), registration=0.4, costs=(FREE,),
        titles=("Allgemeine Sozialberatung {city}", "Sozialberatung und Antragshilfe", "Offene Sozialsprechstunde {district}"),
        summaries=(
            "Hilfe bei Anträgen für Bürgergeld, Wohngeld, Kindergeld und Kinderzuschlag.",
            "Sozialberatung {day} {time}: Anträge, Schulden, Briefe von Ämtern.",
            "Wir füllen mit Ihnen Formulare aus und erklären, welche Hilfen Ihnen zustehen.",
        ),
        texts=(
            "In der Sozialberatung erhalten Sie Unterstützung bei Anträgen an Jobcenter, "
            "Familienkasse und Wohngeldstelle. Wir prüfen Bescheide, helfen bei Widersprüchen und "
            "vermitteln bei Bedarf an Fachstellen wie Schuldnerberatung oder Mieterverein.",
            "Papierkram über den Kopf gewachsen? Kommen Sie vorbei. Wir nehmen uns Zeit.",
        ),
    ),
    Kind(
        key="integrationsbuero", topics=("beratung",), when="office",
        groups=("neuzugewanderte", "migrationshintergrund", "fachkraefte"), extra_groups=("gefluechtete",),
        langs=("en", "ar", "uk"), hosts=("stadt",), slots=(("08:30", "12:00"), ("14:00", "15:30")),
        registration=0.2, costs=(FREE,),
        titles=("Integrationsbüro {city} – offene Sprechstunde", "Erstberatung für Neuzugewanderte in {city}",
                "Willkommen in {city}: Erstanlaufstelle"),
        summaries=(
            "Erste Anlaufstelle der Stadt für Neuzugewanderte und Ehrenamtliche, {day} {time}.",
            "Wer neu in {city} ist, bekommt hier Orientierung: Anmeldung, Kita, Schule, Kurse.",
            "Die Integrationsstelle vermittelt an Beratungsstellen, Sprachkurse und Vereine.",
        ),
        texts=(
            "Das Integrationsbüro ist die erste Anlaufstelle der Stadtverwaltung für Menschen, die "
            "neu nach {city} gekommen sind. Wir informieren über Angebote vor Ort und vermitteln "
            "an die zuständigen Stellen. Auch Ehrenamtliche und Vereine können sich an uns wenden.",
            "Neu in {city}? Wir erklären Ihnen, was Sie in den ersten Wochen erledigen müssen, "
            "und nennen Ihnen Ansprechpersonen für Ihre Fragen.",
        ),
    ),
    Kind(
        key="online_beratung", topics=("beratung",), when="online", scope="kreisweit",
        groups=("migrationshintergrund", "jugendliche"), extra_groups=("neuzugewanderte", "frauen"),
        langs=("en", "ar", "fa", "uk", "ru", "tr"), hosts=("online",), slots=(("10:00", "14:00"),),
        registration=0.0, costs=(FREE,),
        titles=("Online-Beratung per Chat und Video", "Beratung per Messenger", "Digitale Sprechstunde"),
        summaries=(
            "Beratung ohne Wartezimmer: Chat, Video oder Messenger, anonym möglich.",
            "Schreiben Sie uns – wir antworten innerhalb von zwei Werktagen, auch auf Arabisch und Persisch.",
            "Video-Sprechstunde {day} von {time}, ohne Anmeldung.",
        ),
        texts=(
            "Nicht jede oder jeder kann zur Beratungsstelle kommen. Über unsere datensichere "
            "Online-Beratung können Sie uns schreiben oder einen Video-Termin vereinbaren. Sie "
            "brauchen nur eine E-Mail-Adresse.",
            "Digitale Sprechstunde – {weekday}, {time}. Einfach den Link auf unserer Webseite "
            "öffnen. Kein Konto, keine App nötig.",
        ),
    ),
    Kind(
        key="asylverfahrensberatung", topics=("recht", "beratung"), when="office",
        groups=("gefluechtete", "neuzugewanderte"), extra_groups=("familien", "jugendliche"),
        langs=("ar", "fa", "ps", "ti", "ku", "en", "fr"), hosts=("recht",), scope="both",
        multi_place=0.3, slots=(("10:00", "13:00"), ("14:00", "17:00")), registration=0.7,
        costs=(FREE,),
        titles=("Asylverfahrensberatung", "Unabhängige Asylverfahrensberatung {city}",
                "Beratung vor der Anhörung beim BAMF"),
        summaries=(
            "Unabhängige Beratung zum Asylverfahren, zur Anhörung und zu Bescheiden des BAMF.",
            "Vorbereitung auf die Anhörung und Hilfe nach einem ablehnenden Bescheid – schnell Termin machen!",
            "Asylberatung mit Dolmetschenden: Dari, Paschtu, Tigrinya, Arabisch, Kurdisch.",
        ),
        texts=(
            "Wir beraten Asylsuchende unabhängig von Behörden zu allen Fragen des Asylverfahrens: "
            "Ablauf, Anhörung beim BAMF, Dublin-Verfahren, Bescheide und Fristen. Bei einem "
            "ablehnenden Bescheid ist die Frist oft sehr kurz – bitte melden Sie sich sofort.",
            "Termine nach Vereinbarung. In dringenden Fällen (Frist!) auch sofort. Dolmetschende "
            "werden von uns organisiert. Die Beratung ist kostenlos und vertraulich.",
        ),
    ),
    Kind(
        key="einbuergerung", topics=("recht",), when="event",
        groups=("migrationshintergrund", "alle"), extra_groups=("fachkraefte",),
        langs=("tr", "ar", "ru", "pl"), hosts=("stadt", "recht", "ki"), scope="both",
        slots=(("18:00", "20:00"),), registration=1.0, costs=(FREE,),
        titles=("Infoabend Einbürgerung", "Einbürgerung: Was hat sich geändert?", "Deutsch werden – Infoveranstaltung in {city}"),
        summaries=(
            "Voraussetzungen, Einbürgerungstest, Mehrstaatigkeit: Infoabend am {start}.",
            "Alles zur Einbürgerung nach dem neuen Staatsangehörigkeitsrecht, mit Fragerunde.",
            "Die Einbürgerungsbehörde informiert: Ablauf, Unterlagen und Kosten des Antrags.",
        ),
        texts=(
            "Seit der Reform des Staatsangehörigkeitsrechts ist die Einbürgerung schon nach fünf "
            "Jahren möglich, und die bisherige Staatsangehörigkeit muss meist nicht mehr "
            "aufgegeben werden. Am Infoabend erklären Mitarbeitende der Einbürgerungsbehörde die "
            "Voraussetzungen und beantworten Fragen.",
            "Infoabend am {start}, {time}. Die Teilnahme ist kostenlos; wegen begrenzter Plätze "
            "bitte bis {deadline} anmelden.",
        ),
    ),
    Kind(
        key="aufenthalt", topics=("recht", "beratung"), when="office",
        groups=("gefluechtete", "migrationshintergrund"), extra_groups=("familien",),
        langs=("ar", "fa", "ku", "sq", "sr"), hosts=("recht", "wohlfahrt", "beratung"),
        slots=(("15:00", "18:00"),), registration=1.0, costs=(FREE,),
        titles=("Sprechstunde Aufenthaltsrecht {city}", "Beratung Familiennachzug und Aufenthalt",
                "Rechtsberatung für Geflüchtete {district}"),
        summaries=(
            "Fragen zu Duldung, Aufenthaltserlaubnis, Chancen-Aufenthaltsrecht oder Familiennachzug? Wir beraten.",
            "Ehrenamtliche Juristinnen und Juristen beraten {day} zu Aufenthaltsfragen.",
            "Beratung zum Familiennachzug: Visum, Botschaftstermin, Unterlagen.",
        ),
        texts=(
            "In der Sprechstunde beraten wir zu aufenthaltsrechtlichen Fragen: Duldung, "
            "Ausbildungsduldung, Chancen-Aufenthaltsrecht, Niederlassungserlaubnis und "
            "Familiennachzug. Eine Rechtsvertretung vor Gericht können wir nicht übernehmen, "
            "vermitteln aber an Anwältinnen und Anwälte.",
            "Sie möchten Ihre Familie nachholen? Wir erklären die Schritte und prüfen Ihre "
            "Unterlagen. Bitte vorher anrufen.",
        ),
    ),
]
