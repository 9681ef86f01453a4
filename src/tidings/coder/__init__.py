"""Stage 2, the coder: spaCy parse, actor dictionary, verb and noun patterns, sentence rules,
turning each sentence into CAMEO/PLOVER :class:`tidings.records.Event` records."""
