"""What the page generators draw from: the site's sections and header words, made-up people,
bodies, places, publishers, journals and sentences (and the real agents of vocab/agents.ttl with
how the site prints them)."""

from __future__ import annotations

NBSP = "\u00a0"
SITE = "Open Access Publisher and Free Library"
SECTIONS = [
    (1, "CRIME"), (2, "CRIMINOLOGY"), (3, "CRIME PREVENTION"), (4, "TERRORISM"),
    (5, "CRIMINAL JUSTICE"), (7, "ENVIRONMENTAL CRIME"), (8, "GLOBAL CRIME"),
    (9, "VICTIMIZATION"), (11, "WEAPONS"), (13, "PUNISHMENT"),
]  # fmt: skip
SCOPE_TERMS = ["ABUSE", "WITNESSES", "VICTIM SURVEYS", "POLICING", "PRISONS", "COURTS",
               "DRUGS", "CYBERCRIME", "GANGS", "FIREARMS", "SENTENCING", "YOUTH", "VIOLENCE",
               "FRAUD"]  # fmt: skip
CATEGORIES = ["Violence and Oppression", "Human Trafficking", "Policing", "Youth Justice",
              "Domestic Violence", "Prisons and Jails", "Drug Policy", "Hate Crime"]  # fmt: skip
PLACE_TAGS = ["Australia", "Latin America", "Canada", "Europe", "Africa", "United Kingdom"]
FIRST = ["Jane", "John", "Anna", "Maria", "David", "Sophie", "Amir", "Chen", "Olga", "Kwame",
         "Lucía", "Björn", "Renée", "Tomás", "Priya", "Hannah", "Michael", "Sarah", "Jonas",
         "Li"]  # fmt: skip
LAST = ["Roe", "Doe", "Lee", "Berg", "Watson", "Nguyen", "Okafor", "García", "Müller", "Smith",
        "Khan", "Rossi", "Novak", "Dubois", "Tanaka", "Silva", "Cohen", "Brown", "Ng-Knight",
        "Saied-Tessier"]  # fmt: skip
PARTICLES = ["van der", "Dal", "de", "La"]
ORG_HEADS = ["Harbour", "Coastal", "Northland", "Westfield", "Riverside", "Pacific", "Highland",
             "Southern", "Eastern", "Metropolitan", "Lakeside", "Central"]  # fmt: skip
ORG_TAILS = ["Research Council", "Institute", "Trust", "Foundation", "Policy Centre",
             "Justice Institute", "University", "Crime Commission", "Law Society",
             "Safety Network"]  # fmt: skip
# Agents of vocab/agents.ttl, with how the site prints them.
KNOWN_ORGS = [
    ("Australian Institute of Criminology", ["Australian Institute of Criminology", "AIC"]),
    ("International Justice Mission", ["International Justice Mission"]),
    ("Inter-American Development Bank", ["Inter-American Development Bank"]),
]
PLACES = [("Canberra", "Canberra"), ("London", "London"), ("Perth", "Perth"),
          ("New York", "New York"), ("Washington, DC", "Washington, DC"), ("Vienna", "Vienna"),
          ("Toronto", "Toronto"), ("Brussels", "Brussels"), ("NY.", "New York")]  # fmt: skip
PUBLISHERS_BOOK = ["Bantam House", "Harbour Press", "Riverside Books", "Northland Press"]
JOURNALS = ["Journal of Criminal Justice", "Security Journal", "Annual Review of Criminology",
            "Journal of Quantitative Criminology", "Crime Science",
            "Policing Quarterly"]  # fmt: skip
MONTHS = ["January", "March", "May", "July", "September", "November"]
WORDS = ["violence", "policing", "victims", "courts", "prisons", "youth", "justice", "reform",
         "communities", "evidence", "trafficking", "safety", "harm", "surveillance", "data",
         "women", "children", "offenders", "prevention", "risk", "sentencing", "drugs"]  # fmt: skip
SENTENCES = [
    "This report examines how local services respond to reports of harm.",
    "We draw on interviews with practitioners and administrative data from several regions.",
    "The findings suggest that early intervention reduces repeat victimisation.",
    "Policy makers should invest in prevention rather than enforcement alone.",
    "The study uses a mixed-methods design and a nationally representative survey (n=4,210).",
    "Rates of reported offending fell by 12 per cent between 2015 and 2022.",
    "It concludes with recommendations for courts, police and community organisations.",
    "Survivors described the process as slow, confusing and at times retraumatising.",
]
JUNK = ["MAY CONTAIN MARKUP", "USED BOOK", "download"]
LABELS = ["Key findings", "Key points", "Methods", "Results"]
