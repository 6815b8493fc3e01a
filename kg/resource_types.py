"""The kinds of resource kg publishes: one table for the IRI layout, browse lists, counts and
pre-rendering (each row: the IRI path name, the browse list's name and heading, the class)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.namespaces import SDO, SKOS


@dataclass(frozen=True, slots=True)
class ResourceType:
    """One kind of resource: `{base}id/{name}/{key}`, browsed at `/browse/{plural}`."""

    name: str
    plural: str
    heading: str
    rdf_type: str  # the class whose instances are the resources of this type
    singular: str  # what one is called on a page


RESOURCE_TYPES: tuple[ResourceType, ...] = (
    ResourceType("work", "works", "Works", str(SDO.CreativeWork), "Work"),
    ResourceType("person", "people", "People", str(SDO.Person), "Person"),
    ResourceType(
        "organization", "organisations", "Organisations", str(SDO.Organization), "Organisation"
    ),
    ResourceType("topic", "topics", "Topics", str(SKOS.Concept), "Topic"),
    ResourceType("series", "series", "Series", str(SDO.CreativeWorkSeries), "Series"),
    ResourceType("periodical", "periodicals", "Periodicals", str(SDO.Periodical), "Periodical"),
    ResourceType("place", "places", "Places", str(SDO.Place), "Place"),
)
BY_TYPE_NAME = {t.name: t for t in RESOURCE_TYPES}
ENTITY_TYPES: tuple[str, ...] = tuple(t.name for t in RESOURCE_TYPES)
