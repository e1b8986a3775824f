"""What editors work with besides the article itself: content checks, medical review,
revisions and their comparison, the default disclaimer, the evidence box."""
