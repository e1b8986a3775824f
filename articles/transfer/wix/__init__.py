"""Wix blog exports: the CSV of the Posts collection and its Ricos documents.

The CSV is read by `export`, the Ricos documents by `ricos`.
"""
