"""The word lists the role rules read: ``data/roles.yaml`` plus the places of ``data/places.yaml``.

One typed record rather than eighteen loose arguments. A key that ``roles.yaml`` misspells
("rank:" for "ranks:") is refused by name; read loosely, it would have been an empty list and
the rule it feeds would have quietly stopped working.

>>> lists = RoleLists.from_data({"LEADER": ["presiden"], "ranks": ["jenderal"]}, ["Prancis"])
>>> lists.roles, lists.ranks, lists.corps, lists.group_heads
({'LEADER': ['presiden'], 'OFFICIAL': []}, ['jenderal'], [], ['pemimpin', 'pimpinan'])
>>> try:
...     RoleLists.from_data({"rank": ["jenderal"]}, [])
... except DataFileError as error:
...     print(error)
roles: unknown keys ['rank'] (known: LEADER, OFFICIAL, birth_order_names, civil_after_ranks, ...)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sorot.inference.text.resources import DataFileError, refuse_unknown_keys
from sorot.models.schema import PERSON_TYPES


@dataclass(frozen=True)
class RoleLists:
    """What the role rules know, as plain lists of words and phrases (any case).

    ``roles`` maps each person type to its role words; ``facilities`` has ``heads`` and
    ``modifiers``; ``group_homes`` maps a group of ``leader_of_groups`` to its home places.
    The README of ``data/`` says what each list is for.
    """

    roles: dict[str, list[str]]
    places: list[str]
    regions: list[str] = field(default_factory=list)
    local_regions: list[str] = field(default_factory=list)
    modifiers: list[str] = field(default_factory=list)
    leader_of_groups: list[str] = field(default_factory=list)
    group_heads: list[str] = field(default_factory=lambda: ["pemimpin", "pimpinan"])
    group_homes: dict[str, list[str]] = field(default_factory=dict)
    not_names: list[str] = field(default_factory=list)
    principal_roles: list[str] = field(default_factory=list)
    regional_roles: list[str] = field(default_factory=list)
    organisation_roles: list[str] = field(default_factory=list)
    organisation_heads: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    facilities: dict[str, list[str]] = field(default_factory=dict)
    ranks: list[str] = field(default_factory=list)
    corps: list[str] = field(default_factory=list)
    civil_after_ranks: list[str] = field(default_factory=list)
    clubs: list[str] = field(default_factory=list)
    place_prefixes: list[str] = field(default_factory=list)
    name_initials: list[str] = field(default_factory=list)
    birth_order_names: list[str] = field(default_factory=list)
    title_given_names: list[str] = field(default_factory=list)
    word_given_names: list[str] = field(default_factory=list)
    sentence_openers: list[str] = field(default_factory=list)
    profile_openers: list[str] = field(default_factory=list)
    headline_verbs: list[str] = field(default_factory=list)
    state_acronyms: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    portfolios: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        unknown = set(self.group_homes) - {g.lower() for g in self.leader_of_groups}
        if unknown:  # a typo would silently make that group's heads regional officials
            raise DataFileError(f"roles: group_homes for groups that leader_of_groups lacks: {sorted(unknown)}")

    @classmethod
    def from_data(cls, roles: dict, places: list[str], regions: list[str] = (),
                  local_regions: list[str] = ()) -> RoleLists:
        """The lists of a parsed ``roles.yaml`` mapping, the places' names, the regions'
        (places inside a state, whose head is an official: "Pemimpin Chechnya X") and
        Indonesia's regencies and cities of several words ("Kutai Kartanegara")."""
        lists = {f.name for f in fields(cls)} - {"roles", "places", "regions", "local_regions"}
        refuse_unknown_keys(roles, sorted(set(PERSON_TYPES) | lists), "roles:")
        for key, value in roles.items():
            if not isinstance(value, (list, dict)):
                raise DataFileError(f"roles: {key} should be a list or a mapping, not {type(value).__name__}")
        return cls(roles={label: list(roles.get(label) or []) for label in PERSON_TYPES},
                   places=list(places), regions=list(regions), local_regions=list(local_regions),
                   **{key: value for key, value in roles.items() if key in lists and value is not None})
