"""Delve from Python: the serve-mode client, the agent-mode loop and agents
(random, BALROG's LLM agents, the BALROG adapter), and Gymnasium
environments (`delve_agents.gym`, with the `gym` extra).

    from delve_agents import DelveClient
    with DelveClient() as delve:
        env, observation, info = delve.reset("grid/goto", seed=7)

Everything but `delve_agents.gym` and `delve_agents.vector` is standard
library only. docs/python.md in the Delve repository is the guide.
"""

from .binary import DelveNotFound, find_delve
from .client import DelveClient, DelveError

__all__ = ["DelveClient", "DelveError", "DelveNotFound", "find_delve"]
__version__ = "0.1.0"
