"""Groups of states or representatives that act together: `verschillende landen`,
`nagenoeg alle VN-leden`, `een brede groep Europese landen`, `de EU-27`,
`26 andere EU-lidstaten`, `alle aanwezige vertegenwoordigers`.

A group is an actor only where it acts: when a stance or attendance verb follows it
in the same sentence (`... hebben besloten het GCM niet meer te ondersteunen`,
`... gaan akkoord met de tekst`). A group named as a place or a beneficiary
(`in veel landen`, `voor alle lidstaten`) is not an actor.
"""

from __future__ import annotations

import re

from gcmkg.extract import scan
from gcmkg.extract.context import Context
from gcmkg.extract.textutil import slug, squash

NEEDS = ("sentences",)
PRODUCES = ("actors:group",)

_QUANT = (r"(?:(?:nagenoeg|vrijwel|bijna|praktisch)\s+)?"
          r"(?:alle|verschillende|diverse|enkele|meerdere|sommige|vele|veel|andere|de\s+andere(?:\s+\d{1,3})?|"
          r"\d{1,3}\s+andere|een\s+(?:brede\s+|grote\s+|kleine\s+)?groep(?:\s+van)?|brede\s+groep|een\s+aantal|"
          r"tal\s+van|\d{2,3}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|twintig)")
_HEAD = (r"(?:landen|lidstaten|EU-lidstaten|VN-lidstaten|VN-leden|herkomstlanden|transitlanden|bestemmingslanden|"
         r"staten|vertegenwoordigers|delegaties|regeringen|deelstaten|partners)")
GROUP = re.compile(rf"(?<![A-Za-zÀ-ÿ-])(?P<name>{_QUANT}\s+(?:[a-zà-ÿA-Z][\w-]*e\s+){{0,2}}{_HEAD}|(?:de\s+)?EU-\d{{2}})(?![\w-])",
                   re.I)
# a verb of deciding, agreeing, voting, attending or withdrawing after the group, in the same clause
ACTS = re.compile(r"^[^.;:?]{0,80}?\b(?:ga(?:at|an)\s+akkoord|(?:konden|kunnen|kon)\s+zich|besloten|besloot|stemden|"
                  r"stemde|steunen|steunden|ondersteunen|onthielden|onthouden\s+zich|trokken\s+zich|trekken\s+zich|"
                  r"teruggetrokken|afgestemd|tekenen|tekenden|ondertekenen|ondertekenden|verwerpen|verwierpen|"
                  r"aangegeven|meldden|verklaarden|namen\s+deel|waren\s+(?:niet\s+)?(?:aanwezig|vertegenwoordigd)|"
                  r"zijn\s+akkoord|opstellen|opgesteld|aangenomen|aanvaard|goedgekeurd|bekrachtigd|ingestemd|"
                  r"stemmen\s+in|stemden\s+in)\b")
SPOKESMEN = re.compile(r"\b(?:vertegenwoordigers|delegaties|leiders|ministers|regeringsleiders)\s+van\s+$", re.I)
_LEAD = re.compile(r"^(?:de|het|een)\s+", re.I)
_IS_GROUP = re.compile(rf"(?:{_HEAD}|EU-\d{{2}})$", re.I)


def is_group(name: str) -> bool:
    """True for the label of a group of states or their representatives (`brede groep Europese landen`)."""
    return bool(_IS_GROUP.search(name))


def extract(ctx: Context) -> None:
    for s in ctx.sentences:
        for m in scan.finditer(GROUP, s.text):  # skipped without the words every group holds (`landen`, `EU-`)
            before = s.text[max(0, m.start() - 30):m.start()]
            if re.search(r"\b(?:in|uit|naar|voor|aan|binnen|buiten|onder|van)\s+(?:\w+\s+en\s+)?$", before, re.I) \
                    and not SPOKESMEN.search(before):  # `vertegenwoordigers van 164 landen` act for them
                continue
            if not ACTS.match(s.text[m.end():]):
                continue
            name = squash(m.group("name"))
            label = _LEAD.sub("", name)
            ctx.add_actor(f"other/{slug(label)}", label, "other", s.start + m.start("name"), s.start + m.end("name"),
                          alias=name)
