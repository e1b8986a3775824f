"""Posts from a WordPress or Squarespace export (WXR): read (`wxr`), converted (`content`,
`images`) and written as articles (`apply`)."""
