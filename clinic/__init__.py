"""The clinic's website around the research library: configuration, operations, the request
runtime, the clinic domain, page metadata, brand and authoring (see pyproject.toml's layers)."""
