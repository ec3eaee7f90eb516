"""The extractors' fast paths give exactly the results of the plain regex scans they replace.

Like tests/test_scan.py: each pattern tried only at some places is run both ways over the seed and
invented documents and over texts made of strings generated from the pattern itself, so that an
alternative added to a pattern without its first word makes these tests fail.
"""

from __future__ import annotations

from test_scan import _same, texts_for

from gcmkg.extract import instruments, scan


def test_instruments_at_their_words() -> None:
    for text in texts_for(instruments.FIND, 50):
        _same(scan.finditer_at(instruments.FIND, text, instruments.starts(text)), instruments.FIND.finditer(text))


def test_run_starts_is_the_regex_definition() -> None:
    import random
    import re
    rng = random.Random(3)
    pieces = ["stem", "Stem", "xstem", "richtlijn", "EU", "-arrest", "_", "é", " ", "\n", "-", "9", "(", "’"]
    for _ in range(50):
        text = "".join(rng.choice(pieces) for _ in range(300))
        want = sorted({m.start() for m in re.finditer(r"\w+", text) if m.group().startswith(("stem", "EU"))}
                      | {m.start() for m in re.finditer(r"\w+", text) if "ichtlijn" in m.group()}
                      | {re.search(r"\w*\Z", text[:m.start()]).start() for m in re.finditer(r"(?=-arrest)", text)})
        assert scan.run_starts(text, ("stem", "EU"), ("ichtlijn", "-arrest")) == want
