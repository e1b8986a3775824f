"""Bringing an older site's posts in: WXR parsing (`wxr`), conversion (`content`, `images`)
and writing (`apply`)."""
