"""Beside the stages: coding with several worker processes or on a Dask cluster."""
