"""Ghost JSON exports (`export`) and the documents Ghost stores posts in (`documents`)."""
