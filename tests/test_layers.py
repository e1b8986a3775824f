"""The code's map holds: every package of clinic/ is a layer of pyproject.toml's import-linter
contract (a folder, no loose modules), and every package folder says its job."""

import ast
import tomllib
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
APPS = ("clinic", "articles")


def _layers():
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())
    return next(
        contract["layers"]
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["type"] == "layers"
    )


def _layered_packages():
    return {name.strip() for layer in _layers() for name in layer.replace("|", ":").split(":")}


def _packages(root):
    return sorted(path.parent for path in (BASE_DIR / root).rglob("__init__.py"))


def test_clinic_holds_only_packages_each_in_a_layer():
    clinic = BASE_DIR / "clinic"
    loose = [path.name for path in clinic.glob("*.py") if path.name != "__init__.py"]
    children = {
        f"clinic.{path.name}" for path in clinic.iterdir() if (path / "__init__.py").exists()
    }
    assert loose == []
    assert children - _layered_packages() == set()


def test_every_layer_is_a_package_folder():
    for name in _layered_packages():
        assert (BASE_DIR / name.replace(".", "/") / "__init__.py").is_file(), name


def test_the_library_is_one_layer_above_the_clinic_domain():
    layers = [layer.split(" | ") for layer in _layers()]
    library = next(n for n, layer in enumerate(layers) if "articles" in layer)
    domain = next(n for n, layer in enumerate(layers) if "clinic.domain" in layer)
    assert library < domain


def test_every_package_folder_says_its_job_in_one_docstring():
    silent = []
    for app in APPS:
        for package in _packages(app):
            docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
            if not (docstring or "").strip():
                silent.append(str(package.relative_to(BASE_DIR)))
    assert silent == []
