"""Acts told as background, not news: what describes someone by an earlier act, acts some
years before the news, acts dated long before the article and states of things since an
earlier year (sentence rules background and dated_past)."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.scope import CoderKnowledge, SentenceState


def background(k: CoderKnowledge, s: SentenceState) -> None:
    """"the homes of two men who had carried out attacks": what describes someone by an
    earlier act (a relative clause in the past perfect, rules.yaml: background_aux) is
    background, not news; so is an act some years before the news ("five years after crowds
    burned down its embassy": rules.yaml background_spans)."""
    doc = s.tokens[0].doc
    for i in list(s.by_verb):
        t = doc[i]
        if t.dep_ == "relcl" and any(c.dep_ in ("aux", "auxpass") and
                                     c.lower_ in k.rules.background_aux for c in t.children):
            del s.by_verb[i]
        elif t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in
                                       k.rules.background_span_marks for c in t.children) and \
                any(c.dep_ == "npadvmod" and c.lemma_.lower() in k.rules.background_span_units
                    for c in t.children):
            del s.by_verb[i]
        elif _since_a_record(k, t):
            del s.by_verb[i]


def _since_a_record(k: CoderKnowledge, verb: Token) -> bool:
    """"the largest since Washington lifted sanctions", "the first visit since Beijing broke
    off relations": a clause of "since" that measures a record (after a superlative or a word
    of rules.yaml background_spans.ranks) tells an earlier act as background."""
    if verb.dep_ not in ("advcl", "relcl", "acl") or not any(
            c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return False
    head = verb.head
    words = [head, *(c for c in head.children if c.dep_ in ("attr", "appos", "dobj", "nsubj"))]
    return any(_ranked(k, w) or any(c.dep_ in ("amod", "advmod") and _ranked(k, c)
                                    for c in w.children) for w in words)


def _ranked(k: CoderKnowledge, word: Token) -> bool:
    return word.tag_ in ("JJS", "RBS") or word.lower_ in k.rules.background_span_ranks


def dated_past(k: CoderKnowledge, s: SentenceState) -> None:
    """"Iraq invaded Kuwait in August 1990", "the 1967 war between Israel and Egypt": an act
    dated by its own words to a year long before the article (rules.yaml: dated_past_years)
    is history recalled, not news."""
    published, years = s.ctx.date, k.rules.dated_past_years
    if published is None or not years:
        return
    doc = s.tokens[0].doc
    for i in list(s.by_verb):
        year = _own_year(doc[i])
        if year is None and (ago := _years_ago(doc[i])) is not None:
            year = published.year - ago  # ("sixty years ago North Korea attacked ...")
        if year is not None and year <= published.year - years or \
                _since_long_ago(doc[i], published.year) or \
                _within_since(doc[i], published.year):
            del s.by_verb[i]


def _since_long_ago(verb: Token, this_year: int) -> bool:
    """"Since 2019, India and the UAE have deepened their ties", "have kept close ties since
    the Taliban's return in August 2021": a state of things over a period that began in an
    earlier year is background, not an act of the day (not "since Monday")."""
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    for c in verb.children:
        if c.lower_ == "since" and c.dep_ == "prep" or c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ == "since" for g in c.children):
            if any(_is_year(t) and int(t.text) < this_year for t in c.subtree):
                return True
    return False


def _within_since(word: Token, this_year: int) -> bool:
    """"Since 2014, the two have fought a war that has killed 13,000 people": what a relative
    clause in the perfect says of the object of a state of things since an earlier year is
    part of that background."""
    if word.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lemma_ == "have"
                                       for c in word.children):
        return False
    verb = next((a for a in word.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and _since_long_ago(verb, this_year)


# (another clause's time is not the word's own: "invaded Kuwait in August 1990, and a
# coalition drove its forces out seven months later")
_CLAUSES = frozenset({"conj", "advcl", "ccomp", "relcl", "parataxis", "xcomp", "acl"})


def _own_year(word: Token) -> int | None:
    """The year a verb or event noun is dated to by its own modifiers ("in 1990", "in August
    1990", "during 2014", "the 1967 war"; the last year of "from 1998 to 2000"), unless a
    nearer time is named beside it ("on Saturday ... during the 2011 uprising" dates the
    uprising, not the act)."""
    year = None
    for c in word.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "between"):
            # ("from 1998 to 2000", "between 1998 and 2000": years themselves, not "withdrew
            # from a 1999 treaty")
            ends = [g for g in c.children if g.dep_ == "pobj"]
            ends += [o for e in ends for g in (*e.children, *c.children)
                     if g.dep_ in ("prep", "conj") for o in (g, *g.children)]
            years = [int(t.text) for t in ends if _is_year(t)]
            year = max(years) if years and _is_year(ends[0]) else year
        elif c.dep_ == "prep" and c.lower_ in ("in", "during"):
            for obj in (g for g in c.children if g.dep_ == "pobj"):
                if _is_year(obj):
                    year = int(obj.text)
                elif obj.text in _MONTHS:
                    year = next((int(g.text) for g in obj.children if _is_year(g)), year)
        elif c.dep_ in ("nummod", "compound", "amod", "npadvmod") and c.i < word.i and \
                _is_year(c):
            year = int(c.text)
    recent = any(t.ent_type_ in ("DATE", "TIME") and not any(_is_year(g) for g in t.subtree)
                 for c in word.children if c.dep_ not in _CLAUSES and c.dep_ not in _ROLES
                 for t in (c, *c.children))
    return None if recent else year


# How many years the units of "... ago" stand for (one of each; a number before counts them).
_AGO_UNITS = {"year": 1, "decade": 10, "century": 100}


def _years_ago(word: Token) -> int | None:
    """How many years back, at least, "ago" dates the verb or noun ("30 years ago", "two
    decades ago"; "a year ago" is one; a number in words, "sixty years ago", or none,
    "several years ago", is taken for two: enough to tell history from news)."""
    for ago in (c for c in word.children if c.lower_ == "ago"):
        for unit in (c for c in ago.children if c.lemma_.lower() in _AGO_UNITS):
            per = _AGO_UNITS[unit.lemma_.lower()]
            num = next((c for c in unit.children if c.dep_ in ("nummod", "det", "amod")), None)
            if num is None or num.lower_ in ("a", "an", "one", "1"):
                return per if unit.tag_ == "NN" else 2 * per
            text = num.text.replace(",", "")
            return per * (int(text) if text.isdigit() else 2)
    return None


# (what the act was done to or by is no time: "fought a two-year war from 1998 to 2000")
_ROLES = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative"})

_MONTHS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"})


def _is_year(t: Token) -> bool:
    return len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= 2099
