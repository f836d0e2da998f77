"""Write: pages, cards, data files, the feed, the card deck and each page's security
policy, made from a `Site`. The one place that knows the site's addresses is `urls`.

No module here imports MkDocs or Material (`peerhub.adapter` does).
"""
