"""Names whose role comes after them, and names an appointment verb hands an office to.

* Appositive: "kata Rafael Grossi, kepala Badan ..." and "Steve Witkoff, utusan khusus
  ..." — a name, a comma (or "selaku", "sebagai", "yang merupakan", "seorang", a copula:
  "adalah", "merupakan", "menjabat sebagai"; a spaced dash in a list item: "1. X -
  Wakil Menteri Sosial"), then a role word: the name takes the role's class.
* Appointment: "Purbaya menjadi Menkeu", "X dilantik sebagai Wamenlu" (name before the
  verb); the verbs with the name after them ("digantikan oleh X", "kini dijabat X",
  "X menggantikan Y sebagai Wamensos") are :class:`~sorot.training.weak.handovers.Handovers`.

>>> from sorot.training.weak.context import RoleRules
>>> rules = AppositiveRules(RoleRules.load())
>>> doc = Document.from_text("Hal itu disampaikan Dmitri Orlov, juru bicara kementerian itu.")
>>> [(doc.span_text(h.start, h.end), h.payload) for h in rules.find(doc)]
[('Dmitri Orlov', 'OFFICIAL')]
"""

from __future__ import annotations

from sorot.inference.text.phrases import Document, Hit, PhraseMatcher, is_capitalised, keys_of
from sorot.models.schema import LEADER, OFFICIAL
from sorot.training.weak.casing import (
    SENTENCE_END,
    ArticleContext,
    item_end,
    item_first,
    line_end,
    line_first,
    neighbour_items,
    opens_item,
    profiled_start,
)
from sorot.training.weak.context import RoleRules, same_line
from sorot.training.weak.handovers import Handovers
from sorot.training.weak.name_before import QUOTES, NameBefore
from sorot.training.weak.name_shapes import academic_degree
from sorot.training.weak.names import joins
from sorot.training.weak.portfolios import Portfolios
from sorot.training.weak.respectively import Respectively

#: Removed from an office: "mencopot X dari jabatan Menteri Koperasi". Right after the
#: name only: after a comma the name before is another's ("mencopot Y, mantan ajudan X,
#: dari kursi Menteri …" removes Y, not X).
_REMOVALS = ("dari jabatan", "dari jabatannya sebagai", "dari posisi", "dari kursi",
             # ... and the removed or resigning holder before the verb: "X dicopot dari
             # jabatan Menteri …", "X mengundurkan diri sebagai Menteri …"
             *(f"{verb} {how}" for verb in ("dicopot", "diberhentikan", "dipecat", "mundur", "mengundurkan diri")
               for how in ("dari jabatan", "dari jabatannya sebagai", "dari posisi", "dari kursi", "sebagai")))
#: Words between a name and the role that describes it.
_LINKS = ["selaku", "sebagai", "yang merupakan", "yang juga", "seorang",
          "sang", "menjadi",
          # "one of": "X, salah satu penasihat Zelensky," (a group's head so named is one of
          # its leaders, an official)
          *(f"{how}salah {one}" for how in ("", "adalah ", "merupakan ", "yang merupakan ")
            for one in ("satu", "seorang")),
          # a copula: "X adalah negosiator ...", "X merupakan penasihat ...", "X yang menjabat
          # sebagai Menteri ..."
          "adalah", "adalah seorang", "merupakan", "merupakan seorang", "dipercaya menjabat",
          # "menjabat" with or without "sebagai": "X, yang juga menjabat penasihat ..."
          # ... and after an adverb of the present: "X resmi menjabat Duta Besar ...". A
          # former office ("X, yang pernah menjabat Menteri ...") was tried and turned down
          # by the check half (README): it tells a career, not what X is now.
          *(f"{who}{when}menjabat{how}" for who in ("", "yang ")
            for when in ("", "kini ", "juga ", "resmi ", "masih ", "saat ini ")
            for how in ("", " sebagai")), "dilantik menjadi", "dilantik sebagai", "ditunjuk menjadi",
          "ditunjuk sebagai", "diangkat menjadi", "diangkat sebagai", "resmi menjadi",
          # ... with "baru (saja)" when the appointment is news: "X, yang baru diangkat
          # sebagai Wakil Menteri …"
          *(f"{who}{when}{verb} {how}" for who in ("", "yang ") for when in ("", "baru ", "baru saja ")
            for verb in ("terpilih", "dipercaya", "ditunjuk", "dilantik", "diangkat",
                         # more verbs of appointment: "X didapuk sebagai Wakil Menteri …"
                         "didapuk", "ditetapkan", "dipilih", "ditugaskan", "bertugas", "duduk", "kini duduk",
                         # "X terpilih kembali sebagai Perdana Menteri"
                         "terpilih kembali", "kembali terpilih", "kembali dilantik", "kembali ditunjuk")
            for how in ("sebagai", "menjadi")), "kembali menjadi", "kembali menjabat", *_REMOVALS]
#: Words after which a name leads an institution: "X yang dipercaya memimpin Badan ...".
_LEADS = ["yang memimpin", "yang dipercaya memimpin", "yang kini memimpin", "dipercaya memimpin",
          # the appointment verbs that also take "sebagai": "X ditunjuk memimpin Kementerian …"
          *(f"{yang}{verb} memimpin" for yang in ("", "yang ") for verb in ("ditunjuk", "diangkat", "dilantik",
                                                                          "didapuk", "diberi amanah"))]
#: Words before a role that the role lists lack: a deputy, a former or an acting holder
#: ("sebagai Penjabat Menteri Luar Negeri", "sebagai Plt Kepala Badan …").
_ROLE_PREFIXES = frozenset({"mantan", "wakil", "penjabat", "pj", "plt", "plh"})
#: Two-word acting titles: "sebagai Pelaksana Tugas Menteri …".
_ACTING = frozenset({("pelaksana", "tugas"), ("pelaksana", "harian")})
#: Lower-case words inside an office's name: "Duta Besar RI untuk Iran".
_OFFICE_LINKS = frozenset({"untuk", "dan", "di", "bagi"})
#: Links between a listed name and its office; one list may mix them from item to item
#: (word keys fold every dash to "-").
_ITEM_LINKS = frozenset({"-", ":", "sebagai"})
#: Words between an aide's role and the one served: "X, penasihat senior Khamenei, …".
_AIDE_RANKS = frozenset({"senior", "utama", "dekat", "pribadi", "tertinggi", "kepala"})
#: Words that close an appositive phrase: "Lind, utusan khusus Halvorsen, tiba".
_CLOSES = SENTENCE_END | {",", ";", ")", "untuk", "bagi"}


class AppositiveRules:
    """Finds names next to roles that follow them; payloads are LEADER / OFFICIAL."""

    def __init__(self, roles: RoleRules) -> None:
        self.roles = roles
        self.links = PhraseMatcher()
        for link in _LINKS:
            self.links.add(link, link)
        self.longest_link = max(len(keys_of(link)) for link in _LINKS)
        self._name_before = NameBefore(roles).start
        self.handovers = Handovers(roles, self._name_before)
        self.respectively = Respectively(roles, self._name_before)
        self.portfolios = Portfolios(roles, self._name_before)
        self.leads = PhraseMatcher()
        for link in _LEADS:
            self.leads.add(link, link)
        roles = self.roles  # the words an office is written with (a headline's verbs are not)
        self.office_words = roles.roles.vocabulary() | roles.places.vocabulary() | roles.modifiers | \
            roles.institutions | (roles.not_names - roles.verbs) | _OFFICE_LINKS

    def _link_before(self, doc: Document, role_start: int) -> int | None:
        """Where the name ends, when a link (a comma, "selaku", ...) stands right before
        the role; ``None`` otherwise."""
        i = role_start
        while step := _prefix_before(doc, i):
            if self.roles.roles.match_at(doc, i - step) is not None:
                return None  # the role word itself starts at the modifier: the matcher has it
            i -= step  # "sebagai Wakil Kepala Badan …": a modifier the role list lacks
        link = self._word_link(doc, i)
        if link is not None:
            i = link.start
        if i > 0 and doc.keys[i - 1] == "," and (link is None or link.payload not in _REMOVALS):
            i -= 1
        elif link is None and i > 1 and doc.keys[i - 1] in ("-", ":") and self._dashed_item(doc, i - 1):
            i -= 1  # "1. X - Wakil Menteri Luar Negeri", "- X: Wakil Menteri Luar Negeri"
        while i > 0 and doc.keys[i - 1] in QUOTES:
            i -= 1
        if i < role_start and i >= 3 and doc.keys[i - 3] == "(" and doc.keys[i - 2] in _POSITIONS and \
                doc.keys[i - 1] == ")":
            i -= 3  # "X (tengah), juru bicara Hamas": a photo caption's position
        elif i < role_start and i > 1 and doc.keys[i - 1] == ")" and "(" in doc.keys[max(0, i - 6):i - 1]:
            i -= 1  # "Dia (Witkoff) adalah negosiator": the name stands in the brackets
        return i if i < role_start else None

    def _dashed_item(self, doc: Document, dash: int) -> bool:
        """A spaced dash or a colon in a list item ("1. X - Wakil Menteri Luar Negeri",
        "- X: Menteri Pertahanan") whose office closes the item: a link. The item has a
        list marker, or a line next to it has the same link before a role ("X - Menkeu"
        over "Y - Menkop"). A dateline ("Sleman - Bupati Sleman meresmikan ...") has
        neither, and a sentence goes on after the office."""
        if (doc.keys[dash] == "-" and joins(doc, dash)) or not self._office_closes_item(doc, dash):
            return False
        first = line_first(doc, dash)
        marked = item_first(doc, dash) != first or \
            any(opens_item(doc, k) for k in range(max(first + 1, dash - 6), dash))  # "… berlangsung. 1. X - …"
        return marked or self._linked_role_in(doc, {doc.keys[dash]}, neighbour_items(doc, dash), skip=-1) or \
            (doc.keys[dash] == "-" and self._office_alone_after(doc, dash))

    def _office_alone_after(self, doc: Document, dash: int) -> bool:
        """A line that is only a name, a dash and an office ("Yuri Ushakov - Penasihat
        Kremlin", a caption or a list of one): every word after the dash is an office's
        (as after a colon), so a Title Case headline's verb ("… - Menteri Bertemu …") is
        not, nor a dateline's sentence."""
        return item_end(doc, dash) == line_end(doc, dash) and self._office_words_only(doc, dash)

    def _office_closes_item(self, doc: Document, link: int) -> bool:
        """The words after the link at ``link`` up to its item's end are an office's: after a
        dash, no lower-case word but an office's own; after a colon, which also opens a
        quote ("X: Menteri Luar Negeri Harus Mundur"), only words of roles, places,
        institutions and domains, acronyms and punctuation."""
        if doc.keys[link] == "-":
            allowed = self.roles.modifiers | _OFFICE_LINKS
            return all(not doc.word(k)[:1].islower() or doc.keys[k] in allowed
                       for k in range(link + 1, item_end(doc, link)))
        return self._office_words_only(doc, link)

    def _office_words_only(self, doc: Document, link: int) -> bool:
        """Every word after ``link`` to its item's end is a word of roles, places,
        institutions or domains, an acronym or punctuation."""
        return all(doc.keys[k] in self.office_words or doc.word(k).isupper() or not doc.word(k).isalnum()
                   for k in range(link + 1, item_end(doc, link)))

    def _linked_role_in(self, doc: Document, links: set[str], firsts: list[int], skip: int) -> bool:
        """Whether a line that starts at one of ``firsts`` has one of ``links`` right before
        a role word (other than the role at ``skip``), or before a prefix of one ("sebagai
        Wakil Kepala Badan …")."""
        def role_at(i: int) -> bool:
            while (step := _prefix_after(doc, i)) and i + step < len(doc.keys):
                i += step
            return i != skip and self.roles.roles.match_at(doc, i) is not None
        return any(doc.keys[j] in links and role_at(j + 1)
                   for first in firsts for j in range(first, line_end(doc, first) - 1))

    def _word_link(self, doc: Document, i: int) -> Hit | None:
        """The longest link phrase ("selaku", "yang juga menjabat") that ends at word ``i``."""
        for length in range(self.longest_link, 0, -1):
            link = self.links.match_at(doc, i - length) if i - length >= 0 else None
            if link and link.end == i:
                return link
        return None

    def _bracketed(self, doc: Document, role: Hit) -> int | None:
        """Where the name ends when the role opens the brackets right after it, alone or
        with its office's capitalised words: "Dimas Prakoso (Wamenaker), Sinta Handayani
        (Wamenkop)", "Joko Susanto (Kepala BNPB)"."""
        if role.start == 0 or doc.keys[role.start - 1] != "(":
            return None
        for k in range(role.end, min(role.end + 6, len(doc.keys))):
            if doc.keys[k] == ")":
                return role.start - 1
            if not (is_capitalised(doc.word(k)) or doc.keys[k] in self.roles.modifiers):
                return None
        return None

    def _appositives(self, doc: Document, context: ArticleContext,
                     held: frozenset[int] = frozenset()) -> tuple[list[Hit], list[Hit]]:
        """Names before a role that describes them, and the principals (LEADER) that an
        aide's role names after it: "Tomas Lind, utusan khusus Halvorsen, tiba". ``held``:
        where the names a role before them holds end ("Menlu Rubio, utusan khusus Witkoff,
        dan …" lists each role with its own name)."""
        hits, principals = [], []
        for role in self.roles.with_new_group_heads(doc, self.roles.roles.find(doc)):
            end = self._bracketed(doc, role)
            end = self._link_before(doc, role.start) if end is None else end
            # a profile's headline may put the role right after the name ("Sosok X Utusan
            # Trump"): profiled_start below decides
            bare = end is None and role.start in context.headline
            if end is None and not bare:
                continue
            end = role.start if bare else _before_degrees(doc, end)
            start = self._name_before(doc, end, context.lower)
            if role.start in context.headline and (bare or not self._listed(doc, start, end, role) and
                                                   not self._captioned(doc, start, end)):
                # "Sosok Dana Morrow, Utusan …": a profile's headline, named again below
                start = profiled_start(doc, start, end, context.headline, self.roles.profile_openers)
                if start is None:
                    continue
            after, after_end = self.roles.holder_after(doc, role, context.lower)
            if start == end:
                continue  # no holder before the role: the role rules read the name after it
            if after_end > after and self._owns(doc, role, end, after):
                if end in held:
                    continue  # the name before has its own role: the next item's role and name
                serves = bare and doc.span_text(role.start, role.end).lower() in self.roles.principal_roles
                if not (serves or self._principal_after(doc, role, end, after, after_end)):
                    continue  # "PortalFaktual, Presiden AS Donald Trump": the role has its own name
                principals.append(Hit(after, after_end, LEADER))
            hits.append(Hit(start, end, self.roles._deputy(doc, role).payload))  # "X, wakil pemimpin Hamas,"
        return hits, principals

    def _captioned(self, doc: Document, start: int, end: int) -> bool:
        """A Title Case line that is only a name, a dash and an office: "Yuri Ushakov -
        Penasihat Kremlin", a caption, a list of one or a headline of nothing else
        (:meth:`_office_alone_after`)."""
        return start == line_first(doc, start) and end < len(doc.keys) and \
            doc.keys[end] == "-" and self._office_alone_after(doc, end)

    def _listed(self, doc: Document, start: int, end: int, role: Hit) -> bool:
        """"1. Dimas Prakoso sebagai Menteri Keuangan" over "2. Sinta Handayani sebagai
        Menteri Koperasi": the name opens its list item and a line next to it, or another
        item of its own line (a list flattened onto one line), has the same link before a
        role. A list of appointments, Title Case but no headline."""
        if start == end or not opens_item(doc, _dotted_titles_before(doc, start)):
            return False
        link = set(doc.keys[end:role.start]) | _ITEM_LINKS  # "sebagai", ",", "(", a dash, a colon
        return self._linked_role_in(doc, link, [*neighbour_items(doc, start), line_first(doc, start)], role.start)

    def _owns(self, doc: Document, role: Hit, name_end: int, after: int) -> bool:
        """Whether the name at ``after`` is the role's own, so the name before the role is
        not its holder: never on the next line, and never past a comma when a word links
        the name before to the role ("melantik X sebagai Wakil Menteri Koperasi, Y sebagai
        ..." lists the next appointment)."""
        if not same_line(doc, role.end - 1, after):
            return False
        return "," not in doc.keys[role.end:after] or (name_end < role.start and doc.keys[name_end] == ",")

    def _principal_after(self, doc: Document, role: Hit, name_end: int, after: int, after_end: int) -> bool:
        """Whether the name after an aide's role, whose holder is named before it, is the
        one the holder serves: right after the role (or after a leader's own role:
        "utusan khusus Presiden AS Donald Trump") and, when a bare comma is the link, closed
        by punctuation. "bertemu Trump, penasihat keamanan nasional Jake Sullivan
        mengatakan" names Sullivan as the adviser."""
        if doc.span_text(role.start, role.end).lower() not in self.roles.principal_roles:
            return False
        first = role.end
        while first < after and doc.keys[first] in _AIDE_RANKS:
            first += 1  # "penasihat senior Khamenei"
        leader_role = self.roles.roles.match_at(doc, first)
        if after != first and not (leader_role and leader_role.payload == LEADER):
            return False
        if self._word_link(doc, role.start) is not None:
            return True
        return after_end == len(doc.keys) or doc.keys[after_end] in _CLOSES

    def _leaders_of_institutions(self, doc: Document, context: ArticleContext) -> list[Hit]:
        """"X yang dipercaya memimpin Badan Gizi Nasional" (or "X, yang memimpin delegasi
        Rusia, …"): X heads an institution, an OFFICIAL (a group's leader has a role word
        of its own: "pemimpin Hamas")."""
        hits = []
        for link in self.leads.find(doc):
            if link.end < len(doc.keys) and self._led_body(doc, link.end) and link.start not in context.headline:
                end = link.start - 1 if link.start > 0 and doc.keys[link.start - 1] == "," else link.start
                start = self._name_before(doc, end, context.lower)
                if start < end:
                    hits.append(Hit(start, end, OFFICIAL))
        return hits

    def _led_body(self, doc: Document, i: int) -> bool:
        """Word ``i`` opens a body a state's official leads: a named institution ("Badan
        Siber …") or a country's delegation ("delegasi Indonesia"; "delegasi mahasiswa"
        may be anyone's)."""
        if doc.keys[i] == "delegasi":
            return i + 1 < len(doc.keys) and self.roles.places.match_at(doc, i + 1) is not None
        return doc.keys[i] in self.roles.institutions and is_capitalised(doc.word(i))

    def find(self, doc: Document, blocked: set[int] | None = None,
             context: ArticleContext | None = None, found: list[Hit] = ()) -> list[Hit]:
        """Appositive and appointment names outside ``blocked`` words, with ``found`` (the
        names the role rules found after their roles): each of those that an aide's
        appositive role names as its principal becomes a LEADER, in the order given."""
        blocked = blocked or set()
        context = context or ArticleContext.of(doc)
        appositives, principals = self._appositives(doc, context, frozenset(h.end for h in found))
        served = {(h.start, h.end) for h in principals}
        out = [Hit(h.start, h.end, LEADER) if (h.start, h.end) in served else h for h in found]
        taken = set(blocked).union(*(range(h.start, h.end) for h in out))
        hits = sorted(appositives + self.handovers.find(doc, context, found) + self.respectively.find(doc, context)
                      + self.portfolios.find(doc, context)
                      + self._leaders_of_institutions(doc, context), key=lambda h: (h.start, -h.end))
        for hit in hits:
            if not taken.intersection(range(hit.start, hit.end)):
                out.append(hit)
                taken.update(range(hit.start, hit.end))
        return out


#: Where a photo's caption places a person: "X (kiri), juru bicara Hamas, …".
_POSITIONS = frozenset({"kiri", "kanan", "tengah", "depan", "belakang"})


def _prefix_before(doc: Document, i: int) -> int:
    """How many words a role's prefix (``_ROLE_PREFIXES``, ``_ACTING``) ending right before
    word ``i`` takes (0: none)."""
    if i > 0 and doc.keys[i - 1] in _ROLE_PREFIXES:
        return 1
    return 2 if i > 1 and (doc.keys[i - 2], doc.keys[i - 1]) in _ACTING else 0


def _dotted_titles_before(doc: Document, start: int) -> int:
    """Where the dotted titles before a name start on its line ("2. Dr. Hj. Rina …", "3. Ir.
    Bambang …": short capitalised words, each before a full stop), or ``start`` itself."""
    k = start
    while k >= 2 and doc.keys[k - 1] == "." and same_line(doc, k - 2, start) and doc.word(k - 2).isalpha() \
            and len(doc.word(k - 2)) <= 4 and doc.word(k - 2)[:1].isupper():
        k -= 2
    return k


def _prefix_after(doc: Document, i: int) -> int:
    """How many words a role's prefix starting at word ``i`` takes (0: none)."""
    if i < len(doc.keys) and doc.keys[i] in _ROLE_PREFIXES:
        return 1
    return 2 if tuple(doc.keys[i:i + 2]) in _ACTING else 0


def _before_degrees(doc: Document, end: int) -> int:
    """Where the name ends when academic degrees, each after a comma, stand between it and
    the link at word ``end``: "X, S.Sos., M.M., Kepala BNPB" (``end`` itself otherwise)."""
    while True:
        j = end
        while j > 0 and (doc.keys[j - 1] == "." or (doc.word(j - 1).isalpha() and len(doc.word(j - 1)) <= 4
                                                     and doc.word(j - 1)[:1].isupper())):
            j -= 1
        if not (j < end and j > 0 and doc.keys[j - 1] == "," and academic_degree(doc, j, end)):
            return end
        end = j - 1
