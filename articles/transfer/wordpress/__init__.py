"""Reading a WordPress or Squarespace export (WXR): the file (`wxr`, `fields`, `repair`) and
its HTML (`content`, `embeds`, `autop`); `images` copies pictures for every source."""
