"""Decide: what may be published and what the published content adds up to.

Every function takes explicit inputs (models, published views, candidates, today's
date, settings) and returns plain data; `peerhub.site` calls each once per build.
Nothing here formats HTML or knows a page's address.
"""
