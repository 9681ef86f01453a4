"""Actor names for the API: the dictionary name of a CAMEO actor code ("IRNGOV" is "Iran
government"), and the code of a name ("Iran" is IRN, "Hamas" PSEREBHMS), so that a filter
takes a name wherever it takes a code.

Both come from the knowledge bundle's actor files (countries, organisations, sector agents)
by plain dictionary lookups of lower-cased phrases: no spaCy, no parse. A name is resolved
only when the value is not a code the dictionaries know (``IRN``, ``irngov``, ``IGO``), so
every code that worked before still means what it meant.
"""

from __future__ import annotations

import re

from tidings.knowledge.bundle import Knowledge

UNKNOWN_COUNTRY = "---"
_PHRASE = re.compile(r"\s+")


def _phrase(text: str) -> str:
    return _PHRASE.sub(" ", text.strip().lower())


def _agent_label(name: str) -> str:
    """"Unaligned armed forces (militias, ...)" -> "unaligned armed forces"."""
    short = name.split(" (", 1)[0].strip()
    return short[:1].lower() + short[1:] if not short[:2].isupper() else short


class ActorNames:
    """Names and codes of the actor dictionaries of one knowledge bundle."""

    def __init__(self, knowledge: Knowledge) -> None:
        parts = knowledge.actor_names()
        self.countries: dict[str, str] = parts.get("countries", {})
        self.agents: dict[str, str] = parts.get("agents", {})
        self.orgs: dict[str, str] = parts.get("organizations", {})
        self._phrases: dict[str, str] = {}
        self._agent_phrases: dict[str, str] = {}
        for row in knowledge.merged("actors/countries.yaml").get("countries") or []:
            for n in [row.get("name") or "", *(row.get("names") or [])]:
                self._phrases.setdefault(_phrase(n), row["code"])
        for row in knowledge.merged("actors/organizations.yaml").get("organizations") or []:
            for n in [row.get("name") or "", *(row.get("names") or [])]:
                self._phrases.setdefault(_phrase(n), row["code"])
        for row in knowledge.merged("actors/agents.yaml").get("agents") or []:
            for n in [row.get("name") or "", *(row.get("words") or [])]:
                self._agent_phrases.setdefault(_phrase(n), row["code"])
        self._phrases.pop("", None)
        # The first three letters of every code the dictionaries make.
        self._starts = {c[:3] for c in (*self.countries, *self.orgs)} | {UNKNOWN_COUNTRY}

    # -- code -> name ----------------------------------------------------------------------
    def name(self, code: str | None) -> str | None:
        """The dictionary name of a code: an organisation's or a country's name, followed by
        the names of the sector agents after it ("USAGOV" is "United States government",
        "---REB" is "rebels"); None when the code begins with nothing the dictionaries
        know."""
        if not code:
            return None
        base = next((c for c in sorted(self.orgs, key=len, reverse=True)
                     if code.startswith(c)), None)
        if base is not None:
            head = self.orgs[base]
        elif code[:3] in self.countries:
            base, head = code[:3], self.countries[code[:3]]
        elif code.startswith(UNKNOWN_COUNTRY):
            base, head = UNKNOWN_COUNTRY, ""
        else:
            return None
        rest = code[len(base):]
        words = [head] if head else []
        for i in range(0, len(rest), 3):
            block = rest[i:i + 3]
            words.append(_agent_label(self.agents[block]) if block in self.agents else block)
        text = " ".join(words)
        return (text[:1].upper() + text[1:]) if text else None

    # -- name -> code ----------------------------------------------------------------------
    def is_known_code(self, code: str) -> bool:
        """Whether ``code`` (upper case) is a code, or a prefix of one, that the dictionaries
        make: a country, organisation or unknown-country start followed by agent codes."""
        if len(code) <= 3:
            return any(s.startswith(code) for s in self._starts)
        if any(o.startswith(code) for o in self.orgs):
            return True
        bases = [o for o in self.orgs if code.startswith(o)]
        if code[:3] in self.countries or code.startswith(UNKNOWN_COUNTRY):
            bases.append(code[:3])
        for base in bases:
            blocks = [code[i:i + 3] for i in range(len(base), len(code), 3)]
            if all(b in self.agents if len(b) == 3 else
                   any(a.startswith(b) for a in self.agents) for b in blocks):
                return True
        return False

    def code_of(self, name: str) -> str | None:
        """The code a name stands for: a country's or organisation's name ("Iran",
        "Islamic Resistance Movement"), optionally followed by a sector word ("Iran
        government" is IRNGOV); None when the dictionaries do not have it."""
        phrase = _phrase(name)
        if phrase in self._phrases:
            return self._phrases[phrase]
        words = phrase.split(" ")
        for cut in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if head in self._phrases and tail in self._agent_phrases:
                return self._phrases[head] + self._agent_phrases[tail]
        return None

    def matching(self, text: str, limit: int = 200) -> tuple[list[str], list[str]]:
        """The country and organisation codes, and the agent codes, whose names hold
        ``text`` (either case): what a search of actors by name looks for."""
        needle = text.strip().lower()
        bases = [c for c, n in (*self.countries.items(), *self.orgs.items())
                 if needle in n.lower()]
        agents = [c for c, n in self.agents.items() if needle in _agent_label(n).lower()]
        return bases[:limit], agents[:limit]
