from peerhub.adapter.hook import *  # noqa: F403 - MkDocs reads the on_* events from this file
