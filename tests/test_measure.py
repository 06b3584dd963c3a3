"""Tests for factcheck.extract.measure: what a figure measures, read from the real parse.

Each sentence is written for the test (no article text) and goes through the real spaCy
model. Where the small model's parse may drift, the tests assert the field the case is
about, not the whole record.
"""

from __future__ import annotations

import pytest

from factcheck.models import ClaimKind, Measure

from .test_extract import claims_of, the_claim

P = pytest.param


def measure(nlp, sentence: str, text: str) -> Measure:
    """The measure of the numeric claim whose text is ``text``."""
    claims = claims_of(nlp, sentence, ClaimKind.COUNT, ClaimKind.QUANTITY, ClaimKind.RATIO)
    found = the_claim(claims, text).subject.measure
    assert found is not None
    return found


FIELDS = [
    # the counted thing and what happened to it
    P("Floods killed nine people in the north.", "nine people",
      {"thing": "people", "event": "killed"}, id="thing-and-event"),
    P("About 4,000 have been left homeless by the floods.", "About 4,000",
      {"event": "evacuated"}, id="passive-light-verb-with-its-state"),
    P("Participation reached 61 percent in the district.", "61 percent",
      {"event": "participated"}, id="nominal-names-its-verbs-event"),
    P("Officials said four of its citizens lost their lives in the blast.", "four",
      {"event": "killed"}, id="lost-their-lives-died-no-agent"),
    P("About 36 people were severely injured, the ministry said.", "About 36 people",
      {"event": "injured", "narrow": ("serious",)}, id="severely-is-seriously"),
    P("More than 45 people were admitted to hospitals in the district.",
      "More than 45 people", {"event": "hospitalised"}, id="admitted-is-hospitalised"),
    P("It was the worst fire since 1994, when 62 people died in the old market.", "62 people",
      {"event": "killed", "time": ("date:1994", "year:1994")}, id="when-clause-of-a-year"),
    P("The firm is remembered for a mine collapse in March 2009 that buried 210 workers.",
      "210 workers", {"time": ("year:2009",)}, id="year-of-the-noun-a-relative-clause-tells"),
    P("The official death toll rose to 118 Sunday after the storm.", "118",
      {"thing": None, "event": "killed"}, id="day-name-after-a-figure-is-no-thing"),
    P("At least 84 dead as the truck hit the crowd.", "At least 84",
      {"event": "killed"}, id="adjective-names-event"),
    P("There were four deaths in the town.", "four deaths", {"thing": None, "event": "killed"},
      id="event-noun-is-no-thing"),
    P("About 500 stores were still closed on Monday.", "About 500 stores",
      {"thing": "store", "event": "close", "narrow": ("still",)}, id="unknown-verb-kept"),
    P("Acme shut down 600 stores.", "600 stores", {"event": "close"}, id="verb-synonym"),
    P("About 240 people were treated at local hospitals.", "About 240 people",
      {"event": "injured"}, id="treated-are-the-injured"),
    P("The 6-foot-5 player scored twice.", "6-foot-5", {"thing": "height"},
      id="a-persons-length-is-a-height"),
    P("Officials granted 3,000 people permission to attend.", "3,000 people",
      {"event": "allow"}, id="granted-is-allowed"),
    P("Only 3,000 people were permitted at the venue.", "3,000 people",
      {"event": "allow"}, id="permitted-is-allowed"),
    P("The arena, which holds 18,500 people, was full.", "18,500 people",
      {"mode": "capacity", "holder": "arena"}, id="simple-present-capacity"),
    P("Police held 42 people overnight.", "42 people", {"mode": None},
      id="past-hold-is-no-capacity"),
    P("The company plans to shed 5,000 jobs.", "5,000 jobs",
      {"thing": "job", "event": "lose", "mode": "forecast", "change": "down"},
      id="plans-to-is-announced"),
    P("Around 9,500 staff are set to lose their jobs.", "Around 9,500 staff",
      {"event": "lose", "mode": "forecast"}, id="are-set-to-is-announced"),
    P("The carmaker is to axe 3,000 jobs.", "3,000 jobs",
      {"thing": "job", "event": "lose", "mode": "forecast", "change": "down"},
      id="is-to-is-announced"),
    P("The train ran at twice the speed limit.", "twice", {"thing": "limit", "part": None},
      id="multiple-of-a-noun"),
    P("It went at more than double the speed limit.", "more than double",
      {"thing": "limit", "part": None}, id="more-than-is-no-further-part"),
    P("Temperatures reached 45.9C on Friday.", "45.9C", {"thing": "temperature", "event": None},
      id="temperature-whatever-its-verb"),
    P("Some 500 stores have been forced to close.", "Some 500 stores", {"event": "close"},
      id="raising-verb-hands-over"),
    P("Investigators said 200 businesses have been hit.", "200 businesses", {"event": "hit"},
      id="passive-light-verb-is-event"),
    # words that narrow the set
    P("Officials said 30 people were seriously injured.", "30 people",
      {"event": "injured", "narrow": ("serious",)}, id="adverb-narrows"),
    P("Some 200 people were injured; 52 are critical.", "52",
      {"event": "injured", "narrow": ("critical",)}, id="condition-is-injured"),
    P("Some 200 people were injured, 40 of them critically.", "40",
      {"thing": "people", "event": "injured", "narrow": ("critical",), "part": "of"},
      id="partitive-inherits-its-antecedent"),
    P("Two crew members were arrested and charged with negligence.", "Two",
      {"event": "arrested", "narrow": ("also:charged", "~crew")}, id="coordinated-verbs-both-said"),
    P("Three people were killed and over 300 injured.", "Three people",
      {"event": "killed", "narrow": ()}, id="a-coordinated-verb-with-its-own-figure-is-not-also"),
    P("The storm flattened a school, killing four pupils and wounding scores of others.",
      "four pupils", {"event": "killed", "narrow": ()},
      id="a-coordinated-verb-with-its-own-object-is-not-also"),
    P("Weighing 12 tonnes when loaded, the barge drifted downstream.", "12 tonnes",
      {"thing": "weight", "event": None}, id="a-size-verb-without-its-subject-is-a-size"),
    P("The crane, 60 metres high and weighing 900 tonnes, toppled onto the quay.", "900 tonnes",
      {"thing": "weight"}, id="a-height-word-sizes-no-weight"),
    P("The bloc said 11 member countries would join the ban.", "11",
      {"thing": "country"}, id="member-before-a-plural-counts-the-members"),
    P("Screening of 8,500 villagers has been carried out since March.", "8,500 villagers",
      {"event": "screen"}, id="a-noun-made-from-a-verb-names-what-was-done"),
    P("The evacuation of 3,000 residents was completed on Monday.", "3,000 residents",
      {"event": "evacuated"}, id="evacuation-of-n-is-evacuated"),
    P("About 1.5 million Kenyans voted in the poll.", "About 1.5 million Kenyans",
      {"thing": "people", "event": "participated"}, id="nationality-is-people"),
    P("The firm went bust, leaving around 12,000 set to lose their jobs.", "around 12,000 set",
      {"thing": None, "event": "lose"}, id="set-to-is-no-thing"),
    P("The family of three Julies waited.", "three Julies", {"thing": None},
      id="a-name-counts-no-thing"),
    P("Two Japanese tourists were among the dead.", "Two",
      {"narrow": ("of:japanese",)}, id="nationality-narrows"),
    P("Another 12 people were hurt, with at least two in a critical condition.",
      "at least two", {"event": "injured", "narrow": ("critical",), "part": "including"},
      id="condition-in-a-prepositional-phrase"),
    P("Five people died inside the mall.", "Five people",
      {"event": "killed", "narrow": ("mall",)}, id="place-noun-narrows"),
    P("Officials said that 59 people died from the flames.", "59 people",
      {"event": "killed", "cause": ("flame",)}, id="cause"),
    # whose figure it is
    P("Acme's 600 stores were shut.", "600 stores", {"holder": "acme"}, id="possessive-holder"),
    P("The 12-tonne truck crashed into a wall.", "12-tonne",
      {"thing": "weight", "holder": "vehicle", "common_holder": True},
      id="hyphenated-measure-of-its-noun"),
    P("The 9,000-ton Northern Star was carrying grain.", "9,000-ton",
      {"thing": "weight", "holder": "northern star", "common_holder": False},
      id="named-holder"),
    P("Ms Smith won 52 percent of the vote.", "52 percent", {"holder": "smith"},
      id="share-holder"),
    P("Vance garnered 1.3 million votes against 1.1 million for his rival Tom Marlow.",
      "1.1 million", {"thing": "vote", "event": "win", "holder": "marlow"},
      id="the-rival-figure-is-the-rival's"),
    P("Vance won 1.2 million votes, while his rival Marlow received 1.1 million votes.",
      "1.1 million votes", {"event": "win", "holder": "marlow"}, id="subject-named-by-appos"),
    P("Ana Ruiz and Tom Vale garnered 31,987 and 61,969 votes respectively.", "61,969 votes",
      {"holder": "vale"}, id="respectively"),
    P("Vance carried 11 regions.", "11 regions", {"event": "win", "holder": "vance"},
      id="a-candidate-carries-what-it-wins"),
    P("The challenger Ana Ruiz amassed 812,400 votes in the first round.", "812,400 votes",
      {"holder": "ana ruiz"}, id="votes-are-whoever-got-them-whatever-the-verb"),
    P("In the final tally Ana Ruiz finished ahead, trailed by Tom Vale with 790,100 votes.",
      "790,100 votes", {"holder": "vale"}, id="votes-with-the-one-a-by-names"),
    P("Across the region, voters cast 812,400 votes on Sunday.", "812,400 votes",
      {"holder": None}, id="votes-no-name-holds"),
    P("In Tete, the incumbent Ana Ruiz defeated Tom Vale, getting 31,000 against 29,500.", "31,000",
      {"holder": "ana ruiz", "scope": ("where:tete",)}, id="a-participle-shares-its-clause"),
    P("In Tete, the incumbent Ana Ruiz defeated Tom Vale, getting 31,000 against 29,500.", "29,500",
      {"holder": "vale", "scope": ("where:tete",)}, id="against-is-the-beaten"),
    P("Vance fared well in Tete, where she got 31,742 votes.", "31,742 votes",
      {"event": "win", "scope": ("where:tete",)}, id="where-clause-of-a-place"),
    P("The 75-year-old leader polled 51 percent against Vance's 44 percent.", "75-year-old",
      {"thing": "age", "holder": "official", "common_holder": True},
      id="an-age-of-a-common-noun-is-held-by-its-kind"),
    P("The 44-year-old driver, Tom Okafor, was arrested.", "44-year-old",
      {"thing": "age", "holder": "okafor"}, id="an-age-of-a-noun-named-beside-it"),
    P("Ada Okon (72) was sentenced on Friday.", "72", {"thing": "age", "holder": "ada okon"},
      id="an-age-in-brackets"),
    P("Tom Vale, the oldest at 76, was jailed for seven years.", "76",
      {"thing": "age", "holder": "tom vale"}, id="the-oldest-at"),
    P("Those admitted are Ada Okon, 32; Jo Lind, 21 and Ade Bello, 40.", "21",
      {"thing": "age", "holder": "jo lind"}, id="ages-in-a-list-of-names"),
    P("Some 215 of the arrested were put in police custody.", "Some 215",
      {"thing": "arrested", "part": "of"}, id="a-part-of-the-arrested"),
    P("A 5.8-magnitude earthquake struck the coast.", "5.8-magnitude", {"thing": "magnitude"},
      id="a-hyphenated-magnitude-measures-magnitude"),
    P("The magnitude 5.9 quake hit the coast.", "magnitude 5.9", {"thing": "magnitude"},
      id="a-prefixed-magnitude-measures-magnitude"),
    P("Rescuers pulled 26 corpses from the rubble.", "26 corpses",
      {"thing": None, "event": "killed"}, id="bodies-recovered-are-the-dead"),
    P("Some 20,000 demonstrators were counted across Spain on Saturday.",
      "Some 20,000 demonstrators", {"event": "participated", "scope": ("nationwide",)},
      id="counted-is-no-event-across-a-country-is-nationwide"),
    P("Okoro broke the previous record by 41 seconds.", "41 seconds",
      {"thing": "margin", "event": "record", "change": None}, id="a-margin-over-a-record"),
    P("She lowered the record by 1 minute 7 seconds.", "1 minute 7 seconds",
      {"thing": "margin", "event": "record", "change": None}, id="lowered-by-is-a-margin"),
    P("Ticket prices went up by $12 after the final was moved.",
      "$12", {"change": "up"}, id="went-up-by-is-a-change"),
    P("The price went up to $50 on Friday.", "up to $50", {"change": None},
      id="went-up-to-is-a-level"),
    P("Acme cut its workforce by 5,000.", "5,000", {"thing": None, "change": "down"},
      id="cut-by-is-a-change"),
    P("Acme agreed to buy Globex for $41 billion in cash, or $87 a share.", "$41 billion",
      {"thing": None, "event": "buy", "mode": "forecast"}, id="in-cash-is-how-not-what"),
    P("Acme agreed to buy Globex for $41 billion in cash, or $87 a share.", "$87",
      {"mode": "rate"}, id="a-share-is-a-rate"),
    P("Acme will acquire Globex for $62 billion.", "$62 billion",
      {"event": "buy", "mode": "forecast"}, id="acquire-is-buy"),
    P("Globex stock climbed 3 percent to $107.", "$107", {"thing": "share price", "event": None},
      id="shares-moved-to-a-price"),
    P("The Yes side won 54.6 percent, on a turnout of just 44 percent.", "44 percent",
      {"holder": "turnout"}, id="a-turnout-of"),
    P("Inflation rose to a rate of 7 percent.", "7 percent", {"holder": "inflation"},
      id="a-rate-of-is-no-holder-what-rose-is"),
    P("The blast sent up a plume that rose 9,000 metres into the air.", "9,000 metres",
      {"change": None}, id="rose-into-the-air-is-a-height"),
    # the part of the whole, and parts of sets
    P("A total of 40 arrests were made nationwide.", "40 arrests",
      {"event": "arrested", "scope": ("nationwide",)}, id="nationwide-scope"),
    P("The ferry, carrying 300 passengers and 20 crew members, sank.", "300 passengers",
      {"thing": "passenger", "event": "aboard", "part": "and"}, id="coordinated-part"),
    P("Ten people died in the fire and three others died in hospital.", "three",
      {"event": "killed", "part": "other"}, id="others-of-the-same-event-are-a-part"),
    P("Five people died. A further eight people are presumed dead.", "eight people",
      {"event": "killed", "part": "other"}, id="a-further-on-the-number-is-a-part"),
    P("Two were killed and 290 others were missing.", "290",
      {"event": "missing", "part": None}, id="others-of-another-event-are-no-part"),
    # level or change, and modes
    P("Shares in the company fell 24 percent on Tuesday.", "24 percent",
      {"change": "down", "holder": "share"}, id="change-down"),
    P("The death toll rose to 63 on Monday.", "63",
      {"event": "killed", "change": None, "time": ("date:monday",)}, id="rose-to-is-a-level"),
    P("The 9-foot high and 14-foot wide culvert was flooded.", "14-foot",
      {"thing": "width"}, id="the-nearest-extent-after-the-figure"),
    P("For about 120 million of these customers, the data included card numbers.",
      "about 120 million", {"thing": "customer", "part": "of"},
      id="of-these-is-a-part-however-rounded"),
    P("Acme shares were down 23 percent in late trading.", "23 percent",
      {"holder": "share", "change": "down"}, id="shares-were-down-a-share-change"),
    P("Turnout was just 41.7 per cent.", "41.7 per cent",
      {"event": "participated", "holder": None}, id="capitalised-turnout-is-no-name"),
    P("The storm is expected to hit Lamar, a city of 400,000 people, tonight.",
      "400,000 people", {"thing": "population", "event": "population", "mode": None},
      id="a-city-of-n-people-is-its-population"),
    P("The president urged the island nation's 3 million people to stay indoors.",
      "3 million people", {"thing": "population", "event": "population"},
      id="a-nations-people-are-its-population"),
    P("Its 250,000 residents have no power.", "250,000 residents",
      {"thing": "population", "event": "population"}, id="its-residents-are-its-population"),
    P("Mud reached the regional capital, which has about 60,000 inhabitants.",
      "about 60,000 inhabitants", {"thing": "population", "event": "population"},
      id="a-capital-which-has-n-inhabitants"),
    P("Rescuers pulled five survivors and two bodies from the rubble.", "five survivors",
      {"event": "rescued"}, id="survivors-pulled-out-are-rescued"),
    P("Divers found 12 people alive in the hull.", "12 people",
      {"event": "rescued", "narrow": ()}, id="people-found-alive-are-rescued"),
    P("Rescuers pulled five survivors and two bodies from the rubble.", "two bodies",
      {"event": "killed"}, id="bodies-pulled-out-are-the-dead"),
    P("The crash happened with 40km remaining of the stage from Varden.", "40km",
      {"mode": "remaining"}, id="a-distance-remaining-is-not-the-length"),
    P("Doran scored the winner with ten minutes left in the game.", "ten minutes",
      {"mode": "remaining"}, id="a-time-left-is-not-the-duration"),
    P("The team left 20 minutes later.", "20 minutes", {"mode": None},
      id="left-as-a-verb-is-no-remainder"),
    P("Winning tickets were sold in Varden, a town of about 7,000 near the lake.",
      "about 7,000", {"thing": "population", "event": "population", "mode": None},
      id="a-town-of-n-is-its-population"),
    P("Reporters filled the small city — population just over 3,000 — on Friday.",
      "just over 3,000", {"thing": "population", "event": "population"},
      id="population-n-in-apposition"),
    P("The rebels hold the bridge, which has 40 guards.", "40 guards",
      {"thing": "guard"}, id="a-bridge-which-has-n-guards-is-no-population"),
    P("The town's 40 firefighters were called out.", "40 firefighters",
      {"thing": "firefighter"}, id="a-towns-firefighters-are-no-population"),
    P("The stadium can hold 40,000 people.", "40,000 people",
      {"mode": "capacity", "holder": "stadium"}, id="capacity"),
    P("The old launch had a capacity of 45 passengers.", "45 passengers",
      {"thing": "passenger", "event": None, "mode": "capacity", "holder": "launch"},
      id="a-capacity-of"),
    P("The reservoir, with an area of about 80 square km, feeds the city.",
      "about 80 square km", {"thing": "area"}, id="an-area-of-is-an-area"),
    P("Registered voters: 1,204,310.", "1,204,310",
      {"thing": "voter", "narrow": ("~register",)}, id="a-label-and-its-figure"),
    P("Another 1,611 ballots were considered to be invalid ballots.", "1,611 ballots",
      {"thing": "ballot", "event": "invalid"}, id="judged-to-be-is-what-happened"),
    P("About 2,000 ballots were declared invalid.", "About 2,000 ballots",
      {"thing": "ballot", "event": "invalid"}, id="declared-is-a-light-verb"),
    P("Tom Okafor crossed the line first. The 52-year-old former pilot won the "
      "race.", "52-year-old", {"thing": "age", "holder": "okafor"},
      id="the-n-year-old-stands-for-the-person-named-before"),
    P("Tom Okafor ran on Sunday. But the 51-year-old said he would run again.",
      "51-year-old", {"thing": "age", "holder": "okafor"}, id="the-n-year-old-alone"),
    P("Ann Lee was found by police. A 34-year-old teacher died in the state.", "34-year-old",
      {"thing": "age", "holder": "teacher", "common_holder": True},
      id="a-n-year-old-is-someone-new"),
    P("Officials said 20 miners are stuck underground.", "20 miners",
      {"event": "trap"}, id="stuck-is-trapped"),
    P("Rescuers say around 18 miners are likely to be trapped in the shaft.",
      "around 18 miners", {"event": "trap", "mode": "presumed"}, id="likely-to-be-presumed"),
    P("The administrators said 640 employees have been made redundant.", "640 employees",
      {"event": "lose"}, id="made-redundant-lost-their-jobs"),
    P("Doctors say 14 people remain in hospital.", "14 people",
      {"event": "hospitalised"}, id="in-hospital-is-hospitalised"),
    P("Twenty people died at the scene and six died at two clinics and a hospital.", "six",
      {"event": "killed"}, id="died-in-hospital-is-dead"),
    P("The fire quickly spread to five sheds nearby.", "five sheds",
      {"thing": "shed", "narrow": ()}, id="how-fast-narrows-nothing"),
    P("Ten people are feared dead.", "Ten people", {"event": "killed", "mode": "presumed"},
      id="presumed"),
    P("Shares fell 80% on the announcement and have fallen 98% since the audit.", "98%",
      {"change": "down", "time": ("perfect", "since:audit")}, id="since-window"),
    P("Initially, officials put the death toll at 174.", "174",
      {"event": "killed", "time": ("earlier",)}, id="initially-is-earlier"),
    P("The fire spread through the market in the east of the city on Sunday, destroying the "
      "stalls, and leaving more than 45 injured.",
      "more than 45", {"event": "injured"}, id="leaving-n-participle"),
    P("The storm struck, leaving more than 40 injured.", "more than 40", {"event": "injured"},
      id="leaving-n-participle-as-complement"),
    P("According to the state relief commissioner, the number of people hurt stands at 31.",
      "31", {"thing": "people", "event": "injured"}, id="the-number-of-people-participle"),
    P("Shots were fired between police and 50-year-old Dan Arvo Kell who held them.",
      "50-year-old", {"holder": "kell"}, id="an-age-on-a-name"),
    P("Police said a 41-year-old man and a woman aged 29 had died.", "aged 29",
      {"holder": "female", "common_holder": True}, id="an-unnamed-woman-by-kind"),
    P("More than 250 short-tailed deer were found on Monday.", "More than 250",
      {"event": "found", "narrow": ("~short-tailed",)}, id="a-hyphened-adjective-describes"),
    P("A 300-strong herd of wild horses crossed the river.", "300-strong",
      {"thing": "horse"}, id="a-strong-group-counts-its-members"),
    P("A 40-strong team worked through the night.", "40-strong team",
      {"thing": "team"}, id="a-strong-group-alone-counts-itself"),
    P("About 900 people were on board the ferry, with a crew of around 120.", "around 120",
      {"thing": "crew"}, id="a-group-of-a-bare-figure-is-its-size"),
    P("With the condition of two more still critical, the toll may rise.", "two",
      {"thing": None}, id="the-condition-of-two-is-no-group"),
    P("The outage affected 40,000 customers who bought tickets online.", "40,000 customers",
      {"event": "hit"}, id="the-verb-acting-on-them-not-their-relative-clause"),
    P("About 200 people who were injured were taken to hospital.", "About 200 people",
      {"event": "injured"}, id="a-relative-clause-on-a-subject"),
    P("The president called for five days of national mourning.", "five days",
      {"thing": "mourning", "event": None}, id="days-of-something-whatever-the-verb"),
    P("The club has 21 days to appeal.", "21 days", {"event": "appeal"},
      id="a-time-allowed-to-appeal-is-a-claim"),
    P("At least 30 people died and 90 were hurt, 14 in critical condition.", "14",
      {"event": "injured", "narrow": ("critical",)}, id="a-condition-is-the-injured"),
    P("Another 14 people were still listed as missing.", "14 people",
      {"event": "missing"}, id="listed-as-missing"),
    P("Nine were reported as missing on Friday.", "Nine",
      {"event": "missing"}, id="reported-as-missing"),
    P("The latest finds took the rescue tally to 85.", "85",
      {"event": "rescued", "mode": None}, id="took-the-tally-to-a-level"),
    P("There have been eleven suspected cholera deaths so far.", "eleven",
      {"event": "killed", "narrow": ("~cholera", "~suspect")}, id="suspected-deaths-are-deaths"),
    P("At least nine deaths from the fever are suspected in the valley.",
      "At least nine deaths", {"event": "killed"}, id="deaths-are-suspected-still-deaths"),
    P("Four suspected smugglers were killed in the raid.", "Four",
      {"event": "killed", "narrow": ("~suspect",)}, id="suspected-is-a-hedge-not-a-charge"),
    P("The gunman was arrested after a four-hour stand-off.", "four-hour",
      {"thing": "incident", "event": None}, id="a-hyphened-span-is-how-long-the-event-lasted"),
    P("Exports fell to a 31-month low, the bureau said.", "31-month",
      {"thing": None, "event": "low"}, id="a-span-low-is-the-lowest-in-it"),
    P("Farmers began a three-day strike over prices.", "three-day",
      {"thing": "incident", "event": None}, id="a-three-day-strike"),
    P("Four more patients succumbed to their burns overnight.", "Four",
      {"event": "killed"}, id="succumbed-is-died"),
    P("Officials have so far identified 16 people.", "16 people",
      {"thing": "people", "event": None}, id="a-reporting-verb-names-no-event"),
    P("Around 2,300 jobs could be lost under the plan.", "Around 2,300 jobs",
      {"mode": "forecast"}, id="could-be-lost-may-happen-not-a-capacity"),
    P("The stadium can hold 38,000 fans.", "38,000 fans",
      {"mode": "capacity"}, id="can-hold-is-a-capacity"),
    P("The finds take the missing tally to 60 and the toll to 41.", "41",
      {"mode": None}, id="the-toll-to-a-level-in-a-list"),
    P("Forty people were killed in Alton, three in Brisco and two in Carrow.", "three",
      {"scope": ("where:brisco",)}, id="a-gapped-figure-takes-its-own-place"),
    P("The depot is about 40 km (25 miles) from the city of Lorvane and about 90 km from "
      "the coast.", "about 40 km", {"holder": "lorvane"},
      id="a-distance-from-the-city-of-a-place"),
    P("Four people were killed, 61 injured and 164 trucks were damaged in a series of "
      "crashes.", "164 trucks", {"thing": "truck", "event": "damaged"},
      id="a-participle-with-its-own-subject-is-a-clause"),
    P("Four people were killed, 61 injured and 164 trucks were damaged in a series of "
      "crashes.", "61", {"event": "injured"}, id="the-subject-of-that-participle"),
    P("Nine miners who were injured in the blast died in hospital.", "Nine miners",
      {"event": "killed"}, id="the-main-verb-over-a-relative-clause"),
    P("Nadia Orlov, 31, leaves behind two daughters aged six and three.", "aged six",
      {"thing": "age", "holder": "daughter"}, id="children-aged-n-are-their-age"),
    P("It was the strongest storm to hit the island in 14 years.", "14 years",
      {"thing": "record", "narrow": ("~strongest",)}, id="a-superlative-in-a-span"),
    P("It was the most powerful storm to hit the coast in three decades.", "three decades",
      {"thing": "record", "narrow": ("~powerful",)}, id="most-and-an-adjective-in-a-span"),
    P("The repairs took at least 14 years.", "at least 14 years",
      {"thing": None}, id="at-least-is-no-superlative"),
    P("About 500 people are dying a day in the capital.", "About 500 people",
      {"event": "killed", "mode": "rate"}, id="a-day-is-how-often-not-an-object"),
    P("A band of raiders, perhaps six, killed 12 villagers near the river.", "six",
      {"thing": "raider", "event": "killed-agent"}, id="a-figure-beside-a-tally-counts-its-noun"),
    P("A group of miners, about 30, were trapped underground.", "about 30",
      {"thing": "miner"}, id="a-figure-set-beside-its-noun"),
    P("The march came a day after police detained 40 students on the campus.", "40 students",
      {"event": "arrested", "mode": None}, id="a-day-after-is-when-not-how-often"),
    P("Some 2,000 migrants cross the border every week.", "Some 2,000 migrants", {"mode": "rate"},
      id="every-week-is-a-rate"),
    P("Some 3,000 people die daily on the roads.", "Some 3,000 people",
      {"mode": "rate", "narrow": ("road",)}, id="daily-is-a-rate-not-a-kind"),
    P("Police arrested 40 people on a single day.", "40 people", {"mode": None},
      id="on-a-day-is-no-rate"),
    P("Deaths rose to 700 from the usual average of 360 a day.", "360",
      {"time": ("usual",)}, id="the-usual-average-is-a-baseline"),
    P("Deaths rose to 700 from the usual average of 360 a day.", "700", {"time": ()},
      id="what-rose-from-the-baseline-is-not"),
    P("In normal years 40 ships pass the strait.", "40 ships", {"time": ("usual",)},
      id="in-normal-years"),
    P("Normally 40 ships pass the strait.", "40 ships", {"time": ("usual",), "narrow": ()},
      id="normally-is-a-time-not-a-kind"),
    P("One of the lorries carried 1,200 kg of rice, and another held 900 kg.", "1,200 kg",
      {"part": "of"}, id="one-of-several-holds-a-part"),
    P("One of the lorries carried 1,200 kg of rice, and another held 900 kg.", "900 kg",
      {"part": "of"}, id="another-holds-a-part"),
    P("Customs seized 2,100 kg of rice in two lorries.", "2,100 kg", {"part": None},
      id="the-whole-seized-is-no-part"),
    P("One of the survivors said 40 people had died.", "40 people", {"part": None},
      id="a-member-who-tells-the-figure"),
    P("The 32 crew, including 30 Kenyans and two Ugandans, are missing.", "30 Kenyans",
      {"thing": "people", "narrow": ("of:kenyan",)}, id="people-of-a-nation"),
    P("The 32 crew, including 30 Kenyans and two Ugandans, are missing.", "two Ugandans",
      {"thing": "people", "narrow": ("of:ugandan",)}, id="people-of-another-nation"),
    P("Officials said 16 Peruvian nationals had been identified.", "16",
      {"thing": "people", "narrow": ("of:peruvian",)}, id="nationals-of-a-nation-are-people"),
    P("The firm employs 300 nationals at the port.", "300 nationals",
      {"thing": "national"}, id="nationals-of-no-nation-stay-nationals"),
    P("Among the dead were 12 Canadians, the embassy said.", "12 Canadians",
      {"event": "killed", "narrow": ("of:canadian",)}, id="among-the-dead-were"),
    P("Thirty of the passengers were male and nine were female.", "Thirty",
      {"thing": "man", "event": None}, id="male-says-who-not-what-happened"),
    P("Thirty of the passengers were male and nine were female.", "nine",
      {"thing": "woman", "event": None}, id="female-keeps-a-bare-figure"),
    P("Of the 9 million called to vote, 6 million (66%) voted.", "66%",
      {"event": "participated", "holder": None}, id="voted-for-no-one-is-turnout"),
    P("Around 64% of voters cast their ballots.", "Around 64%",
      {"event": "participated"}, id="cast-ballots-is-turnout"),
    P("Some 2 million people voted for Ms Okafor.", "Some 2 million people",
      {"event": "vote"}, id="voted-for-someone-is-no-turnout"),
    P("The committee voted 12 times before noon.", "12 times", {"event": "vote"},
      id="a-figure-not-the-voters-is-no-turnout"),
    P("Around 40% of voters cast ballots for Mr Lee.", "Around 40%",
      {"event": "cast", "holder": "lee"}, id="cast-for-someone-is-a-share"),
    P("Two Kenyans were hurt in the crash.", "Two Kenyans",
      {"narrow": ("of:kenyan",)}, id="a-nation-in-the-plural-is-spelt-as-its-adjective"),
    P("Two Kenyan nationals were hurt in the crash.", "Two",
      {"narrow": ("of:kenyan",)}, id="a-nation-as-an-adjective"),
    P("Police said at least 14 went missing after the storm.", "at least 14",
      {"event": "missing"}, id="went-missing"),
    P("Officials said 6 workers on the list unaccounted for may have left.", "6 workers",
      {"event": "missing"}, id="unaccounted-is-missing-whatever-the-lemma"),
    P("The krona fell more than 6% against the dollar on Thursday.", "more than 6%",
      {"holder": "krona", "change": "down"}, id="what-changed-is-the-subject"),
    P("It ended the day at $15, down by 18% from its offer price.", "18%",
      {"change": "down"}, id="down-by-is-a-change"),
    P("The selloff slashed the broad index by 2.6% on Thursday.", "2.6%",
      {"holder": "index", "change": "down"}, id="what-changed-is-the-object"),
    P("The 31 per cent plunge in Acme Corp alarmed investors.", "31 per cent",
      {"event": "plunge", "change": "down", "holder": "acme corp", "thing": None},
      id="a-noun-of-change-sized-by-a-share"),
    P("A drop of 12% in sales worried the board.", "12%",
      {"event": "drop", "change": "down", "holder": "sale"}, id="a-drop-of-a-share"),
    P("Shares of Acme closed 18.5 per cent below the offer price.", "18.5 per cent",
      {"change": "down"}, id="below-a-reference-is-a-change"),
    P("The bank raised its key rate to 8% from 6.5%.", "6.5%",
      {"time": ("prior",)}, id="from-is-the-level-before-the-change"),
    P("The founder holds a 4.6% stake in the company.", "4.6%",
      {"mode": None, "thing": "stake"}, id="a-held-stake-is-no-capacity"),
    P("There were 12 casualties on the Peruvian side.", "12 casualties",
      {"narrow": ("of:peruvian",)}, id="casualties-on-a-nations-side"),
    P("The 410m (1,345ft) pier was built in 1902.", "410m",
      {"thing": "length", "holder": "pier", "event": None, "time": ()},
      id="a-length-before-its-noun-sizes-it"),
    P("Lakeside is about 35 miles (56 km) north of the city.", "about 35 miles",
      {"thing": "distance", "holder": None}, id="a-compass-word-is-no-sized-noun"),
    P("A 60m stretch of the viaduct gave way.", "60m",
      {"thing": "length", "holder": "viaduct"}, id="a-length-of-a-thing-is-the-things"),
    P("A 1.6 kilometre-long viaduct caved in.", "1.6 kilometre",
      {"thing": "length", "holder": "viaduct", "change": None},
      id="a-unit-long-noun-is-its-length"),
    P("The old barge was 140 metres long when it sank.", "140 metres",
      {"thing": "length", "holder": "barge", "event": None},
      id="a-subject-that-was-so-long-has-that-length"),
    P("The jetty stretches 800 metres and weighs 9,000 tonnes.", "9,000 tonnes",
      {"thing": "weight", "holder": "jetty", "event": None},
      id="a-verb-of-size-gives-its-subject-that-size"),
    P("The convoy travelled 40 km before it stopped.", "40 km",
      {"holder": None, "event": "travel"},
      id="a-distance-gone-is-no-size-of-the-goer"),
    P("A 14-member squad was flown to the site.", "14-member squad",
      {"thing": "squadmember"}, id="an-n-member-body-counts-its-members"),
    P("A three-man crew flew the plane.", "three-man crew",
      {"thing": "crew"}, id="an-n-man-crew-counts-the-crew"),
    P("The mayor spoke during the 25-minute ship-to-shore call.", "25-minute",
      {"thing": "call", "event": None}, id="a-hyphened-span-sizes-its-noun-past-modifiers"),
    P("Ex-Lakeview, Ohio Sheriff Dana Whitcombe is trailing at 31.8 percent.", "31.8 percent",
      {"holder": "whitcombe"},
      id="a-subject-split-at-a-comma-is-the-person-named-last"),
    P("Results so far:\n\nTom Orrin- 25.1%", "25.1%", {"holder": "orrin"},
      id="a-dash-glued-to-a-name-is-no-part-of-it"),
    P("The official count of victims stood at 42.", "42", {"thing": "victim"},
      id="a-count-of-a-noun-tallies-it"),
    P("The tally of homes destroyed rose to 300.", "300",
      {"thing": "home", "event": "damaged"}, id="a-tally-of-a-noun-tallies-it"),
    P("The storm is expected to kill 30 people.", "30 people",
      {"mode": "forecast"}, id="forecast",
      marks=pytest.mark.xfail(strict=True, reason="the forecast verb is the clause's head "
                              "above the counted phrase's own verb, which is not climbed")),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), FIELDS)
def test_measure_fields(nlp, sentence: str, text: str, expected: dict) -> None:
    """A figure's measure holds what its sentence states about it."""
    found = measure(nlp, sentence, text)
    for field, value in expected.items():
        assert getattr(found, field) == value, (field, found)


@pytest.mark.parametrize("sentence", [
    "Some 21 children under five and two adults have died.",
    "Thirty people over the age of 70 were taken to hospital.",
    "Six pupils younger than nine were rescued from the bus.",
])
def test_an_age_bound_counts_nobody(nlp, sentence: str) -> None:
    """ "children under five": the five bounds their age; it counts no one."""
    counts = claims_of(nlp, sentence, ClaimKind.COUNT)
    assert [c.amount.amount for c in counts if c.amount.amount in (5, 70, 9)] == []
    assert counts, "the group itself is still counted"


def test_numbers_said_to_be_counts_still_count(nlp) -> None:
    """ "The numbers were 40 dead and 12 injured" counts the dead and the injured."""
    counts = claims_of(nlp, "The numbers were 40 dead and 12 injured.", ClaimKind.COUNT)
    assert sorted(c.amount.amount for c in counts) == [12, 40]


def test_a_hyphened_prison_term_stays_a_sentence(nlp) -> None:
    """ "a 12-year prison term" is a sentence handed down, not how long a prison lasted."""
    spans = claims_of(nlp, "The judge handed him a 12-year prison term.", ClaimKind.QUANTITY)
    assert [c.text for c in spans if c.amount.dimension == "duration"] == []


def test_agent_is_not_the_victim(nlp) -> None:
    """ "A gunman killed 49 people": the gunman is counted as the one who did it."""
    assert measure(nlp, "One gunman killed 49 people.", "49 people").event == "killed"
    gunman = claims_of(nlp, "Two gunmen killed 49 people at the mosque.", ClaimKind.COUNT)
    agents = [c for c in gunman if c.subject.measure.thing == "gunman"]
    assert all(c.subject.measure.event != "killed" for c in agents)


def test_whole_of_a_partitive_takes_no_verb(nlp) -> None:
    """ "Out of the 40,000 people in attendance, 3,000 rushed the pitch": the 40,000 did
    not rush; only the part did."""
    whole = measure(nlp, "Out of the 40,000 people in attendance, around 3,000 rushed to "
                    "the pitch.", "40,000 people")
    assert whole.event != "rush"


@pytest.mark.parametrize(("sentence", "name", "expected"), [
    P("It was the price of Dr Tom Reyes’s new venture.", "Tom Reyes’s", "reyes",
      id="possessive-inside-the-entity"),
    P("Sam Jones, 44, was hurt.", "Sam Jones", "jones", id="final-s-is-kept"),
])
def test_surname_drops_only_the_possessive(nlp, sentence: str, name: str, expected: str) -> None:
    """A person's holder key is the surname without the possessive an entity may end
    with, and a name ending in "s" keeps it."""
    from factcheck.extract.setting import surname

    entity = next(e for e in nlp(sentence).ents if e.text == name)
    assert surname(entity) == expected


def test_age_holder_keeps_a_final_s(nlp) -> None:
    """ "Sam Jones, 44": the age is held by his whole name, its last word without a
    possessive's mark cut from it."""
    assert measure(nlp, "Sam Jones, 44, was hurt in the crash.", "44").holder == "sam jones"


@pytest.mark.parametrize(("sentence", "text"), [
    P("Thirty-two shoppers sustained injuries when the escalator gave way.", "Thirty-two shoppers",
      id="sustained-injuries"),
    P("Eleven of the climbers suffered injuries on the ridge.", "Eleven", id="suffered-injuries"),
    P("Four riders had serious injuries, organisers said.", "Four riders",
      id="had-injuries"),
    P("The explosion left 23 workers with injuries.", "23 workers", id="left-with-injuries"),
])
def test_who_suffers_an_injury_is_injured(nlp, sentence: str, text: str) -> None:
    """ "sustained injuries", "had serious injuries", "left 23 workers with injuries": the
    figure counts the injured, not people who injured anyone."""
    assert measure(nlp, sentence, text).event == "injured"


def test_having_seats_is_no_injury(nlp) -> None:
    """ "has 900 seats" names no event: only an object that is one ("had injuries") makes
    "have" say what happened."""
    assert measure(nlp, "The old hall has 900 seats.", "900 seats").event != "injured"


@pytest.mark.parametrize(("sentence", "text", "thing"), [
    P("Robbers tied up 12 members of staff at the warehouse.", "12 members", "staff",
      id="members-of-staff"),
    P("Six members of the crew were rescued by a trawler.", "Six members", "crew",
      id="members-of-the-crew"),
])
def test_members_of_a_body_count_the_body(nlp, sentence: str, text: str, thing: str) -> None:
    """ "12 members of staff" count staff, "six members of the crew" crew."""
    assert measure(nlp, sentence, text).thing == thing


@pytest.mark.parametrize(("sentence", "text", "event"), [
    P("Detectives believe the raiders made off with £30 million.",
      "£30 million", "steal", id="made-off-with"),
    P("The robbers got away with $3 million in cash.", "$3 million", "steal",
      id="got-away-with"),
    P("The thieves escaped with jewels worth 2 million euros.", "2 million euros", "steal",
      id="escaped-with-what-is-worth"),
    P("Two guards fled with 12 prisoners.", "12 prisoners", "flee",
      id="people-fled-with-are-not-taken"),
])
def test_what_a_gang_made_off_with_was_stolen(nlp, sentence: str, text: str,
                                              event: str) -> None:
    """ "made off with", "got away with", "escaped with" a sum: the sum was stolen; people
    who fled with others were not."""
    assert measure(nlp, sentence, text).event == event
