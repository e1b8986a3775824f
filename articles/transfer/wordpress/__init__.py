"""WordPress and Squarespace exports (WXR): the file, its HTML, and pictures for every source.

The file is read by `wxr`, `fields` and `repair`, its HTML by `content`, `embeds` and `autop`;
`images` copies pictures for every source.
"""
