"""Every module of the clinic package sits in one of the import-linter layers."""

import tomllib
from pathlib import Path

from django.conf import settings

CLINIC = Path(settings.BASE_DIR) / "clinic"


def _layered_modules():
    config = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    layers = next(
        contract["layers"]
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["type"] == "layers"
    )
    return {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}


def test_each_module_and_package_of_clinic_is_in_a_layer():
    children = {
        f"clinic.{path.stem}"
        for path in CLINIC.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists()
    }
    assert children - _layered_modules() == set()
