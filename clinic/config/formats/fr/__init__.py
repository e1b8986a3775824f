"""French dates and times as written in Canada (`formats.py`): 9 h 30, not 09:30."""
