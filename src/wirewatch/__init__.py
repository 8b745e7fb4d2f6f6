"""Wirewatch composition root: the CLI and the all-in-one runner.

Only this package may import the services; they never import each other.
"""
