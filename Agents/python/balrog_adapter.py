#!/usr/bin/env python3
"""Runs delve_agents.balrog_adapter from a checkout, without installing the package:
`python3 Agents/python/balrog_adapter.py ...` is `delve-balrog-adapter ...` (Agents/python/README.md)."""

from delve_agents.balrog_adapter import main

if __name__ == "__main__":
    main()
