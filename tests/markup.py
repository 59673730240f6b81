"""Write annotated test articles inline: ``[[Vladimir Putin|LEADER]]``,
``[[gencatan senjata|TOPIC:ceasefire]]``.

>>> text, ents = parse_markup("Kata [[Putin|LEADER]] soal [[sanksi|TOPIC:sanctions]].")
>>> text, [(text[e["start"]:e["end"]], e["label"], e.get("topic")) for e in ents]
('Kata Putin soal sanksi.', [('Putin', 'LEADER', None), ('sanksi', 'TOPIC', 'sanctions')])
"""

from __future__ import annotations

import re

_MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)(?::([a-z_]+))?\]\]")


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Plain text and its entity dicts (character offsets) from marked-up text."""
    out, entities, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        ent = {"start": length, "end": length + len(m.group(1)), "label": m.group(2)}
        if m.group(3):
            ent["topic"] = m.group(3)
        entities.append(ent)
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), entities
