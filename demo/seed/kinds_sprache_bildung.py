"""Offer kinds for the topics Sprache and Bildung und Schule."""
# ruff: noqa: E501 -- long German text templates read better unwrapped

from .common import FREE, INSTITUTION, Kind

KINDS = [
    Kind(
        key="sprachcafe", topics=("sprache", "kultur"), weight=2,
        groups=("migrationshintergrund", "neuzugewanderte"), extra_groups=("alle", "gefluechtete"),
        langs=("ar", "uk", "fa", "tr"), hosts=("nachbarschaft", "religion", "sprache", "kultur"),
        slots=(("15:00", "17:00"), ("16:30", "18:30"), ("10:00", "12:00")), registration=0.0,
        titles=("Sprachcafé {district}", "Sprachcafé „Deutsch bei Tee“ in {city}",
                "Sprachcafé im {place}", "Internationales Sprachcafé {city}-{district}"),
        summaries=(
            "Deutsch sprechen üben in entspannter Runde – {day} von {time} im {place}.",
            "Ohne Anmeldung, ohne Kosten: Unterhaltung auf Deutsch bei Kaffee und Tee in {city}.",
            "Ehrenamtliche und Neuzugewanderte treffen sich {day} zum Reden, Lachen und Lernen.",
            "Wer Deutsch lernt, kann hier in {district} ohne Druck sprechen – alle Niveaus willkommen.",
        ),
        texts=(
            "Kommt vorbei! Bei Tee und Kuchen reden wir über Gott und die Welt – auf Deutsch, "
            "aber ganz ohne Druck. Egal ob ihr gerade erst angekommen seid oder schon B1 habt: "
            "Jede und jeder ist willkommen. Wir sind ein Team von Ehrenamtlichen aus {city} und "
            "freuen uns auf euch.",
            "Das Sprachcafé bietet Menschen, die Deutsch lernen, die Gelegenheit, ihre "
            "Sprachkenntnisse im Gespräch anzuwenden. Ehrenamtliche Gesprächspartnerinnen und "
            "-partner begleiten kleine Tischgruppen. Themen sind Alltag, Arbeit, Schule und "
            "Freizeit. Eine Anmeldung ist nicht erforderlich.",
            "Sprachcafé – {weekday}s, {time}\n- Ort: {place}, {street}\n- ohne Anmeldung\n"
            "- kostenlos\n- Getränke und Gebäck sind da\nEinfach reinkommen!",
            "Jeden {weekday} öffnen wir die Türen des {place} für alle, die Deutsch sprechen "
            "üben möchten. Manche kommen seit Jahren, andere sind zum ersten Mal da. Oft "
            "entstehen aus den Gesprächen Freundschaften, Hilfe bei der Wohnungssuche oder ein "
            "Tipp für den nächsten Deutschkurs. Kinder dürfen mitgebracht werden, im Nebenraum "
            "gibt es Spielsachen.",
        ),
    ),
    Kind(
        key="integrationskurs", topics=("sprache",), when="course", meetings=4,
        groups=("neuzugewanderte", "migrationshintergrund"), extra_groups=("gefluechtete",),
        langs=(), hosts=("integrationskurs",), childcare=0.3, registration=1.0, venues=INSTITUTION,
        slots=(("08:30", "12:45"), ("13:30", "17:45")), days=(0, 1, 2, 3, 4), scope="both",
        costs=("Teilnahmebeitrag 1,95 € pro Unterrichtsstunde, Befreiung möglich",
               "kostenlos mit Verpflichtung durch Jobcenter oder Ausländerbehörde; sonst 1,95 € "
               "pro Unterrichtsstunde"),
        titles=("Integrationskurs (BAMF) in {city}", "Allgemeiner Integrationskurs {level}",
                "BAMF-Integrationskurs – Vormittagskurs {district}", "Integrationskurs mit Orientierungskurs"),
        summaries=(
            "Integrationskurs nach den Vorgaben des BAMF mit Sprachkurs und Orientierungskurs, Start am {start}.",
            "Deutsch bis B1 und der Abschluss mit dem DTZ: neuer Kurs ab {start} in {city}, {days}.",
            "Der Integrationskurs umfasst 700 Unterrichtsstunden; Anmeldung bis {deadline}.",
        ),
        texts=(
            "Der Integrationskurs besteht aus einem Sprachkurs (600 Unterrichtsstunden) und einem "
            "Orientierungskurs (100 Unterrichtsstunden) zu Rechtsordnung, Geschichte und Kultur "
            "in Deutschland. Er endet mit dem Deutsch-Test für Zuwanderer (DTZ) und dem Test "
            "„Leben in Deutschland“. Voraussetzung ist eine Berechtigung oder Verpflichtung durch "
            "das BAMF, die Ausländerbehörde oder das Jobcenter. Wir beraten Sie gern vorab.",
            "Neuer Kurs ab {start}! Unterricht {days} von {time}. Sie haben noch keine "
            "Berechtigung? Kommen Sie zur Einstufung, wir helfen beim Antrag beim BAMF. "
            "Fahrtkosten können erstattet werden.",
            "Integrationskurs {level} – Vormittagskurs\nBeginn: {start}\nEnde: voraussichtlich {end}\n"
            "Anmeldeschluss: {deadline}\nKosten: {cost}\nMitbringen: Aufenthaltsdokument, "
            "Berechtigungsschein, falls vorhanden",
        ),
    ),
    Kind(
        key="deutschkurs_ehrenamt", topics=("sprache",),
        groups=("neuzugewanderte", "gefluechtete"), extra_groups=("migrationshintergrund", "senioren"),
        langs=("ar", "fa", "uk", "ku", "ti", "so"), hosts=("religion", "nachbarschaft", "sprache"),
        slots=(("10:00", "11:30"), ("17:00", "18:30"), ("18:00", "19:30")), registration=0.3,
        costs=(FREE, FREE, "5 € pro Termin", "kostenlos, Spenden willkommen"), levels=("A1", "A2"),
        titles=("Deutsch für Anfänger ({level})", "Deutschkurs am Nachmittag – {district}",
                "Deutsch lernen im {place}", "Ehrenamtlicher Deutschkurs {city}"),
        summaries=(
            "Ehrenamtlicher Deutschkurs für Menschen, die noch keinen Platz im Integrationskurs haben.",
            "Erste Schritte auf Deutsch: Niveau {level}, {day} von {time}, {in_city}.",
            "Kleine Gruppe, viel Geduld: Deutsch lernen mit Ehrenamtlichen in {district}.",
            "Deutschunterricht ohne Vorkenntnisse, auch für Menschen, die noch lesen lernen.",
        ),
        texts=(
            "Sie warten auf einen Platz im Integrationskurs oder haben keinen Anspruch? In unserem "
            "Deutschkurs lernen Sie die wichtigsten Wörter und Sätze für den Alltag: beim Arzt, "
            "beim Einkaufen, in der Schule Ihrer Kinder. Der Kurs wird von erfahrenen "
            "Ehrenamtlichen geleitet.",
            "Wir lernen {day} zusammen Deutsch – langsam, mit vielen Bildern und Spielen. Bitte "
            "Heft und Stift mitbringen. Wer nicht lesen und schreiben kann, ist trotzdem "
            "willkommen!",
            "Deutschkurs {level}\n{weekday}, {time}\n{place}\nKosten: {cost}\nEinstieg jederzeit möglich.",
        ),
    ),
    Kind(
        key="alphakurs", topics=("sprache", "bildung"), when="course", meetings=3,
        groups=("neuzugewanderte", "migrationshintergrund"), extra_groups=("gefluechtete", "frauen"),
        langs=("ar", "ku", "ti", "ps"), hosts=("integrationskurs", "bildung"), childcare=0.4, venues=INSTITUTION,
        slots=(("09:00", "12:15"),), registration=1.0, levels=("A1",),
        costs=("Teilnahmebeitrag 1,95 € pro Unterrichtsstunde, Befreiung möglich", FREE),
        titles=("Integrationskurs mit Alphabetisierung", "Alphabetisierungskurs {city}",
                "Lesen und Schreiben lernen – Alphakurs in {district}"),
        summaries=(
            "Für Menschen, die nie oder kaum lesen und schreiben gelernt haben: Alphakurs ab {start}.",
            "Lesen, Schreiben und Deutsch zugleich lernen – mit viel Zeit und kleinen Gruppen in {city}.",
            "Alphabetisierung in lateinischer Schrift, auch für Zweitschriftlernende; Kursstart {start}.",
        ),
        texts=(
            "Der Integrationskurs mit Alphabetisierung richtet sich an Menschen, die in ihrer "
            "Herkunftssprache nicht oder nur wenig lesen und schreiben können, sowie an "
            "Zweitschriftlernende. Er umfasst bis zu 1.300 Unterrichtsstunden. Die Gruppen sind "
            "klein, das Lerntempo ist angepasst.",
            "Sie möchten lesen und schreiben lernen? Bei uns ist das kein Problem. Wir lernen "
            "Buchstaben, Wörter und einfache Sätze – Schritt für Schritt. Eine Einstufung vor "
            "Kursbeginn ist kostenlos. Anmeldung bis {deadline}.",
        ),
    ),
    Kind(
        key="berufssprachkurs", topics=("sprache", "arbeit"), when="course", meetings=3,
        groups=("migrationshintergrund", "fachkraefte"), extra_groups=("neuzugewanderte",),
        hosts=("integrationskurs", "arbeit"), venues=INSTITUTION, slots=(("17:30", "20:45"), ("08:30", "12:45")),
        registration=1.0, levels=("B2", "C1"), scope="both", online=0.2,
        costs=("kostenlos für Beschäftigte mit Berechtigung; sonst 2,32 € pro Unterrichtsstunde",
               "kostenlos mit Bildungsgutschein"),
        titles=("Berufssprachkurs {level} (DeuFöV)", "Berufssprachkurs {level} am Abend – {city}",
                "Deutsch für den Beruf {level}"),
        summaries=(
            "Berufsbezogene Deutschsprachförderung auf Niveau {level}, {days} von {time}.",
            "Für alle, die im Job besser Deutsch sprechen wollen: Abendkurs {level} ab {start}.",
            "Fachsprache, E-Mails, Telefonate: Berufssprachkurs mit Zertifikatsprüfung.",
        ),
        texts=(
            "Der Berufssprachkurs bereitet auf die Kommunikation am Arbeitsplatz vor und schließt "
            "mit einer Zertifikatsprüfung ({level}) ab. Voraussetzung ist in der Regel ein "
            "abgeschlossener Integrationskurs. Die Zulassung erfolgt über das BAMF, Jobcenter "
            "oder die Agentur für Arbeit.",
            "Sie arbeiten schon und möchten Ihr Deutsch verbessern? Der Abendkurs passt neben "
            "den Job. Wir üben Telefonate, E-Mails, Besprechungen und Fachwortschatz.",
            "Kursbeginn {start} · {days} · {time} · Prüfung {level} · Anmeldung bis {deadline}",
        ),
    ),
    Kind(
        key="dtz_vorbereitung", topics=("sprache",), when="course", meetings=1,
        groups=("neuzugewanderte",), extra_groups=("migrationshintergrund",),
        langs=("en", "ar", "ru"), hosts=("sprache", "bildung", "integrationskurs"),
        slots=(("18:00", "20:00"), ("14:00", "16:00")), registration=1.0, levels=("A2", "B1"),
        costs=("5 € pro Termin", FREE, "20 € für den ganzen Kurs"),
        titles=("DTZ-Vorbereitung: Prüfungstraining B1", "Fit für den DTZ – {city}",
                "Prüfungstraining Deutsch-Test für Zuwanderer"),
        summaries=(
            "Sechs Abende Prüfungstraining für den Deutsch-Test für Zuwanderer (DTZ), Beginn {start}.",
            "Hören, Lesen, Schreiben, Sprechen: gezielt üben vor der B1-Prüfung in {city}.",
            "Letzter Schliff vor dem DTZ – Übungstests und Tipps, {day} {time}.",
        ),
        texts=(
            "Die Prüfung steht bald an? Wir machen Übungstests unter echten Bedingungen und "
            "besprechen die typischen Fehler. Besonders der mündliche Teil wird trainiert.",
            "Der Kurs wiederholt prüfungsrelevante Grammatik und Wortschatz auf Niveau A2/B1 und "
            "übt alle Prüfungsteile des DTZ. Er ersetzt keinen Integrationskurs.",
        ),
    ),
    Kind(
        key="online_deutsch", topics=("sprache",), when="online", scope="kreisweit",
        groups=("neuzugewanderte", "migrationshintergrund"), extra_groups=("jugendliche", "familien"),
        langs=("en", "uk", "ar", "fa", "ru"), hosts=("online",), registration=0.8,
        slots=(("19:00", "20:30"),), costs=(FREE,),
        titles=("Online-Deutschkurs am Abend", "Deutsch online üben – Videokurs",
                "Digitales Sprachcafé"),
        summaries=(
            "Deutsch lernen von zu Hause: Videokurs {day} von {time}, Zugangslink nach Anmeldung.",
            "Online-Sprachtreff für alle, die abends Zeit haben – mit Smartphone oder Laptop.",
            "Per Video Deutsch sprechen üben, Niveau A2 bis B1.",
        ),
        texts=(
            "Sie haben tagsüber keine Zeit für einen Deutschkurs? Dann machen Sie online mit. "
            "Sie brauchen nur ein Smartphone, ein Tablet oder einen Laptop mit Internet. Den Link "
            "bekommen Sie nach der Anmeldung per E-Mail oder Messenger.",
            "Online-Kurs\n- {weekday}, {time}\n- Niveau A2–B1\n- kleine Gruppen bis 10 Personen\n"
            "- Technikhilfe beim ersten Termin",
        ),
    ),
    Kind(
        key="hausaufgabenhilfe", topics=("bildung",), weight=2,
        groups=("kinder", "migrationshintergrund"), extra_groups=("neuzugewanderte", "jugendliche"),
        langs=("ar", "tr", "uk"), hosts=("lernhilfe", "bildung", "jugend", "religion"), age=(6, 14),
        slots=(("14:00", "16:00"), ("14:30", "16:30"), ("13:30", "15:30")), meetings=2,
        registration=0.5, costs=(FREE, FREE, "10 € im Monat, BuT-Erstattung möglich"),
        titles=("Hausaufgabenhilfe {district}", "Hausaufgabenhilfe im {place}",
                "Lernhilfe und Hausaufgabenbetreuung {city}", "Hausaufgaben-Treff für Grundschulkinder"),
        summaries=(
            "Hausaufgabenhilfe für Kinder von {age} – {days} von {time}.",
            "Nach der Schule gemeinsam Hausaufgaben machen: Ehrenamtliche helfen bei Mathe, Deutsch und Englisch.",
            "Kinder aus {district} bekommen Unterstützung bei den Hausaufgaben; auch Seiteneinsteiger sind willkommen.",
            "Lernhilfe in kleinen Gruppen im {place}; Kosten über Bildung und Teilhabe (BuT) möglich.",
        ),
        texts=(
            "Nach der Schule kommen die Kinder zu uns und machen ihre Hausaufgaben. Ehrenamtliche "
            "Lernhelferinnen und Lernhelfer erklären, was im Unterricht nicht klar war, und üben "
            "Lesen und Rechnen. Danach gibt es einen Snack und Zeit zum Spielen.",
            "Die Hausaufgabenhilfe unterstützt Schülerinnen und Schüler der Klassen 1 bis 7, "
            "insbesondere Kinder, deren Eltern selbst nicht bei den Hausaufgaben helfen können. "
            "Eine Anmeldung durch die Eltern ist erwünscht. Kosten können über das Bildungs- und "
            "Teilhabepaket (BuT) übernommen werden – wir helfen beim Antrag.",
            "Hausaufgabenhilfe\nWann: {days}, {time}\nWo: {place}, {street}\nFür: Kinder von {age}\n"
            "Bitte mitbringen: Hausaufgabenheft, Mäppchen",
        ),
    ),
    Kind(
        key="seiteneinsteiger", topics=("bildung", "sprache"),
        groups=("kinder", "jugendliche", "neuzugewanderte"), extra_groups=("familien",),
        langs=("uk", "ar", "ro", "bg"), hosts=("lernhilfe", "jugend", "ki"), age=(10, 18),
        slots=(("15:00", "17:00"),), registration=1.0, costs=(FREE,),
        titles=("Lernpatenschaften für Seiteneinsteiger", "Deutsch-Förderung für neu zugewanderte Schülerinnen und Schüler",
                "Fit in der Schule – {district}"),
        summaries=(
            "Neu in der Schule, neu in Deutschland? Lernpatinnen und -paten üben einmal pro Woche Deutsch und Schulfächer.",
            "Förderung für Kinder und Jugendliche in Vorbereitungsklassen, {day} in {city}.",
            "Einzel- und Kleingruppenförderung für Seiteneinsteiger aus {district} und Umgebung.",
        ),
        texts=(
            "Kinder und Jugendliche, die neu nach Deutschland gekommen sind, besuchen oft zuerst "
            "eine Sprachfördergruppe oder eine internationale Klasse. Unsere Lernpatinnen und "
            "Lernpaten begleiten sie zusätzlich beim Deutschlernen und bei den Hausaufgaben. "
            "Die Vermittlung erfolgt über die Schule oder direkt bei uns.",
            "Du bist neu in der Schule und verstehst noch nicht alles? Komm {day} zu uns. Wir "
            "lernen zusammen Deutsch, Mathe und was du sonst brauchst.",
        ),
    ),
    Kind(
        key="kita_bruecke", topics=("bildung", "familie"),
        groups=("familien", "kinder", "neuzugewanderte"), extra_groups=("migrationshintergrund", "gefluechtete"),
        langs=("ar", "uk", "tr", "ro", "bg"), hosts=("familie", "jugend", "stadt"), age=(1, 6),
        slots=(("09:00", "11:30"),), meetings=2, registration=1.0, childcare=0.0, costs=(FREE,),
        titles=("Kita-Brückenangebot {district}", "Spielgruppe vor der Kita", "Brückenprojekt „Ankommen in der Kita“"),
        summaries=(
            "Spielgruppe für Kinder ohne Kitaplatz, mit ihren Eltern – {days} {time}.",
            "Erste Schritte in Richtung Kita: Kinder spielen, Eltern erfahren, wie Kita in Deutschland funktioniert.",
            "Brückenangebot in {city} für Familien, die auf einen Kitaplatz warten.",
        ),
        texts=(
            "Im Brückenangebot spielen Kinder, die noch keinen Kitaplatz haben, zweimal pro Woche "
            "in einer kleinen Gruppe. Die Eltern sind dabei und erfahren nebenbei viel über Kita, "
            "Anmeldung und Elternbeiträge. Wir helfen auch bei der Anmeldung im Kita-Portal der Stadt.",
            "Ihr Kind ist zwischen 1 und 6 Jahren alt und hat noch keinen Kita-Platz? Kommen Sie "
            "mit ihm zur Spielgruppe! Wir singen, basteln und spielen draußen. Anmeldung bitte "
            "telefonisch.",
        ),
    ),
    Kind(
        key="schulabschluss", topics=("bildung", "arbeit"), when="course", meetings=4,
        groups=("jugendliche", "migrationshintergrund"), extra_groups=("neuzugewanderte",),
        hosts=("bildung",), age=(16, 27), venues=INSTITUTION, slots=(("08:15", "13:00"),), registration=1.0,
        costs=(FREE,), scope="city",
        titles=("Hauptschulabschluss nachholen", "Schulabschluss für junge Zugewanderte – {city}",
                "Abschlusskurs HSA 10"),
        summaries=(
            "In einem Jahr zum Hauptschulabschluss nach Klasse 9 oder 10, Beginn {start}.",
            "Vollzeitlehrgang für junge Erwachsene ohne anerkannten Schulabschluss in {city}.",
            "Schulabschluss nachholen mit Deutschförderung und Praktikum – kostenlos.",
        ),
        texts=(
            "Der Lehrgang führt in zwei Semestern zum Hauptschulabschluss. Unterrichtet werden "
            "Deutsch, Mathematik, Englisch sowie Gesellschaftslehre; eine zusätzliche "
            "Deutschförderung ist integriert. Voraussetzung ist Deutsch auf Niveau B1.",
            "Kein Abschluss aus dem Heimatland anerkannt? Hol ihn hier nach! Start ist am "
            "{start}, Anmeldeschluss {deadline}. Vorher gibt es ein Beratungsgespräch.",
        ),
    ),
    Kind(
        key="digitalkurs", topics=("bildung",), when="course", meetings=1,
        groups=("migrationshintergrund", "senioren"), extra_groups=("frauen", "neuzugewanderte"),
        langs=("tr", "ru", "ar"), hosts=("bildung", "nachbarschaft"),
        slots=(("10:00", "12:00"), ("17:00", "19:00")), registration=1.0,
        costs=("5 € pro Termin", FREE, "30 € für 6 Termine"),
        titles=("Smartphone-Kurs: Online-Termine und Behörden-Apps", "Digital fit in {city}",
                "Computer-Grundkurs für Einsteigerinnen und Einsteiger"),
        summaries=(
            "E-Mails, Online-Formulare, Termine buchen: Smartphone und Computer sicher nutzen, ab {start}.",
            "Kleiner Computerkurs mit viel Zeit für Fragen – {day} im {place}.",
            "Digitale Behördengänge verstehen: ELSTER, Online-Termine, Jobcenter-App.",
        ),
        texts=(
            "Immer mehr Termine und Anträge laufen über das Internet. In sechs Treffen lernen Sie, "
            "wie Sie mit Ihrem Smartphone oder einem Laptop E-Mails schreiben, Dokumente "
            "fotografieren und hochladen und Termine online buchen. Eigene Geräte gern mitbringen.",
            "Ein Kurs für alle, die sich mit Computern noch unsicher fühlen. Wir gehen langsam "
            "vor und erklären jeden Schritt. Erklärungen bei Bedarf auch auf Türkisch oder Russisch.",
        ),
    ),
]
