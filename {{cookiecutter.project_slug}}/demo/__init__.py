"""A page that drives every auth flow from a browser, the way a single-page app would.

It is the reference client of the API (see the README) and the subject of the end-to-end
tests in real Chromium. Delete this folder and its two lines in config/ to remove it.
"""
