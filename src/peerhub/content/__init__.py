"""Read: a project's YAML files and settings, checked and turned into typed models.

Nothing here knows about pages, MkDocs or the site built from the content: `project`
gives one `Content` and every problem, located at path:line:column.
"""
