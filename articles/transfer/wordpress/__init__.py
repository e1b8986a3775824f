"""WordPress and Squarespace exports (WXR): the file, its HTML, and pictures for every source.

The file is read by `wxr`, `fields` and `repair`, its HTML by `content`, `embeds`, `autop`,
`markup` (hostile nesting made shallow) and `converter` (markdownify taught the platforms' habits),
which every HTML source shares; `images` copies pictures for every source.
"""
