"""The sixteenth round: the head a group names for itself ("Hamas menunjuk pemimpin
barunya, X"), whose "-nya" is the group's, leads a party to a conflict (SCHEMA: LEADER),
though "pemimpin" alone names no office and "sekjen" alone an official's; and the
counterpart of a person named with an office earlier in the article ("Menhan X tiba. X
bertemu mitranya, Y"), with no role in the counterpart's own sentence.

Every sentence is written for this project; the labeler runs with an empty gazetteer, so
only the rules can find the names.
"""

from __future__ import annotations

import pytest
from helpers import people

YUSUF, SALIM = "Yusuf Hamdan", "Salim Haddad"


@pytest.mark.parametrize(("text", "expected"), [
    (f"Hamas menunjuk pemimpin barunya, {YUSUF}, dua pekan kemudian.", [(YUSUF, "LEADER")]),
    (f"Hizbullah telah memilih sekjen barunya {SALIM}.", [(SALIM, "LEADER")]),
    (f"Jihad Islam resmi mengumumkan ketua biro politik barunya, {YUSUF}.", [(YUSUF, "LEADER")]),
    # the appointee before "sebagai", a particle and its hyphen inside the name
    (f"Hizbullah mengumumkan {SALIM} sebagai sekretaris jenderal barunya.", [(SALIM, "LEADER")]),
    ("Hamas memilih Khalid al-Nimr sebagai kepala barunya pekan lalu.", [("Khalid al-Nimr", "LEADER")]),
    # one region's head is an official's office; the home country's is the group's
    (f"Hamas menunjuk pemimpin barunya di Gaza, {YUSUF}.", [(YUSUF, "OFFICIAL")]),
    (f"Hamas menunjuk pemimpin barunya di luar negeri, {YUSUF}.", [(YUSUF, "OFFICIAL")]),
    (f"Hizbullah memilih pemimpin barunya di Lebanon, {SALIM}.", [(SALIM, "LEADER")]),
    # no group names itself: a state, a party, a firm, a group with another subject between
    (f"Partai Buruh memilih pemimpin barunya, {YUSUF}.", []),
    (f"Perusahaan itu menunjuk pemimpin barunya, {YUSUF}.", []),
    (f"Hamas mengecam Israel yang menunjuk {SALIM} sebagai kepala barunya.", [(SALIM, "OFFICIAL")]),
    (f"Hamas mengecam Israel yang menunjuk kepala barunya, {SALIM}.", [(SALIM, "OFFICIAL")]),
    ("Hamas belum menunjuk pemimpin barunya.", []),
])
def test_the_head_a_group_names_for_itself(rules_only, text, expected):
    assert people(rules_only, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Menteri Pertahanan Dimas Prakoso tiba di Oslo. Di sana, Dimas bertemu mitranya, Lars Eikeland.",
     [("Dimas Prakoso", "OFFICIAL"), ("Dimas", "OFFICIAL"), ("Lars Eikeland", "OFFICIAL")]),
    ("Presiden Norwegia Halvard Lunde tiba di Kairo.\nLunde kemudian berbicara dengan koleganya, Omar Fathi.",
     [("Halvard Lunde", "LEADER"), ("Lunde", "LEADER"), ("Omar Fathi", "LEADER")]),
    # a role in the sentence names the office, as before; a private person's counterpart is nobody's
    ("Menlu Tarek Mansour tiba. Presiden Kamal Aziz bertemu mitranya, Omar Fathi.",
     [("Tarek Mansour", "OFFICIAL"), ("Kamal Aziz", "LEADER"), ("Omar Fathi", "LEADER")]),
    ("Pengusaha Budi Hartono tiba di Oslo. Budi bertemu mitranya, Lars Eikeland.", []),
    ("Menlu Tarek Mansour tiba. Wartawan Rina bertemu koleganya, Maya Sari.", [("Tarek Mansour", "OFFICIAL")]),
])
def test_the_counterpart_of_a_person_named_earlier(rules_only, text, expected):
    assert people(rules_only, text) == expected
