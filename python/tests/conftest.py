"""Where the tests find the repository, ../shared and the stenogram binary."""

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def shared(relative: str):
    """A path in ../shared: None (the test skips) where it is absent, a failure where it is absent under CI=true."""
    path = REPO.parent / "shared" / relative
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is absent, and CI=true needs it")
    return None


def stenogram_binary() -> Path:
    """The release binary (built here if it is absent; STENOGRAM_BIN names another)."""
    given = os.environ.get("STENOGRAM_BIN")
    if given:
        return Path(given)
    binary = REPO / "target" / "release" / "stenogram"
    if not binary.exists():
        subprocess.run(["cargo", "build", "--release", "--locked", "--bin", "stenogram"], check=True, cwd=REPO)
    return binary
