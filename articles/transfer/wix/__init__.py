"""Wix blog exports: the CSV of the blog's Posts collection (`export`) and its Ricos
documents (`ricos`)."""
