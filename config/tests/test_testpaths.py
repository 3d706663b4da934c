"""Every app's tests run in `make test`: pytest only collects the folders in `testpaths`, so an
app whose folder is missing there has tests that silently never run (it happened to maps/)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_folder_with_tests_is_in_testpaths():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    testpaths = set(config["tool"]["pytest"]["ini_options"]["testpaths"])
    with_tests = {path.parent.parent.name for path in ROOT.glob("*/tests/__init__.py")}
    with_tests |= {path.parent.name for path in ROOT.glob("*/test_*.py")}
    with_tests -= {".venv", "var"}
    assert with_tests - testpaths == set(), "add these folders to testpaths in pyproject.toml"
