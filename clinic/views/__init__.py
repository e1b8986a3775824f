"""The clinic's public pages: the team, people, locations, robots.txt and the brand stylesheet."""
