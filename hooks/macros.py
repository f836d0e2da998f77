from peerhub.adapter.macros import *  # noqa: F403 - mkdocs-macros calls define_env and on_pre_page_macros here
