"""French as written in Canada: “9 h 30”, “17 h 00” rather than 09:30 and 17:00 (OQLF).

Anything not set here comes from Django's own French formats.
"""

TIME_FORMAT = "G\u00a0\\h\u00a0i"
DATETIME_FORMAT = "j F Y, G\u00a0\\h\u00a0i"
