"""The `peerhub` command and the tools maintainers run from it: validate, build, new,
from-issue, issue-form and schema.
"""
