"""The issue forms contributors fill in, read back into a group file or a check-in."""
