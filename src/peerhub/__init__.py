"""Peer Group Hub."""
