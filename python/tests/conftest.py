"""Shared fixtures: the repository, ../shared (skipped where absent, a failure under CI=true), the command line's
binary (target/release/stenogram, built by `cargo build --release`; or $STENOGRAM_BIN), and reading its CSVs."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]


def need(path: Path, what: str) -> Path:
    """`path` if it exists; else skip with a message, or fail under CI=true."""
    if path.exists():
        return path
    message = f"{path} is absent ({what})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}, and CI=true requires it")
    pytest.skip(f"skipped: {message}; tests that need it are skipped outside CI")


def need_shared(rel: str) -> Path:
    """`../shared/REL` beside the repository (skipped where absent, a failure under CI=true)."""
    return need(ROOT.parent / "shared" / rel, "../shared beside the repository")


# The Parquet tables' tests (test_parquet_tables.py) use these.
REPO = ROOT


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


@pytest.fixture(scope="session")
def cli() -> Path:
    """The command line's binary."""
    given = os.environ.get("STENOGRAM_BIN")
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return need(Path(given) if given else target / "release" / "stenogram", "build it with `cargo build --release`")


def run_cli(cli: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The binary run with `args`; stdout and stderr as text."""
    return subprocess.run([str(cli), *args], cwd=cwd, capture_output=True, text=True)


def read_cli_csv(path: Path) -> pd.DataFrame:
    """A CSV of the command line, every cell as its text (no value read as missing)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])


def assert_same_values(package: pd.DataFrame, cli: pd.DataFrame, name: str) -> None:
    """The package's typed DataFrame holds the values of the command line's CSV: the same columns in the same
    order, the same rows; numbers equal (to 1e-12 relative; empty cells are missing values), booleans `true`/`false`,
    and every other cell the same text."""
    assert list(package.columns) == list(cli.columns), name
    assert len(package) == len(cli), name
    for column in package.columns:
        ours, theirs = package[column], cli[column]
        where = f"{name}.{column}"
        if pd.api.types.is_bool_dtype(ours):
            assert list(ours.map({True: "true", False: "false"})) == list(theirs), where
        elif pd.api.types.is_numeric_dtype(ours):
            expected = np.array([float(v) if v else np.nan for v in theirs], dtype=float)
            np.testing.assert_allclose(ours.to_numpy(dtype=float), expected, rtol=1e-12, equal_nan=True,
                                       err_msg=where)
        else:
            assert list(ours.fillna("").astype(str)) == list(theirs), where
