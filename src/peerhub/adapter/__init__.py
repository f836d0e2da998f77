"""Run inside MkDocs: the hook, the macros and the one module that knows Material's
conventions, plus the staged build that swaps a finished site into place.

The only code that imports MkDocs; `hooks/*.py` are one-line shims naming these.
"""
