"""Petitio's load benchmark (`make bench`): see bench/__main__.py and the README."""
