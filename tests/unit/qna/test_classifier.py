"""The topic classifier on questions as users really type them, in seven ways of writing.

The accuracy test fails below 90 % and prints every misclassified question either way.
"""

from __future__ import annotations

from collections import Counter

import pytest

from backend.domain.qna.classifier import PRIORITY, Topic, classify, fold, scores
from tests.unit.qna.questions import QUESTIONS

LANGUAGES = ("en", "hi", "mr", "ta", "te", "bn", "hi-latn")


def test_the_table_is_big_and_broad_enough() -> None:
    per_language = Counter(language for language, _, _ in QUESTIONS)
    assert all(per_language[code] >= 10 for code in LANGUAGES), per_language
    assert per_language["hi-latn"] >= 12
    assert {topic for _, _, topic in QUESTIONS} == set(Topic)


def test_accuracy_is_at_least_ninety_percent() -> None:
    wrong = [(lang, q, want, classify(q)) for lang, q, want in QUESTIONS if classify(q) != want]
    for lang, question, want, got in wrong:
        print(f"MISCLASSIFIED [{lang}] {question!r}: expected {want}, got {got}")
    for code in LANGUAGES:
        total = sum(1 for lang, _, _ in QUESTIONS if lang == code)
        misses = sum(1 for lang, *_ in wrong if lang == code)
        print(f"accuracy [{code}]: {total - misses}/{total}")
    accuracy = 1 - len(wrong) / len(QUESTIONS)
    print(f"accuracy overall: {accuracy:.1%} of {len(QUESTIONS)}")
    assert accuracy >= 0.9, wrong


def test_nothing_recognised_is_general() -> None:
    assert classify("") == Topic.GENERAL
    assert classify("???") == Topic.GENERAL
    assert classify("namaste ji") == Topic.GENERAL


def test_a_tie_goes_to_the_documented_priority() -> None:
    # "ghar" (property, 3) and "shaadi" (marriage, 3) tie; marriage comes first in PRIORITY.
    question = "shaadi ke baad ghar"
    ranked = scores(question)
    assert ranked[Topic.MARRIAGE] == ranked[Topic.PROPERTY] == max(ranked.values())
    assert classify(question) == Topic.MARRIAGE
    assert PRIORITY.index(Topic.MARRIAGE) < PRIORITY.index(Topic.PROPERTY)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("शादी?", "शादी"),  # the vowel sign ी stays: it is part of the letter
        ("ज़मीन", "जमीन"),  # nukta typed or not, the same word
        ("বিয়ে", "বিযে"),  # precomposed য় and য + nukta agree
        ("Shaaddi!!", "shaadi"),
        ("సాఫ్ట్‌వేర్", "సాఫ్ట్వేర్"),  # a zero-width non-joiner only shapes glyphs
    ],
)
def test_fold_keeps_vowel_signs_and_unifies_spelling(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_marathi_lagna_is_marriage_but_the_ascendant_sign_is_not() -> None:
    assert classify("लग्न कधी होईल") == Topic.MARRIAGE
    assert classify("लग्नाचा योग कधी आहे") == Topic.MARRIAGE
    assert classify("माझी लग्न राशी कोणती") == Topic.GENERAL
    assert classify("लग्नेश कुठे आहे") == Topic.GENERAL


def test_classification_is_deterministic() -> None:
    assert [classify(q) for _, q, _ in QUESTIONS] == [classify(q) for _, q, _ in QUESTIONS]
