#!/usr/bin/env python3
"""Runs delve_agents.llm_agent from a checkout, without installing the package:
`python3 Agents/python/llm_agent.py ...` is `delve-llm-agent ...` (Agents/python/README.md)."""

from delve_agents.llm_agent import main

if __name__ == "__main__":
    main()
