"""Knowledge as data: loading and checking the data files, and the CAMEO/PLOVER ontology.

The bottom layer beside ``records`` and ``config``: every stage reads its knowledge through here
and nothing here imports a stage.
"""
