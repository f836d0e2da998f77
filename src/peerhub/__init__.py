"""Peer Group Hub: YAML content in, a static MkDocs site out.

The stages are packages, each importing only those below it (checked by import-linter
in `make lint`): `commands` and `adapter` > `render` > `site` > `decisions` > `content`.
"""
