"""Casualty and size counts: how many people each coded event killed, wounded, arrested,
displaced or took hostage, as the text states it (``finder``), put on the event the text
attributes them to (``attach``), with the words of data/patterns/counts.yaml (``lexicon``)."""
