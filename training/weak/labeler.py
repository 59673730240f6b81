"""The weak labeler: silver SCHEMA §3 predictions from raw articles.

Sources, in order of trust:

1. the gazetteer (known people, with ``canonical``);
2. context rules (a role word before an unknown capitalised name), whose names
   are then also found elsewhere in the same article (full name or surname), and,
   least trusted, a foreign family name quoted alone (:mod:`speakers`);
3. the topic lexicon (TOPIC spans with ``topic``), never inside a person's name;
4. conflict evidence over body sentences for the article labels.

>>> wl = WeakLabeler.load()
>>> p = wl.label("Presiden Rusia Vladimir Putin menolak gencatan senjata di Ukraina. "
...              "Kyiv menolak syarat Moskow.", "a1")
>>> [(e["text"], e["label"]) for e in p["entities"]], p["labels"], p["primary"]
([('Vladimir Putin', 'LEADER'), ('gencatan senjata', 'TOPIC')], ['russia_ukraine'], 'russia_ukraine')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sorot.inference.text.boilerplate import find_boilerplate
from sorot.inference.text.gazetteer import Gazetteer, family_owners
from sorot.inference.text.phrases import Document, Hit, is_capitalised, keys_of
from sorot.inference.text.topics import TopicLexicon
from sorot.inference.text.words import sentence_spans
from sorot.models.schema import TOPIC
from sorot.training.weak.anaphora import PointingRoles
from sorot.training.weak.appositive import AppositiveRules
from sorot.training.weak.casing import ArticleContext
from sorot.training.weak.conflicts import ConflictEvidence
from sorot.training.weak.context import RoleRules, same_line
from sorot.training.weak.mentions import Mentions, known_person_mentions
from sorot.training.weak.names import is_bare_verb, zipf
from sorot.training.weak.plural import PluralRoles
from sorot.training.weak.speakers import role_less_speakers

#: Confidence given to each source's spans (the silver data has no calibrated scores).
SOURCE_SCORE = {"gazetteer": 0.95, "context": 0.8, "propagated": 0.7, "speaker": 0.6, "topic": 0.9}


@dataclass
class WeakLabeler:
    gazetteer: Gazetteer
    topics: TopicLexicon
    roles: RoleRules
    evidence: ConflictEvidence

    def __post_init__(self) -> None:
        self.appositives = AppositiveRules(self.roles)
        self.plurals = PluralRoles(self.roles)
        self.pointing = PointingRoles(self.roles)

    @classmethod
    def load(cls, gazetteer: str | Path | None = None) -> WeakLabeler:
        """The shipped lexicons, with another gazetteer file if given."""
        return cls(Gazetteer.load(gazetteer), TopicLexicon.load(), RoleRules.load(),
                   ConflictEvidence.load())

    def _context_people(self, doc: Document, blocked: set[int], context: ArticleContext,
                        speakers: bool = True) -> list[tuple[Hit, str]]:
        """Names found by role words before or after them, and (with ``speakers``) the
        foreign family names quoted alone, plus their other mentions in the same
        article, one class per person."""
        after_roles = self.roles.find(doc, blocked, context)
        found = self.appositives.find(doc, blocked, context, after_roles)
        taken = {i for h in found for i in range(h.start, h.end)}
        found += self.plurals.find(doc, blocked | taken, context, after_roles)
        taken = {i for h in found for i in range(h.start, h.end)}
        found += self.pointing.find(doc, blocked | taken, context)  # "X menolak. Presiden Rusia itu …"
        taken = {i for h in found for i in range(h.start, h.end)}
        quoted = role_less_speakers(doc, blocked | taken, context.lower, self.roles) if speakers else []
        found = sorted(found + quoted, key=lambda h: h.start)  # "…," kata Araghchi
        people = Mentions.find(doc, found, blocked, context.lower, context.headline, self.roles.places,
                               self.roles.honorifics)
        spoke = {h.start for h in quoted}
        return sorted([(h, "propagated" if k >= len(found) else "speaker" if h.start in spoke else "context")
                       for k, h in enumerate(people)], key=lambda f: f[0].start)

    def _entity(self, doc: Document, hit: Hit, label: str, source: str, canonical: str | None = None,
                topic: str | None = None) -> dict:
        """Every entity has the same keys (``canonical``/``topic`` null when absent), as the
        model's do: JSON Lines then load with typed columns."""
        first = hit.start - 1 if label != TOPIC and self.roles.birth_order_prefix(doc, hit.start) else hit.start
        start, end = doc.char_span(first, hit.end)
        return {"start": start, "end": end, "label": label, "text": doc.text[start:end],
                "score": SOURCE_SCORE[source], "canonical": canonical, "topic": topic}

    def _known_people(self, doc: Document, context: ArticleContext) -> list[Hit]:
        """Gazetteer hits, less a lone name next to an unknown name word ("Hazem Qassem"
        is not Naim Qassem, "Abbas Araghchi" is not Mahmoud Abbas): that name is left to
        the context rules."""
        lower, headline = context.lower, context.headline

        def mid_sentence(i: int) -> bool:  # word i has a word before it on its line
            return i > 0 and "\n" not in doc.text[doc.words[i - 1][1]:doc.words[i][0]] and \
                doc.keys[i - 1] not in {".", "!", "?", ":", '"', "'", "("}

        hits = self._without_honorifics(doc, self.gazetteer.find(doc))
        starts = {h.start for h in hits}

        def unknown_name_after(i: int) -> bool:  # "Abbas" before an unknown "Araghchi"
            return (i < len(doc.keys) and mid_sentence(i) and mid_sentence(i - 1)
                    and i not in starts and self.roles.is_name_word(doc, i, lower) and not is_bare_verb(doc.keys[i]))

        def unknown_name_before(i: int) -> bool:  # "Hazem" before "Qassem", "Melania" before "Trump"
            # a sentence's first word may be a connector no word list has ("Lantas Trump"):
            # only a word Indonesian rarely uses is a given name there
            # a headline's verb between two names is no given name ("Sugiono Sambut Lavrov")
            return i >= 1 and mid_sentence(i) and self.roles.is_name_word(doc, i - 1, lower) and \
                not is_bare_verb(doc.keys[i - 1]) and (mid_sentence(i - 1) or zipf(doc.keys[i - 1]) < RARE_ZIPF)

        return [h for h in hits
                if not _suffixed(doc, h.end)  # "Donald Trump Jr." is his son
                and not self._names_an_organisation(doc, h.end)  # "Trump Organization"
                and (h.end - h.start > 1 or h.start in headline
                     or not (unknown_name_before(h.start) or unknown_name_after(h.end)))]

    def _names_an_organisation(self, doc: Document, end: int) -> bool:
        """An English organisation's head word right after a name: the name is the
        organisation's ("Trump Organization", "Clinton Foundation")."""
        return end < len(doc.keys) and doc.keys[end] in self.roles.organisation_heads and \
            is_capitalised(doc.word(end)) and same_line(doc, end - 1, end)

    def _not_a_name(self, doc: Document, i: int) -> bool:
        """Word ``i`` is a place, a role word or an honorific, never a name alone."""
        roles = self.roles
        return doc.keys[i] in roles.honorifics or roles.places.match_at(doc, i) is not None or \
            roles.roles.match_at(doc, i) is not None

    def _without_honorifics(self, doc: Document, hits: list[Hit]) -> list[Hit]:
        """"Sheikh Tamim" -> "Tamim": an honorific stays outside the name, as a role does.
        The name is matched again from its first word, where a longer alias may start
        ("Sheikh Mohammed bin Abdulrahman" of "Sheikh Mohammed bin Abdulrahman al-Thani")."""
        out: list[Hit] = []
        for hit in hits:
            if out and hit.start < out[-1].end:
                continue  # inside the longer name just found
            start = hit.start
            while hit.end - start > 1 and doc.keys[start] in self.roles.honorifics and \
                    keys_of(hit.payload.name)[start - hit.start:start - hit.start + 1] != (doc.keys[start],):
                start += 1  # an honorific, unless the name itself starts so ("Sheikh Hasina")
            if start > hit.start:
                again = self.gazetteer.matcher.match_at(doc, start)
                hit = again if again is not None and again.end >= hit.end else Hit(start, hit.end, hit.payload)
            out.append(hit)
        return out

    def entities(self, doc: Document, cues: list[Hit] | None = None,
                 sentences: list[tuple[int, int]] | None = None) -> tuple[list[dict], list[Hit], list[Hit]]:
        """Entity dicts, plus the gazetteer and topic hits for article evidence; ``cues``
        (the conflict evidence's hits) and ``sentences`` (word ranges) when the caller
        has them already."""
        article = ArticleContext.of(doc)  # computed once, used by both name passes
        facilities = self.roles.facility_words(doc, article)  # "Bandara Soekarno-Hatta"
        known = [h for h in self._known_people(doc, article) if h.start not in facilities]
        owners = family_owners([(tuple(doc.keys[h.start:h.end]), h.payload) for h in known])
        known = [Hit(h.start, h.end, owner) for h, owner in zip(known, owners)]  # "Mohammed Sinwar … Sinwar"
        blocked = facilities | {i for h in known for i in range(h.start, h.end)}
        more = known_person_mentions(doc, known, self.gazetteer.given_name_owners, blocked, article.lower,
                                     lambda i: self._not_a_name(doc, i))
        people = sorted(known + more, key=lambda h: h.start)
        blocked |= {i for h in more for i in range(h.start, h.end)}  # "Abu Mohammed al-Julani": every word
        cues = self.evidence.find_cues(doc) if cues is None else cues
        # a speaker quoted bare is an official only where a conflict is named: a football
        # coach or a founder is quoted so too ("kata Kluivert")
        context = self._context_people(doc, blocked, article, speakers=any(h.payload[1] == 2 for h in cues))
        blocked |= {i for h, _ in context for i in range(h.start, h.end)}
        sentences = _sentence_words(doc)[1] if sentences is None else sentences
        topics = self.topics.find(doc, blocked | self.topics.inside_names(doc, article.headline),
                                  self._about_a_conflict(doc, people, cues, sentences),
                                  at_war=self._at_war(doc, cues))
        out = [self._entity(doc, h, h.payload.type, "gazetteer", canonical=h.payload.name)
               for h in known]
        out += [self._entity(doc, h, h.payload.type, "propagated", canonical=h.payload.name) for h in more]
        out += [self._entity(doc, h, h.payload, src) for h, src in context]
        out += [self._entity(doc, h, TOPIC, "topic", topic=h.payload) for h in topics]
        return sorted(out, key=lambda e: e["start"]), people, topics

    def _about_a_conflict(self, doc: Document, people: list[Hit], cues: list[Hit],
                          sentences: list[tuple[int, int]]):
        """Whether a generic topic hit's paragraph (its line) may be about a conflict: one of
        its sentences is about one (:meth:`ConflictEvidence.sentence_scores` reaches the
        evidence's threshold, which takes a strong cue), or else it has no word of another
        subject (``off_conflict:`` of the topic lexicon: trade, tariffs, power plants). A
        weak cue or a person alone is not enough: "Pengalaman bisnis para investor itu
        berguna saat negosiasi" next to "Trump" is no peace talk. A sentence that opens by
        turning to another subject (``subject_shifts:``, "Di sisi lain") and names no
        conflict and no war is never about one. ``None`` where the paragraph names neither a
        conflict nor another subject: the topic lexicon then decides as for the generic cue
        before it."""
        elsewhere = [i for i, k in enumerate(doc.keys) if k in self.topics.off_conflict]
        firsts = [s for s, _ in sentences]
        known: dict[int, bool] = {}  # sentence -> about a conflict, scored on first need

        def sentence_about(k: int) -> bool:
            if k not in known:
                scores = self.evidence.sentence_scores(doc, people, (), [sentences[k]], cues)[0]
                known[k] = max(scores.values()) >= self.evidence.min_sentence_score
            return known[k]

        cue_starts = sorted(h.start for h in cues)

        def off_subject(start: int, end: int) -> bool:
            # "Di sisi lain, Indonesia dan Uni Eropa menuntaskan perundingan …": a sentence
            # that turns to another subject and names no conflict nor war
            return self.topics.shifts_subject(doc, start) and \
                bisect_left(cue_starts, start) == bisect_left(cue_starts, end) and \
                self.topics.war_words.isdisjoint(doc.keys[start:end])

        def about(hit: Hit) -> bool | None:
            k = bisect_right(firsts, hit.start) - 1
            if off_subject(*sentences[k]):
                return False
            lo, hi = k, k
            while lo > 0 and same_line(doc, sentences[lo - 1][0], hit.start):
                lo -= 1
            while hi + 1 < len(sentences) and sentences[hi + 1][0] < len(doc.keys) and \
                    same_line(doc, hit.start, sentences[hi + 1][0]):
                hi += 1
            if any(sentence_about(j) for j in range(lo, hi + 1)):
                return True
            start, end = sentences[lo][0], sentences[hi][1]
            return None if bisect_left(elsewhere, start) == bisect_left(elsewhere, end) else False
        return about

    def _at_war(self, doc: Document, cues: list[Hit]) -> bool:
        """The article names a conflict by a cue that is no home-news word ("sandera" is a
        weak cue of Gaza, and a bank robbery's too), or names a war."""
        return self.topics.names_a_war(doc) or any(
            tuple(doc.keys[h.start:h.end]) not in self.topics.needs_war for h in cues)

    @staticmethod
    def _body_sentences(doc: Document, spans: list[tuple[int, int]],
                        words: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Word ranges of the sentences that are not boilerplate (``spans`` in characters,
        ``words`` the same sentences in words)."""
        noise = find_boilerplate(doc.text)  # in text order, not overlapping
        noise_starts = [b.start for b in noise]
        out = []
        for (s, e), sentence in zip(spans, words):
            mid = (s + e) // 2
            k = bisect_right(noise_starts, mid) - 1  # the one span that could hold mid
            if k >= 0 and mid < noise[k].end:
                continue
            out.append(sentence)
        return out

    def warm_up(self) -> WeakLabeler:
        """Label one short sentence, so that tables loaded on first use (word frequencies)
        are not charged to the first real record's time budget."""
        self.label("Presiden Joko Widodo bertemu Menteri Luar Negeri Sugiono di Jakarta.")
        return self

    def label(self, text: str, id: str | None = None) -> dict:
        """One SCHEMA §3 prediction for ``text``."""
        doc = Document.from_text(text)
        spans, sentences = _sentence_words(doc)  # segmented once, for topics and evidence
        cues = self.evidence.find_cues(doc)
        entities, people, topics = self.entities(doc, cues, sentences)
        if not topics and not self.topics.names_a_war(doc):  # a country is only a country
            cues = self.evidence.without_war(doc, cues)
        body = self._body_sentences(doc, spans, sentences)
        evidence = self.evidence.sentence_evidence(doc, people, topics, body, cues)
        decision = self.evidence.decide_article(evidence, self.evidence.asides(doc, body),
                                                partial(self.evidence.echoes, doc, body))
        return {"id": id, "text": text, "labels": decision.labels, "primary": decision.primary,
                "scores": decision.scores, "entities": entities}


_GENERATION = frozenset({"jr", "junior", "sr", "senior"})
#: Zipf frequency under which a word opening a sentence before a known family name is a
#: given name: "Melania" (0), "Mojtaba" (0); connectors sit higher ("kiranya" 3.7)
RARE_ZIPF = 3.0


def _suffixed(doc: Document, end: int) -> bool:
    """A generation suffix after a name ("Jr.", "Junior"): the name is a relative's."""
    return end < len(doc.keys) and doc.keys[end] in _GENERATION and doc.word(end)[:1].isupper()


def _sentence_words(doc: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Each sentence's character span and its word range ``[start, end)``."""
    starts = [s for s, _ in doc.words]
    spans = sentence_spans(doc.text)
    return spans, [(bisect_left(starts, s), bisect_left(starts, e)) for s, e in spans]
