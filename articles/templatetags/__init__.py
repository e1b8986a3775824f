"""Template tags of the library: the review worklist and the evidence box."""
