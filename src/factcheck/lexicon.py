"""General English news vocabulary the extractor and comparator lean on.

Nothing here knows any particular story: these are the words any wire report
uses for what happened to how many people. Story-specific knowledge (topics,
name variants, reference values) belongs in the claim book, ``claims.yaml``.
"""

from __future__ import annotations

EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    # class: lemmas that signal it (verbs, nouns and adjectives)
    "killed": ("kill", "die", "dead", "death", "toll", "fatality", "perish", "drown", "murder",
               "succumb"),
    "injured": ("injure", "wound", "hurt", "injury", "injured"),
    "missing": ("missing", "miss", "unaccounted"),
    "evacuated": ("evacuate", "displace", "evacuee", "homeless", "relocate", "move", "shift",
                  "airlift"),
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
        "attendance",
        "spectator",
        "attendee",
        "audience",
    ),
    "population": ("population", "inhabitant", "home", "populate"),
    "rescued": ("rescue", "survivor", "save"),
    "seized": ("seize", "confiscate", "seizure", "haul", "intercept"),
    "found": ("find", "discover", "recover", "uncover", "unearth"),
    "crossed": ("cross", "enter", "arrive", "arrival"),
    "infected": ("infect", "positive"),
    "damaged": ("destroy", "damage", "collapse", "flatten"),
    "fined": ("fine", "fin", "levy", "penalise", "penalize"),
    "hospitalised": ("hospitalise", "hospitalize", "hospitalisation", "hospitalization",
                     "admit"),
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
    refugee passenger patient civilian casualty personnel journalist reporter
    rebel militant fighter teacher doctor nurse farmer fisherman tourist visitor voter
    supporter fan player athlete employee staff customer user lawyer judge minister
    lawmaker legislator leader activist prisoner inmate detainee hostage evacuee crew
    pilot driver individual elderly veteran guard firefighter rescuer volunteer other
    accomplice perpetrator gunman attacker assailant spectator pilgrim worshipper
    climber miner sailor diplomat senator agent life
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
    singer artist owner leader boss czar collector magistrate
    """.split()
)
"""Title and role words (beyond the extractor's role nouns) that stand before a name
("Coach Maria Gonzalez") or define a person ("X is a businessman")."""

NAME_PARTICLES = frozenset(
    "de del della der di da das do dos du van von den ter al el bin ibn ben la le".split()
)
"""Words that join the parts of a surname ("de", "van", "al"): a part of the name."""

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

SETTLEMENT_NOUNS = frozenset(
    """
    city town village country nation state province region island capital district county
    municipality metropolis archipelago kingdom republic territory
    """.split()
)
"""Places people live in: "a city of 500,000 people", "the nation's 16 million people" say how
many live there."""

DWELLERS = frozenset("people person resident inhabitant citizen soul".split())
"""Nouns that count those who live in a place when the place holds them."""

ORGANISATION_WORDS = frozenset(
    """
    fc afc cf sc ac inc ltd llc plc corp corporation co company companies group holding
    holdings ag sa se gmbh nv bv spa club party union agency ministry department commission
    council authority bank university institute association federation foundation society
    committee airlines airways international organisation organization alliance coalition
    league fund trust
    """.split()
)
"""Words that end the names of organisations only ("Ardena FC", "Acme AG", "the
Labour Party"): a name so ended names no person."""

TERM_NOUNS = frozenset("term sentence jail prison imprisonment detention ban suspension".split())
"""Nouns a hyphened span describes as a penalty ("a 10-year term"): a sentence claim, not
how long something lasted."""

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


def known_event(word: str | None) -> str | None:
    """The event class a word names: a class name itself ("killed") or a lemma of one.

    >>> known_event("killed"), known_event("die"), known_event("close")
    ('killed', 'killed', None)
    """
    if not word:
        return None
    return word if word in EVENT_CLASSES else LEMMA_CLASS.get(word.lower())


BUILDING_UNITS = frozenset({"storey", "floor"})
"""Units that size a building and nothing else: "a nine-storey plant" and "the eight-storey
factory" size one building, where "a 15-page charge sheet" and "a 400-page ruling" are two
documents."""

GENERIC_PERSONS = frozenset(
    "people person individual human other civilian resident citizen adult life".split()
)
"""Person nouns that name anyone: they count the same people as any more specific noun."""

PERSON_FAMILIES: dict[str, str] = {
    noun: family
    for family, nouns in {
        "participant": "protester demonstrator marcher participant rioter",
        "victim": "victim casualty fatality dead",
        "traveller": "passenger traveller traveler tourist visitor pilgrim hiker trekker "
        "climber mountaineer backpacker walker",
        "crew": "crew pilot sailor",
        "audience": "fan spectator supporter attendee viewer onlooker",
        "rescuer": "rescuer volunteer",
        "firefighter": "firefighter fireman",
        "soldier": "soldier troop serviceman",
        "police": "police policeman policewoman officer policeofficer",
        "guard": "guard",
        "worker": "worker employee staff staffer personnel workforce",
        "male": "man boy",
        "female": "woman girl",
        "young": "child kid baby infant teenager student schoolchild schoolchildren pupil "
        "youngster toddler minor",
        "offender": "suspect accused defendant convict trafficker smuggler gunman attacker "
        "assailant perpetrator accomplice militant rebel fighter",
        "official": "official minister lawmaker legislator senator diplomat leader",
        "prisoner": "prisoner inmate detainee",
    }.items()
    for noun in nouns.split()
}
"""Families of person nouns: counts of rescuers and of victims, or of men and of women,
are counts of different people. Generic nouns ("people", "residents") are in none."""

LIGHT_VERBS = frozenset(
    """
    be have say put estimate report give reach stand rise climb total number tell add show
    state count make bring put leave remain hit top exceed surpass
    consider deem declare classify regard judge
    confirm identify announce register list cite
    """.split()
)
"""Verbs that carry a figure without saying what happened ("police put the figure at");
verbs of judging among them say it in their complement ("2,000 ballots were declared
invalid", "were considered to be invalid ballots")."""

PLACE_PREPOSITIONS = frozenset("at in on near inside outside across from into to around".split())
"""Prepositions whose object is where something happened, not who it happened to."""

RESPONDER_FAMILIES = frozenset({"firefighter", "soldier", "police", "rescuer", "guard"})
"""Families of people sent to an event: counted as deployed whatever verb carries them."""

PART_FAMILIES = frozenset({"male", "female", "young"})
"""Families whose counts are parts of a total ("two men and a woman"), never the total."""

VERB_SYNONYMS: dict[str, str] = {
    word: head
    for head, words in {
        "close": "close shut shutter",
        "open": "open reopen",
        "hit": "hit affect impact strike",
        "lose": "lose shed cut axe ax slash eliminate redundant",  # "axed": lemma "ax"
        "trap": "trap stick strand",  # "20 miners are stuck underground"
        "hospitalised": "hospital",  # "14 are still in hospital" (but "died in hospital")
        "injured": "treat",  # "140 people were treated at hospitals": the injured
        "win": "win garner receive secure earn obtain poll collect award",
        "buy": "buy acquire purchase",
        "allow": "allow permit grant authorise authorize",  # "permission was granted for"
    }.items()
    for word in words.split()
}
"""Verbs news uses for one event ("shut down 800 stores" closed them); a maintained
resource would give more, see bench/generality.md."""

DEED_SYNONYMS: dict[str, str] = {"abduct": "kidnap", "snatch": "kidnap", "free": "release"}
"""Verbs of one deed that a date or a count may be told with ("abducted on Monday",
"kidnapped on Friday"; "freed", "released")."""
VERB_SYNONYMS.update(DEED_SYNONYMS)

NOUN_SYNONYMS: dict[str, str] = {
    word: head
    for head, words in {
        "explosion": "explosion blast bombing bomb detonation",
        "earthquake": "earthquake quake tremor temblor",
        "home": "home house dwelling residence",
        "vehicle": "vehicle car truck lorry",
        "motorcycle": "motorcycle motorbike",
        "shot": "shot gunshot round bullet",
        "flight": "flight plane aircraft airliner jet",
        "attack": "attack assault raid",
        "storm": "storm cyclone hurricane typhoon",
        "fire": "fire blaze",
        "employee": "employee staff staffer worker workforce personnel",
        "country": "country nation",
        "fuel": "fuel petrol gasoline diesel oil kerosene",
        "vessel": "vessel ship boat freighter",
    }.items()
    for word in words.split()
}
"""Words news uses for one thing: "six blasts" and "eight explosions" count the same."""

PERSON_EVENTS = frozenset(
    "killed injured missing evacuated arrested charged convicted sentenced acquitted "
    "participated rescued infected aboard".split()
)
"""Event classes that happen to people: a bare figure counted for them counts people."""


# --- reading a figure's measure ------------------------------------------------------------

INCIDENT_NOUNS = frozenset(
    """
    accident attack blast bombing blaze capsizing clash clashes collapse collision crackdown
    crash crush derailment disaster earthquake eruption explosion fire flood flooding
    incident landslide massacre quake raid rampage riot shooting sinking stampede storm
    strike tragedy tsunami typhoon cyclone hurricane violence wildfire avalanche mudslide
    outbreak epidemic pandemic unrest protest protests fighting operation emergency
    march rally demonstration march procession vigil game match concert festival
    crumble topple implode pileup pile-up
    """.split()
)
"""Nouns (and a few verbs: "crumbled") that name the incident a story is about: "killed in
the crash" says how, not which part of the dead; a place or a state ("inside the stadium",
"in intensive care") does."""

EVENT_NOUNS = frozenset(
    """
    death dead fatality toll injury injured wounded missing turnout attendance crowd
    population arrest seizure haul conviction acquittal evacuation rescue infection
    """.split()
)
"""Nouns that name what happened rather than who it happened to: "84 dead", "four
deaths", "a turnout of 1.3 million" count the event's people."""

OCCASION_NOUNS = frozenset(
    """
    conference briefing ceremony meeting hearing session summit funeral burial vigil rally
    wedding festival concert service inauguration parade procession celebration reception
    gathering debate interview visit
    """.split()
)
"""Nouns of an occasion held on a day ("at a news conference on Tuesday", "the ceremony was
held on Friday"): a date beside one dates the occasion, whatever the sentence's verb."""

STATE_NOUNS = frozenset(
    """
    care hospital custody detention coma shelter vehicle car bus train truck boat home house
    building field pitch ground stand street road area zone site scene attendance support
    treatment ward unit morgue rubble debris water sea underground mine tunnel basement
    office store shop branch abroad overseas board
    """.split()
)
"""Places and states a count can be narrowed to ("in intensive care", "in their cars", "on
the pitch"); other nouns after "in" or "on" tell the circumstances ("on charges", "in the
first such case"), not which part of the set is counted."""

CONDITION_WORDS = frozenset(
    "critical serious grave stable severe life-threatening".split()
)
"""Conditions of the injured: "52 are critical" counts injured people in that condition."""

CONDITION_SYNONYMS = {"severe": "serious", "grave": "serious"}
"""Conditions news names two ways: the "severely" and the "seriously" injured are one set
("critical" is a condition of its own)."""

CONTAINER_NOUNS = frozenset("count charge case offence offense violation".split())
"""Nouns whose count means little without what they are counts of ("counts of fraud"):
their thing is written "count:fraud"; any other "a:b" thing is a size of b ("storey:building")."""

MANNER_ADVERBS = frozenset(
    "quickly rapidly swiftly fast slowly suddenly gradually steadily sharply".split())
"""How fast something happened: "spread rapidly across the valley" narrows nothing."""

STANCE_ADVERBS = frozenset(
    """
    reportedly allegedly officially apparently approximately nearly roughly about around
    almost only already now also just even so more most far then together altogether
    overall initially originally previously earlier later currently finally eventually
    immediately subsequently respectively reported confirmed actually really likely
    possibly probably presumably roughly altogether very too much well yet again once
    """.split()
)
"""Adverbs that say how a figure is known or when, not which set it counts."""

TIME_ADVERBS = {
    "initially": "earlier", "originally": "earlier", "previously": "earlier",
    "earlier": "earlier", "first": "earlier", "before": "earlier", "formerly": "earlier",
    "now": "now", "currently": "now", "so far": "now", "latest": "now", "later": "later",
    "finally": "later", "eventually": "later", "subsequently": "later",
}
"""Adverbs that place a figure in the story's time line ("initially put at 174")."""

RAISING_VERBS = frozenset(
    """
    force begin start continue appear seem manage try fail remain keep prove happen
    tend need have oblige compel say report know confirm understand
    """.split()
)
"""Verbs whose complement says what happened: "were forced to close" closed."""

PRESUMED_VERBS = frozenset("fear presume believe suspect think assume feared".split())
"""Verbs that make a figure a presumption: "feared dead" is not "confirmed dead"."""

HEDGE_WORDS = frozenset("suspect allege presume probable possible confirm unconfirmed".split())
"""Words that say how sure a report is of what it counts, not what happened: "eight
suspected deaths" are deaths, "three suspected militants" are no more charged than
"three militants"; "suspected" and "confirmed" cases still stay apart."""

FORECAST_VERBS = frozenset("expect forecast predict project anticipate estimate_future".split())
FORECAST_AUX = frozenset("will could may might would should 'll".split())

LIGHT_OBJECT_VERBS = frozenset(
    "suffer sustain receive seek need require undergo get take claim cost incur".split()
)
"""Verbs whose object names what happened: "suffered injuries" were injured."""

CAPACITY_VERBS = frozenset("hold carry accommodate seat fit house take".split())
CAPACITY_NOUNS = frozenset("capacity seat seating".split())
"""Words that make a figure what a place or vehicle can take, not who was there."""

CHANGE_VERBS: dict[str, str] = {
    **dict.fromkeys(
        "rise climb increase grow gain jump soar surge rally advance swell "
        "raise boost double triple".split(), "up"),
    **dict.fromkeys(
        "fall drop decline decrease lose plunge slump tumble slide dip sink shrink "
        "plummet crash slip ease cut reduce lower shed halve axe ax slash eliminate".split(),
        "down"),
    **dict.fromkeys("change revise adjust move swing".split(), "change"),
}
"""Verbs whose figure, given as "by N" or as their object, is a change, not a level
("fell 24 percent", "revised down by 100"); "rose to 63" is a level."""

PRIOR_LEVEL = "prior"
"""The time mark of the level a change started from ("raised the rate to 8% from
6.5%": the 6.5% was the rate before the change)."""

PART_WORDS = frozenset(
    "other others another remaining rest additional further more".split()
)
"""Words that make a count the rest of a set named beside it ("293 others")."""

SEQUENCE_WORDS = frozenset("first second third last main".split())
"""Ordinal words that single out one member of a series ("the first quake")."""
