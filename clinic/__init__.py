"""The clinic's website around the research library, in layers (see pyproject.toml).

Configuration, operations, the request runtime, the clinic domain, page metadata, brand and
authoring tools.
"""
