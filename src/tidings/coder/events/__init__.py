"""The event stage, split by concern:

- ``scope``: the compiled knowledge (``CoderKnowledge``) and the records passed between parts;
- ``matching``: verb and noun patterns against the words of a clause;
- ``arguments``: subjects, speakers, targets and the actors they name;
- ``modality``: asserted, negated, hypothetical, future;
- ``venues``: where an event happened and what that says of its actors;
- ``building``: events from codes and actors, and suppression within a sentence;
- ``verbs`` / ``nouns``: the events of one matched verb or event noun;
- ``sentence_rules``: the named rules over a whole sentence, listed in one place;
- ``extractor``: one sentence through all of the above.
"""
