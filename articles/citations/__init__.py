"""Studies looked up by DOI or PMID in Crossref and PubMed, and the nightly citation watch.

`lookup.look_up` fills a study from its identifier; `watch.check_citations` records
retractions, corrections and expressions of concern. Every request goes through `client`.
"""
