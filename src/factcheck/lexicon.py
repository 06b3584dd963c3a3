"""General English news vocabulary the extractor and comparator lean on.

Nothing here knows any particular story: these are the words any wire report
uses for what happened to how many people. Story-specific knowledge (topics,
name variants, reference values) belongs in the claim book, ``claims.yaml``.
"""

from __future__ import annotations

EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    # class: lemmas that signal it (verbs, nouns and adjectives)
    "killed": ("kill", "die", "dead", "death", "toll", "fatality", "perish", "drown", "murder"),
    "injured": ("injure", "wound", "hurt", "injury", "injured"),
    "missing": ("missing", "miss", "unaccounted"),
    "evacuated": ("evacuate", "displace", "evacuee", "homeless", "relocate", "move", "shift"),
    "aboard": ("aboard", "board", "onboard", "carry"),
    "arrested": ("arrest", "detain", "detention", "apprehend"),
    "charged": (
        "charge", "indict", "accuse", "accused", "prosecute", "suspect", "defendant", "trial",
    ),
    "convicted": ("convict", "guilty", "conviction"),
    "sentenced": ("sentence", "jail", "imprison", "prison"),
    "acquitted": ("acquit", "acquittal", "exonerate"),
    "participated": (
        "march",
        "protest",
        "rally",
        "join",
        "participate",
        "demonstrate",
        "turnout",
        "crowd",
        "attend",
        "gather",
        "marcher",
        "protester",
        "demonstrator",
        "participant",
        "demonstration",
    ),
    "population": ("population", "inhabitant", "home", "populate"),
    "rescued": ("rescue", "survivor", "save"),
    "seized": ("seize", "confiscate", "seizure", "haul", "intercept"),
    "found": ("find", "discover", "recover", "uncover"),
    "infected": ("infect", "positive"),
    "damaged": ("destroy", "damage", "collapse", "flatten"),
    "fined": ("fine", "fin", "levy", "penalise", "penalize"),
}
"""Event classes: counts for the same class can be compared across outlets."""

LEMMA_CLASS: dict[str, str] = {
    lemma: cls for cls, lemmas in EVENT_CLASSES.items() for lemma in lemmas
}

PERSON_NOUNS = frozenset(
    """
    people person man woman child kid boy girl baby infant adult teenager youth resident
    citizen inhabitant protester demonstrator marcher participant victim survivor
    student worker soldier troop police policeman policewoman officer official suspect
    accused defendant convict trafficker smuggler dealer seller buyer member migrant
    refugee passenger patient civilian casualty fatality personnel journalist reporter
    rebel militant fighter teacher doctor nurse farmer fisherman tourist visitor voter
    supporter fan player athlete employee staff customer user lawyer judge minister
    lawmaker legislator leader activist prisoner inmate detainee hostage evacuee crew
    pilot driver individual elderly veteran guard firefighter rescuer volunteer other
    accomplice perpetrator gunman attacker assailant spectator pilgrim worshipper
    climber miner sailor diplomat senator agent
    """.split()
)
"""Nouns that count people: their counts compare with each other, not with things."""

MEASURES: dict[str, str] = {
    "high": "height",
    "height": "height",
    "tall": "height",
    "deep": "depth",
    "depth": "depth",
    "long": "length",
    "length": "length",
    "wide": "width",
    "width": "width",
    "far": "distance",
    "away": "distance",
    "distance": "distance",
    "radius": "distance",
    "speed": "speed",
    "fast": "speed",
    "heavy": "weight",
    "weight": "weight",
    "old": "age",
    "age": "age",
}
"""Words that say which extent of a thing a length or mass measures."""

HEIGHT_THINGS = frozenset(["wave", "tsunami", "surge", "flood", "water", "swell", "tide"])
"""Things whose length, unqualified, is a height (a 3-metre wave)."""

COMPASS = frozenset(
    """
    north south east west northeast northwest southeast southwest north-east north-west
    south-east south-west northeastern northwestern southeastern southwestern northern
    southern eastern western
    """.split()
)

SCOPE_WORDS = frozenset(
    """
    nationwide national nationally countrywide worldwide global globally
    """.split()
)
"""Words that widen a count beyond the event: "53 arrested nationwide"."""

SUBSET_WORDS = frozenset(
    """
    other others another first second third last main remaining rest additional further
    """.split()
)
"""Words that mark a count as a part of a larger set or a different set."""

STRONG_SUBSETS = frozenset(
    "other another first second third last main remaining rest including among part additional "
    "further nationality region".split()
)
"""Markers that set a count apart from the plain total ("three others", "the first quake")."""

HONORIFICS = frozenset(
    """
    mr mrs ms miss dr prof sir madam mr. mrs. ms. dr. prof. judge justice president
    minister senator governor mayor gen general col colonel capt captain lt sgt officer
    chief inspector constable sheikh rev father
    """.split()
)

ROLE_WORDS = frozenset(
    """
    coach captain manager chancellor premier envoy ambassador commissioner spokesperson
    attorney prosecutor counsel advocate sheriff marshal general admiral colonel major
    sergeant lieutenant detective investigator researcher scientist economist surgeon
    physician nurse principal dean vice deputy executive ceo chairperson councillor
    councilor legislator congressman congresswoman representative delegate official aide
    adviser advisor businessman businesswoman entrepreneur author writer actor actress
    singer artist owner leader boss czar
    """.split()
)
"""Title and role words (beyond the extractor's role nouns) that stand before a name
("Coach Maria Gonzalez") or define a person ("X is a businessman")."""

PERSON_SUFFIXES = ("man", "woman", "person", "er", "or", "ist", "ian", "ant", "ent", "ess")
"""Endings of nouns that mostly name people ("singer", "journalist", "assistant")."""

PLACE_NOUNS = frozenset(
    """
    province city county district regency prefecture municipality village town township
    region state capital island peninsula river lake sea ocean bay beach coast valley
    mountain mount road highway bridge square avenue court courthouse university college
    school hospital clinic airport station stadium mosque temple cathedral shrine mall
    market hotel prison jail camp neighbourhood neighborhood suburb
    """.split()
)
"""Nouns for places and buildings: a name they head or that stands as "the city of X" is
no person."""

NOT_HANDED_DOWN = frozenset(
    """
    face seek demand appeal call want ask urge propose threaten risk carry abolish
    impose commute punishable push consider recommend allow permit prescribe reinstate retain
    mandate
    """.split()
)
"""Verbs under which a penalty is not (yet) a sentence handed down."""

MODALS = frozenset(["may", "might", "could", "can", "should", "must"])

ALIAS_CUES = (
    "pseudonym",
    "alias",
    "nickname",
    "nicknamed",
    "named",
    "known as",
    "called",
    "dubbed",
    "codenamed",
    "code-named",
    "code name",
    "username",
    "handle",
    "moniker",
    "going by",
    "goes by",
    "went by",
    "calling herself",
    "calling himself",
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def event_class(lemmas: list[str]) -> str | None:
    """The first event class signalled by any of the lemmas, in order.

    >>> event_class(["be", "confirm", "dead"])
    'killed'
    >>> event_class(["say"]) is None
    True
    """
    for lemma in lemmas:
        cls = LEMMA_CLASS.get(lemma.lower())
        if cls:
            return cls
    return None


PERSON_FAMILIES: dict[str, str] = {
    noun: family
    for family, nouns in {
        "participant": "protester demonstrator marcher participant rioter",
        "victim": "victim casualty fatality dead",
        "traveller": "passenger traveller traveler tourist visitor pilgrim",
        "crew": "crew pilot sailor",
        "responder": "rescuer firefighter soldier troop police policeman policewoman officer "
        "personnel volunteer guard",
        "male": "man boy",
        "female": "woman girl",
        "young": "child kid baby infant teenager student",
        "offender": "suspect accused defendant convict trafficker smuggler gunman attacker "
        "assailant perpetrator accomplice militant rebel fighter",
        "official": "official minister lawmaker legislator senator diplomat leader",
    }.items()
    for noun in nouns.split()
}
"""Families of person nouns: counts of rescuers and of victims, or of men and of women,
are counts of different people. Generic nouns ("people", "residents") are in none."""

LIGHT_VERBS = frozenset(
    """
    be have say put estimate report give reach stand rise climb total number tell add show
    state count make bring put leave remain hit top exceed surpass
    """.split()
)
"""Verbs that carry a figure without saying what happened ("police put the figure at")."""

PLACE_PREPOSITIONS = frozenset("at in on near inside outside across from into to around".split())
"""Prepositions whose object is where something happened, not who it happened to."""

PART_FAMILIES = frozenset({"male", "female", "young"})
"""Families whose counts are parts of a total ("two men and a woman"), never the total."""

NOUN_SYNONYMS: dict[str, str] = {
    word: head
    for head, words in {
        "explosion": "explosion blast bombing bomb detonation",
        "earthquake": "earthquake quake tremor temblor",
        "home": "home house dwelling residence",
        "vehicle": "vehicle car truck lorry",
        "shot": "shot gunshot round bullet",
        "flight": "flight plane aircraft airliner jet",
        "attack": "attack assault raid",
        "storm": "storm cyclone hurricane typhoon",
        "fire": "fire blaze",
    }.items()
    for word in words.split()
}
"""Words news uses for one thing: "six blasts" and "eight explosions" count the same."""

PERSON_EVENTS = frozenset(
    "killed injured missing evacuated arrested charged convicted sentenced acquitted "
    "participated rescued infected aboard".split()
)
"""Event classes that happen to people: a bare figure counted for them counts people."""
