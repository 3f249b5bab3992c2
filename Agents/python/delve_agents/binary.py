"""Finding the `delve` binary that serve-mode clients spawn (standard library only)."""

import os
import shutil

#: The environment variable naming the binary (a path, or a command on PATH).
VARIABLE = "DELVE"

HOW_TO_GET_IT = (
    "Build it in a Delve checkout with `swift build -c release` and either put .build/release on PATH "
    f"or set {VARIABLE}=/path/to/.build/release/delve; or connect to a running `delve serve --listen` instead.")


class DelveNotFound(FileNotFoundError):
    """The `delve` binary is neither named by $DELVE nor on PATH."""


def find_delve():
    """The path of the `delve` binary: $DELVE when set (a path or a command
    on PATH), else `delve` on PATH. Raises DelveNotFound, saying how to build
    or point to it, when there is none."""
    named = os.environ.get(VARIABLE)
    if named:
        found = shutil.which(named)
        if found is None:
            raise DelveNotFound(f"${VARIABLE} is {named!r}, which is not an executable file. {HOW_TO_GET_IT}")
        return found
    found = shutil.which("delve")
    if found is None:
        raise DelveNotFound(f"the `delve` binary is not on PATH and ${VARIABLE} is not set. {HOW_TO_GET_IT}")
    return found
