"""The words a report prints around the user's text, in the seminar's report language.

Headings, labels, dates, "Page x of y", plural forms: a small catalogue keyed by the English
text itself (English needs no entry), so a builder writes `tr("Chair: {name}", name=...)` and
reads like the page it makes. Free of reportlab: the window and the Word export use it too.
tests/reports/test_chrome_catalogues.py checks that every key has its French form (the keys
written in the code, and those met while building every report in French).

Languages without a catalogue (any but English and French) print English chrome: on
purpose, and said where the language is chosen (`chrome_name`, the Seminar page). The
document's language tag (/Lang) stays the seminar's, which its typed text is in.
"""

from __future__ import annotations

from datetime import date

LANGUAGES = {"en": "English", "fr": "Français"}

_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}
_SHORT_MONTHS = {
    "en": [m[:3] for m in _MONTHS["en"]],
    "fr": [
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ],
}
_WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
}

FRENCH: dict[str, str] = {
    # page furniture
    "Page {n} of ": "Page {n} sur ",
    "Contents": "Table des matières",
    "Title page": "Page de titre",
    "{title} (continued)": "{title} (suite)",
    # masthead and title block
    "Distr.: {what}": "Distr. : {what}",
    "General": "Générale",
    "Limited": "Limitée",
    "Original: {language}": "Original : {language}",
    "English": "anglais",
    "French": "français",
    "Internal working copy: not for distribution": "Copie de travail interne : ne pas diffuser",
    "Report of the": "Rapport du",
    "Seminar": "Séminaire",
    "Meeting": "Réunion",
    "Venue": "Lieu",
    "Dates": "Dates",
    "Organized by": "Organisé par",
    "With the support of": "Avec le soutien de",
    # seminar report chapters
    "Introduction": "Introduction",
    "Objectives of the seminar": "Objectifs du séminaire",
    "Organization of the seminar": "Organisation du séminaire",
    "Opening of the seminar": "Ouverture du séminaire",
    "Attendance": "Participation",
    "Programme of work": "Programme de travail",
    "Summary of the sessions": "Résumé des séances",
    "Tour de table": "Tour de table",
    "Breakout group outcomes": "Résultats des groupes de travail",
    "Conclusions and recommendations": "Conclusions et recommandations",
    "Conclusions": "Conclusions",
    "Recommendations": "Recommandations",
    "Closing of the seminar": "Clôture du séminaire",
    "Annex {n}. {title}": "Annexe {n}. {title}",
    "Programme": "Programme",
    "List of participants": "Liste des participants",
    "List of action items": "Liste des mesures de suivi",
    # seminar report prose
    "The session was chaired by {name}.": "La séance était présidée par {name}.",
    "Presentations were made by {names}.": "Des exposés ont été présentés par {names}.",
    "The following key points were made:": "Les points suivants ont été soulignés :",
    "Delegations that took the floor: {names}.": "Délégations ayant pris la parole : {names}.",
    "The group was facilitated by {name}.": "Le groupe était animé par {name}.",
    "The group's rapporteur was {name}.": "Le rapporteur du groupe était {name}.",
    "{count} attended the seminar, from {orgs}.": "{count} ont assisté au séminaire, "
    "au titre de {orgs}.",
    "{n} participant|{n} participants": "{n} participant|{n} participants",
    "{n} delegation or organization|{n} delegations and organizations": "{n} délégation "
    "ou organisation|{n} délégations et organisations",
    "{n} woman|{n} women": "{n} femme|{n} femmes",
    "{n} man|{n} men": "{n} homme|{n} hommes",
    "{n} other|{n} other": "{n} autre|{n} autres",
    "{n} not recorded|{n} not recorded": "{n} non précisé|{n} non précisés",
    "The following State was represented: {names}.": "L'État suivant était représenté : {names}.",
    "The following States were represented: {names}.": "Les États suivants étaient "
    "représentés : {names}.",
    "The following organizations were also represented: {names}.": "Les organisations "
    "suivantes étaient également représentées : {names}.",
    "The list of participants is contained in annex II.": "La liste des participants figure "
    "à l'annexe II.",
    "The programme of work is contained in annex I.": "Le programme de travail figure à "
    "l'annexe I.",
    "The participants adopted the following recommendations:": "Les participants ont adopté "
    "les recommandations suivantes :",
    "The participants put forward the following recommendations:": "Les participants ont "
    "formulé les recommandations suivantes :",
    "addressed to {who}": "adressée à {who}",
    " and ": " et ",
    # statuses
    "Proposed": "Proposée",
    "Agreed": "Adoptée",
    "Noted": "Notée",
    "Open": "Ouverte",
    "In progress": "En cours",
    "Done": "Faite",
    "Dropped": "Abandonnée",
    # shared labels
    "Chair: {name}": "Président(e) : {name}",
    "Speaker: {names}": "Intervenant(e) : {names}",
    "Speakers: {names}": "Intervenant(e)s : {names}",
    "Day {n}": "Jour {n}",
    "Day {n}, {date}": "Jour {n}, {date}",
    "{n} speech|{n} speeches": "{n} intervention|{n} interventions",
    "Time": "Heure",
    "Item": "Point",
    "Room": "Salle",
    "Name": "Nom",
    "Function": "Fonction",
    "Function and e-mail": "Fonction et courriel",
    "Days present": "Jours de présence",
    "Action": "Mesure",
    "Owner": "Responsable",
    "Due": "Échéance",
    "Status": "Statut",
    "Source: {source}": "Source : {source}",
    "Addressed to: {who}": "Destinataire : {who}",
    "all": "tous",
    "none": "aucun",
    "States": "États",
    "Regional organizations": "Organisations régionales",
    "International organizations": "Organisations internationales",
    "Donors": "Donateurs",
    "Research institutes": "Instituts de recherche",
    "Non-governmental organizations": "Organisations non gouvernementales",
    "Other": "Autres",
    "Other participants": "Autres participants",
    "{total} participants. D1, D2\u2026 are the days of the seminar; \u2022 marks presence.": (
        "{total} participants. J1, J2\u2026 sont les jours du séminaire ; "
        "\u2022 marque la présence."
    ),
    "D{n}": "J{n}",
    "List of speakers": "Liste des orateurs",
    "Name tents": "Chevalets",
    "Planned": "Prévu",
    "Actual": "Effectif",
    "Start": "Début",
    "Present": "Présents",
    "Participants": "Participants",
    "Facilitator": "Animateur",
    "Rapporteur": "Rapporteur",
    "Programme description": "Description au programme",
    "Action items": "Mesures de suivi",
    "Breakout groups": "Groupes de travail",
    "Guiding questions": "Questions directrices",
    "Session report": "Rapport de séance",
    "Breakout report": "Rapport des groupes de travail",
    "Summary": "Résumé",
    "Key points": "Points clés",
    "Discussion": "Débat",
    "Recommendations (rapporteur's notes)": "Recommandations (notes du rapporteur)",
    "Action items (rapporteur's notes)": "Mesures de suivi (notes du rapporteur)",
    "Other notes": "Autres notes",
    "Badges": "Badges",
    "fold": "pli",
    "Speakers": "Orateurs",
    "Speaker": "Orateur",
    "Speaking time": "Temps de parole",
    "no limit": "sans limite",
    "List": "Liste",
    "closed": "close",
    "Nobody is on the list.": "Personne n'est inscrit sur la liste.",
    "floor": "parole",
    "held": "réservé",
    "No.": "N°",
    "Delegation": "Délégation",
    "Capacity": "Qualité",
    "Type": "Type",
    "Limit": "Limite",
    "Day": "Jour",
    "Chair": "Présidence",
    "Speaker log": "Journal des interventions",
    "Total": "Total",
    "Duration": "Durée",
    "Sign-in sheet": "Feuille d'émargement",
    "Signature": "Signature",
    "Delegation or organization": "Délégation ou organisation",
    "End-of-day report": "Rapport de fin de journée",
    "Programme: planned and actual times": "Programme : horaires prévus et effectifs",
    "Proceedings": "Travaux",
    "Planned {span}": "Prévu {span}",
    "actual {span}": "effectif {span}",
    "chair: {name}": "présidence : {name}",
    "Recommendations of the day": "Recommandations de la journée",
    "United Nations entities": "Entités des Nations Unies",
    "Seminar report": "Rapport du séminaire",
    "{kind} of the {title}": "{kind} : {title}",
    "{kind}: {what}": "{kind} : {what}",
    "{total} participants. Days present are numbered from day 1 ({date}) to day {last}.": (
        "{total} participants. Les jours de présence sont numérotés du jour 1 ({date}) "
        "au jour {last}."
    ),
    "Rapporteur: {names}": "Rapporteur : {names}",
    "{name}: summary": "{name} : résumé",
    "Members ({n})": "Membres ({n})",
    "The breakout report gives each group's members, questions and notes.": (
        "Le rapport des groupes de travail donne les membres, les questions et les notes "
        "de chaque groupe."
    ),
    "(untitled item)": "(point sans titre)",
    "(untitled)": "(sans titre)",
    "(unnamed group)": "(groupe sans nom)",
    ", added on the day": ", ajouté le jour même",
    "; re-planned to {span}": "; reprogrammé à {span}",
    " ({n} min; start {variance})": " ({n} min ; début {variance})",
    "on time": "à l'heure",
    # agenda item kinds, speech capacities and types (labels of domain.kinds)
    "Ceremony": "Cérémonie",
    "Plenary": "Plénière",
    "Panel": "Table ronde",
    "Breakout": "Groupes de travail",
    "Break": "Pause",
    "Meal": "Repas",
    "Side event": "Manifestation parallèle",
    "Field visit": "Visite de terrain",
    "Q&A": "Questions-réponses",
    "National": "À titre national",
    "On behalf of a group": "Au nom d'un groupe",
    "On behalf of {group}": "Au nom de {group}",
    "For an organisation": "Au nom d'une organisation",
    "Statement": "Déclaration",
    "Point of order": "Motion d'ordre",
    "Right of reply": "Droit de réponse",
    "Question": "Question",
    "Report back": "Compte rendu",
    "{present} of {registered}, from {orgs}, attended on {date}.": "{present} sur {registered}, "
    "au titre de {orgs}, étaient présents le {date}.",
    "{n} registered participant|{n} registered participants": "{n} participant inscrit|"
    "{n} participants inscrits",
    "Action items of the day": "Mesures de suivi de la journée",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": {}, "fr": FRENCH}


def catalogue_code(language: str) -> str:
    """'fr-CA' -> 'fr': the catalogue a language code uses ('' for none)."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    return code if code in CATALOGUES else ""


def chrome_name(language: str) -> str:
    """How the window names a report language: 'Français', or 'vi (English chrome: no
    catalogue)' for one whose reports print English headings, dates and labels."""
    code = catalogue_code(language)
    if code:
        return LANGUAGES[code]
    return f"{language} (English chrome: no catalogue)"


class Chrome:
    """The report's words and dates in one language (English when the code has no
    catalogue: `fallback` is then true)."""

    def __init__(self, language: str = "en") -> None:
        code = catalogue_code(language)
        self.fallback = not code
        self.language = code or "en"
        self._table = CATALOGUES[self.language]

    def __call__(self, text: str, **values: object) -> str:
        out = self._table.get(text, text)
        return out.format(**values) if values else out

    def plural(self, n: int, key: str) -> str:
        """`key` is "{n} speech|{n} speeches": the form for `n` in this language.

        English uses the singular for 1 only; French for 0 and 1.
        """
        one, many = self._table.get(key, key).split("|")
        singular = n in (0, 1) if self.language == "fr" else n == 1
        return (one if singular else many).format(n=n)

    def join(self, names: list[str]) -> str:
        """'A, B and C' ('A, B et C')."""
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + self(" and ") + names[-1]

    # -- dates ----------------------------------------------------------------------------

    def month(self, d: date) -> str:
        return _MONTHS[self.language][d.month - 1]

    def date(self, d: date | None, *, weekday: bool = False) -> str:
        """'19 December 2026' / '19 décembre 2026' ('Saturday, ...' / 'samedi ...')."""
        if d is None:
            return ""
        day = "1er" if self.language == "fr" and d.day == 1 else str(d.day)
        text = f"{day} {self.month(d)} {d.year}"
        if not weekday:
            return text
        name = _WEEKDAYS[self.language][d.weekday()]
        return f"{name} {text}" if self.language == "fr" else f"{name}, {text}"

    def date_short(self, d: date | None) -> str:
        """'31 Jan 2027' / '31 janv. 2027': fits a narrow table column."""
        if d is None:
            return ""
        month = _SHORT_MONTHS[self.language][d.month - 1]
        return f"{d.day} {month} {d.year}"

    def dates(self, start: date | None, end: date | None) -> str:
        """'19–20 December 2026', '30 November – 2 December 2026' (en dashes), or one date."""
        if start is None:
            return self.date(end)
        if end is None or end == start:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}\u2013{self.date(end)}"
        if start.year == end.year:
            return f"{start.day} {self.month(start)} \u2013 {self.date(end)}"
        return f"{self.date(start)} \u2013 {self.date(end)}"

    def language_name(self) -> str:
        """The report's language as 'Original: ...' names it, in that language."""
        return self({"en": "English", "fr": "French"}[self.language])


ENGLISH = Chrome("en")
