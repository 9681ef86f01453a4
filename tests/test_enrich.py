"""The dates/places stage: event dates from the sentence, places from an offline gazetteer."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tidings.enrich.dates import event_date
from tidings.enrich.places import Gazetteer, load_gazetteer, place_of
from tidings.enrich.stage import enrich
from tidings.records import Actor, Event

PUB = dt.date(2024, 3, 12)  # a Tuesday


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


# -- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected", "expression"), [
    ("Envoys from both capitals held talks on Sunday near the border.",
     dt.date(2024, 3, 10), "Sunday"),
    # a weekday is the most recent such day on or before the publication day
    ("The cabinet said on Tuesday it would reopen the crossing.", PUB, "Tuesday"),
    ("Riot police dispersed the crowd on Wednesday night.", dt.date(2024, 3, 6),
     "Wednesday night"),
    ("Saturday's vote was marred by boycotts.", dt.date(2024, 3, 9), "Saturday"),
    ("The governor resigned yesterday after a week of protests.",
     dt.date(2024, 3, 11), "yesterday"),
    ("Armoured columns crossed the river today.", PUB, "today"),
    # "last week" is the publication date minus seven days
    ("Negotiators walked out of the meeting last week.", dt.date(2024, 3, 5), "last week"),
    ("Earlier this week the junta freed four detainees.", PUB, "this week"),
    ("The blockade began two days ago.", dt.date(2024, 3, 10), "two days ago"),
    ("The militia took the airport three weeks ago.", dt.date(2024, 2, 20), "three weeks ago"),
    # a month (or year) without a day stands for its first day
    ("The two governments restored relations in August 2021.",
     dt.date(2021, 8, 1), "August 2021"),
    ("The monarchy was abolished in 2008, the report said.", dt.date(2008, 1, 1), "2008"),
    ("Turnout fell sharply this month.", dt.date(2024, 3, 1), "this month"),
    ("The parliament was dissolved last year.", dt.date(2023, 1, 1), "last year"),
    # a month and day without a year is the most recent one not after publication
    ("The delegation landed on March 3 for a two-day visit.", dt.date(2024, 3, 3), "March 3"),
    ("The delegation landed on 3 March for a two-day visit.", dt.date(2024, 3, 3), "3 March"),
    ("The truce was signed on Nov. 14 in a hotel.", dt.date(2023, 11, 14), "Nov. 14"),
    ("Ministers met on Monday, March 11, to discuss grain exports.",
     dt.date(2024, 3, 11), "Monday, March 11"),
    ("Shelling resumed over the weekend.", dt.date(2024, 3, 9), "the weekend"),
    # the future only where the expression says so
    ("The envoy will return next month.", dt.date(2024, 4, 1), "next month"),
    ("The summit opens tomorrow in the capital.", dt.date(2024, 3, 13), "tomorrow"),
    ("The coalition promised a referendum next Friday.", dt.date(2024, 3, 15), "next Friday"),
])
def test_dates_relative_to_publication(sentence: str, expected: dt.date,
                                       expression: str) -> None:
    assert event_date(sentence, PUB) == (expected, f"text:{expression}")


@pytest.mark.parametrize("sentence", [
    "Ballots have been counted since January, officials said.",
    "Iran and China, which have cooperated since August 2021, signed a trade deal.",
    "The curfew will stay in place until March, the ministry said.",
])
def test_the_bound_of_a_period_is_not_the_date_of_the_event(sentence: str) -> None:
    assert event_date(sentence, PUB) == (PUB, "published")


@pytest.mark.parametrize("sentence", [
    "The guards may open fire if the crowd advances.",
    "Iran may attack the tankers, a spokesman warned.",
    "Thousands will march on the ministry to demand wages.",
    "The floods killed 2,000 people and left 100 villages cut off.",
    "The second convoy reached the camp, and now aid is flowing.",
    "A 15 percent tariff was imposed on 300 goods.",
    "The 2019 accord remains in force.",
    "The clinic serves a population of 2000 people.",
    "Workers marched on May Day in the capital.",
    "The rebels issued no statement.",
])
def test_noise_is_not_a_date(sentence: str) -> None:
    assert event_date(sentence, PUB) == (PUB, "published")


def test_no_date_after_publication_unless_said() -> None:
    # "on March 20" without a year reads as last year's March 20, not next week's
    assert event_date("The envoy arrived on March 20.", PUB)[0] == dt.date(2023, 3, 20)
    # "this Friday" without "next" or "coming" is the past Friday
    assert event_date("This Friday the two presidents spoke.", PUB)[0] == dt.date(2024, 3, 8)
    for sentence in ("Talks collapsed on Sunday.", "The army withdrew last week.",
                     "Troops massed in April.", "The strike began yesterday."):
        day, _ = event_date(sentence, PUB)
        assert day is not None and day <= PUB


def test_future_year_is_a_target_not_a_date() -> None:
    assert event_date("The ministry vowed to halve the deficit by 2030.", PUB) == (
        PUB, "published")
    assert event_date("A runoff is scheduled for 14 April 2024.", PUB) == (
        dt.date(2024, 4, 14), "text:14 April 2024")


@pytest.mark.parametrize(("sentence", "expected", "expression"), [
    # numeric dates: ISO, and slashes read month first unless the first number is over 12
    ("The decree took effect on 2024-02-05.", dt.date(2024, 2, 5), "2024-02-05"),
    ("The decree took effect on 2/5/2024.", dt.date(2024, 2, 5), "2/5/2024"),
    ("The decree took effect on 25/2/2024.", dt.date(2024, 2, 25), "25/2/2024"),
    ("The decree was issued on the 3rd of March 2020.", dt.date(2020, 3, 3),
     "3rd of March 2020"),
    ("The decree was issued on Tuesday, March 5, 2024.", dt.date(2024, 3, 5),
     "Tuesday, March 5, 2024"),
    # two days of one month: the first
    ("Delegates met on March 3 and 4 in Geneva.", dt.date(2024, 3, 3), "March 3"),
    # February 29 without a year: the last leap day before publication
    ("The pact was signed on February 29.", dt.date(2024, 2, 29), "February 29"),
])
def test_date_shapes(sentence: str, expected: dt.date, expression: str) -> None:
    assert event_date(sentence, PUB) == (expected, f"text:{expression}")


@pytest.mark.parametrize("sentence", [
    "The decree took effect on February 30, 2024.",  # no such day
    "The curfew lasted until Tuesday, March 5, officials said.",  # the bound of a period
    "The convoy will leave in mid-August, the ministry said.",
])
def test_what_is_not_read_as_a_date(sentence: str) -> None:
    assert event_date(sentence, PUB) == (PUB, "published")


def test_feb_29_in_a_common_year_looks_back_to_a_leap_year() -> None:
    assert event_date("The pact was signed on February 29.", dt.date(2023, 6, 1))[0] == \
        dt.date(2020, 2, 29)


def test_weekday_on_the_publication_weekday() -> None:
    sunday = dt.date(2024, 3, 10)
    assert event_date("The polls closed on Sunday.", sunday)[0] == sunday
    assert event_date("The polls closed last Sunday.", sunday)[0] == dt.date(2024, 3, 3)


def test_periods_across_a_year_boundary() -> None:
    pub = dt.date(2024, 1, 2)
    assert event_date("Prices rose last month.", pub)[0] == dt.date(2023, 12, 1)
    assert event_date("The pact was signed on December 28.", pub)[0] == dt.date(2023, 12, 28)


def test_without_publication_date() -> None:
    assert event_date("The accord was signed in August 2021.", None) == (
        dt.date(2021, 8, 1), "text:August 2021")
    assert event_date("The accord was signed yesterday.", None) == (None, "unknown")
    assert event_date("The accord was signed.", None) == (None, "unknown")
    assert event_date("", PUB) == (PUB, "published")


def test_datetime_published_is_a_date() -> None:
    day, source = event_date("Clashes broke out yesterday.", dt.datetime(2024, 3, 12, 23, 5))
    assert (day, source) == (dt.date(2024, 3, 11), "text:yesterday")


# -- gazetteer -----------------------------------------------------------------------------

def test_lookup_cities(gaz: Gazetteer) -> None:
    tehran = gaz.lookup("Tehran")
    assert tehran is not None
    assert (tehran.country, tehran.feature) == ("IRN", "city")
    assert tehran.lat == pytest.approx(35.7, abs=0.1)
    assert tehran.lon == pytest.approx(51.4, abs=0.1)
    doha = gaz.lookup("doha")
    assert doha is not None and doha.country == "QAT"
    kiev = gaz.lookup("Kiev")  # an alternate name
    assert kiev is not None and kiev.country == "UKR"
    paris = gaz.lookup("PARIS")  # the most populous of its name
    assert paris is not None and paris.country == "FRA"
    rafah = gaz.lookup("Rafah")  # accents in the gazetteer's own spelling
    assert rafah is not None and rafah.country == "PSE"


def test_a_city_is_found_without_its_word_for_city(gaz: Gazetteer) -> None:
    # (geonames writes some Japanese and Korean cities with "-shi", "-si")
    nara = gaz.lookup("Nara")
    assert nara is not None and nara.country == "JPN"
    goyang = gaz.lookup("Goyang")
    assert goyang is not None and goyang.country == "KOR"


def test_a_preferred_country_wins_only_for_a_city_of_some_size(gaz: Gazetteer) -> None:
    valencia = gaz.lookup("Valencia", prefer=["ESP"], min_share=0.05)
    assert valencia is not None and valencia.country == "ESP"
    # a small town of the name in the preferred country is not the one meant
    paris = gaz.lookup("Paris", prefer=["USA"], min_share=0.05)
    assert paris is not None and paris.country == "FRA"
    # (with no share asked, any city of the name in the preferred country)
    texas = gaz.lookup("Paris", prefer=["USA"])
    assert texas is not None and texas.country == "USA"


def test_lookup_countries(gaz: Gazetteer) -> None:
    georgia = gaz.lookup("Georgia")
    assert georgia is not None and (georgia.country, georgia.feature) == ("GEO", "country")
    lebanon = gaz.lookup("Lebanon")  # a country before the US towns of that name
    assert lebanon is not None and lebanon.country == "LBN"
    assert gaz.lookup("the United States").country == "USA"
    assert gaz.lookup("Britain").country == "GBR"
    kosovo = gaz.lookup("Kosovo")
    assert kosovo is not None and kosovo.country == "KSV"


def test_lookup_regions_from_the_actor_dictionary(gaz: Gazetteer) -> None:
    # regions the city list lacks come from countries.yaml, without coordinates
    tigray = gaz.lookup("Tigray")
    assert tigray is not None and (tigray.country, tigray.feature) == ("ETH", "admin")
    assert tigray.lat is None and tigray.lon is None
    darfur = place_of(["North Darfur"], ["SDN"], gaz)
    assert darfur is not None and darfur.country == "SDN"


def test_an_ambiguous_name_is_read_in_the_actors_country(gaz: Gazetteer) -> None:
    # two cities of this name: the one in the country of the event's actors wins
    assert place_of(["Hyderabad"], ["PAK"], gaz).country == "PAK"
    assert place_of(["Hyderabad"], ["IND"], gaz).country == "IND"
    assert place_of(["Tripoli"], ["LBN"], gaz).country == "LBN"
    assert place_of(["Tripoli"], ["LBY"], gaz).country == "LBY"
    # a name known only elsewhere still resolves
    assert place_of(["Tehran"], ["USA"], gaz).country == "IRN"


def test_lookup_unknown(gaz: Gazetteer) -> None:
    assert gaz.lookup("Zorblatt") is None
    assert gaz.lookup("") is None
    assert gaz.lookup("police") is None


def test_country_places(gaz: Gazetteer) -> None:
    iran = gaz.country("IRN")
    assert iran is not None
    assert (iran.name, iran.feature) == ("Iran", "country")
    assert iran.lat == pytest.approx(35.7, abs=0.1)  # at Tehran
    kosovo = gaz.country("KSV")
    assert kosovo is not None and kosovo.country == "KSV" and kosovo.lat is not None
    assert gaz.country("XKX") == kosovo
    for code in ("---", "IGOUNO", "EUR", "", "ZZZ"):
        assert gaz.country(code) is None


def test_place_of_candidates(gaz: Gazetteer) -> None:
    kirkuk = place_of(["the northern city of Kirkuk"], [], gaz)
    assert kirkuk is not None
    assert (kirkuk.name, kirkuk.country, kirkuk.source) == (
        "Kirkuk", "IRQ", "sentence:the northern city of Kirkuk")
    lebanon = place_of(["southern Lebanon"], ["ISR"], gaz)
    assert lebanon is not None and lebanon.country == "LBN"
    assert place_of(["the Syrian capital Damascus"], [], gaz).country == "SYR"
    assert place_of(["Idlib province"], [], gaz).country == "SYR"
    # the first candidate the gazetteer knows wins
    doha = place_of(["the venue", "Doha", "Tehran"], ["IRN"], gaz)
    assert doha is not None and (doha.country, doha.source) == ("QAT", "sentence:Doha")


def test_place_of_actor_country(gaz: Gazetteer) -> None:
    place = place_of(["the border crossing"], ["IRN", "IRN", "---", "IGOUNO"], gaz)
    assert place is not None
    assert (place.country, place.feature, place.source) == ("IRN", "country", "actor:IRN")
    assert place_of([], ["IRN", "USA"], gaz) is None
    assert place_of([], ["---"], gaz) is None
    assert place_of([], [], gaz) is None


# -- the stage -----------------------------------------------------------------------------

def _event(sentence: int, source: str | None, target: str | None) -> Event:
    src = Actor(f"{source or '---'}GOV", "x", 0, 1, "test", country=source)
    tgt = Actor(f"{target}GOV", "y", 2, 3, "test", country=target) if target else None
    return Event(src, tgt, "042", "04", 1, 1.9, "CONSULT", "visited", 4, 11, sentence, "test")


def test_enrich_fills_date_and_place(gaz: Gazetteer) -> None:
    sentences = ["The Iranian foreign minister visited Doha on Sunday.",
                 "He also met Iranian clerics.",
                 "Qatar and Iran agreed on a joint statement."]
    events = [_event(0, "IRN", "QAT"), _event(1, "IRN", "IRN"), _event(2, "QAT", "IRN")]
    out = enrich(events, sentences, {0: ["Doha"]}, PUB, gaz)
    assert len(out) == 3
    first, second, third = out
    assert (first.date, first.date_source) == (dt.date(2024, 3, 10), "text:Sunday")
    assert first.place is not None and first.place.country == "QAT"
    assert first.place.source == "sentence:Doha"
    # A sentence with no date or place of its own continues the story...
    assert (second.date, second.date_source) == (dt.date(2024, 3, 10), "context:Sunday")
    # ... but a place that does not fit its actors is not carried over.
    assert second.place is not None and second.place.country == "IRN"
    assert not second.place.source.startswith("context:")
    assert third.place is not None and third.place.source == "context:Doha"
    assert events[0].date is None  # the input is left alone
    assert first.to_dict()["date"] == "2024-03-10"


def test_enrich_without_publication_date(gaz: Gazetteer) -> None:
    out = enrich([_event(0, "IRN", None)], ["The minister spoke."], {}, None, gaz)
    assert (out[0].date, out[0].date_source) == (None, "unknown")
    assert out[0].place is not None and out[0].place.country == "IRN"


def test_a_visit_happens_at_the_hosts(gaz: Gazetteer) -> None:
    def visit(code: str, source: Actor, target: Actor) -> Event:
        return Event(source, target, code, "04", 1, 1.9, "CONSULT", "visited", 20, 27, 0, "t")

    envoy = Actor("CHNGOV", "The Chinese envoy", 0, 17, "t", country="CHN", agent="GOV")
    tehran = Actor("IRNGOV", "Tehran", 28, 34, "t", country="IRN", agent="GOV")
    iran = Actor("IRN", "Iran", 28, 32, "t", country="IRN")
    sentence = ["The Chinese envoy visited Tehran."]
    (to_city,) = enrich([visit("042", envoy, tehran)], sentence, {}, PUB, gaz)
    assert (to_city.place.name, to_city.place.feature) == ("Tehran", "city")
    assert to_city.place.source == "host:Tehran"
    (to_country,) = enrich([visit("042", envoy, iran)], sentence, {}, PUB, gaz)
    assert (to_country.place.country, to_country.place.feature) == ("IRN", "country")
    (hosting,) = enrich([visit("043", iran, envoy)], sentence, {}, PUB, gaz)
    assert hosting.place.country == "IRN"  # the host is the source of 043
    # a place the sentence names still comes first
    (named,) = enrich([visit("042", envoy, iran)], sentence, {0: ["Isfahan"]}, PUB, gaz)
    assert named.place.name == "Isfahan"
    # other events between two countries stay unplaced
    (talk,) = enrich([replace(visit("042", envoy, iran), code="040")], sentence, {}, PUB, gaz)
    assert talk.place is None


def test_the_built_gazetteer_is_cached(tmp_path, monkeypatch) -> None:
    from tidings.knowledge import gazetteer as enrich_module

    monkeypatch.setenv("TIDINGS_CACHE", str(tmp_path))
    enrich_module._load_gazetteer.cache_clear()
    try:
        built = load_gazetteer()
        (cached,) = (tmp_path / "gazetteer").glob("*.pickle")
        enrich_module._load_gazetteer.cache_clear()

        def no_build(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            raise AssertionError("built again")

        monkeypatch.setattr(enrich_module.Gazetteer, "__init__", no_build)
        again = load_gazetteer()  # read back, not built
        assert again.lookup("Doha") == built.lookup("Doha")
        cached.write_bytes(b"not a pickle")  # a damaged cache is rebuilt
        enrich_module._load_gazetteer.cache_clear()
        with pytest.raises(AssertionError, match="built again"):
            load_gazetteer()
    finally:
        enrich_module._load_gazetteer.cache_clear()
