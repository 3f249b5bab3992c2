#!/usr/bin/env python3
"""Runs delve_agents.random_agent from a checkout, without installing the package:
`python3 Agents/python/random_agent.py ...` is `delve-random-agent ...` (Agents/python/README.md)."""

from delve_agents.random_agent import main

if __name__ == "__main__":
    main()
