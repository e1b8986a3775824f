"""What editors work with besides the article: checks, review, revisions, disclaimers, evidence.

Content checks, medical review, revisions and their comparison, the default disclaimer and the
evidence box.
"""
