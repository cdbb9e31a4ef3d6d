"""Generate a synthetic news corpus of any size, for benchmarks and kill/resume tests.

``python -m eventscope.demo.synthetic OUT.jsonl --count 1000``

Articles are built from templates with real place names, actors, dates and casualty figures,
padded with background paragraphs and scraped-page boilerplate to a realistic length. The
generator is seeded, so the same arguments always give the same corpus.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

PLACES = [
    ("Deir ez-Zor", "Syria"),
    ("Raqqa", "Syria"),
    ("Idlib", "Syria"),
    ("Aleppo", "Syria"),
    ("Kharkiv", "Ukraine"),
    ("Kherson", "Ukraine"),
    ("Bakhmut", "Ukraine"),
    ("El Fasher", "Sudan"),
    ("Omdurman", "Sudan"),
    ("Gao", "Mali"),
    ("Mopti", "Mali"),
    ("Maiduguri", "Nigeria"),
    ("Mogadishu", "Somalia"),
    ("Khan Younis", "Gaza"),
    ("Hodeidah", "Yemen"),
    ("Goma", "Democratic Republic of the Congo"),
]
ATTACKS = [
    ("{a} warplanes carried out airstrikes on {p} on {d}, killing {n} people.", "air"),
    ("{a} forces shelled {p} on {d}, killing at least {n} civilians.", "shelling"),
    (
        "Fighting broke out between {a} troops and {b} near {p} on {d}; {n} fighters were killed.",
        "clash",
    ),
    ("A roadside bomb exploded near {p} on {d}, killing {n} soldiers, officials said.", "ied"),
    ("Gunmen abducted {n} aid workers near {p} on {d}, according to local officials.", "abduct"),
    ("Thousands of protesters marched peacefully through {p} on {d}.", "protest"),
]
ACTORS = [
    "Russian",
    "Syrian government",
    "Ukrainian",
    "Sudanese army",
    "Malian army",
    "Nigerian army",
    "Israeli",
]
OPPONENTS = [
    "Islamic State militants",
    "the Rapid Support Forces",
    "JNIM fighters",
    "Boko Haram",
    "Hamas",
    "rebel forces",
]
BACKGROUND = [
    "The region has seen repeated fighting over the past decade, and humanitarian groups have "
    "warned that access to food and medicine remains severely limited for residents.",
    "Analysts say control of the area's roads and river crossings is strategically important, "
    "as supply lines for both sides run through the surrounding countryside.",
    "Local officials appealed for international assistance, saying hospitals were overwhelmed "
    "and that many families had fled to nearby towns and camps.",
    "The government has repeatedly promised to restore security, but residents describe "
    "frequent checkpoints, curfews and a steady decline in public services.",
    "Independent verification of casualty figures is difficult because journalists have "
    "limited access to the area and communications are frequently cut.",
]
BOILERPLATE = [
    "Share this article: Facebook | Twitter | WhatsApp | Email",
    "Subscribe to our newsletter for the latest updates.",
    "Advertisement",
    "The views expressed in this article are the author's own.",
]


def make_article(i: int, rnd: random.Random, words: int = 700) -> dict[str, str]:
    place, country = rnd.choice(PLACES)
    day = date(2024, 1, 1) + timedelta(days=rnd.randrange(700))
    template, _kind = rnd.choice(ATTACKS)
    lead = template.format(
        a=rnd.choice(ACTORS),
        b=rnd.choice(OPPONENTS),
        p=place,
        d=day.strftime("%B %-d"),
        n=rnd.randint(1, 60),
    )
    paragraphs = [lead, f"The incident took place in {place}, {country}."]
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(" ".join(rnd.sample(BACKGROUND, 3)))
    body = "\n\n".join([rnd.choice(BOILERPLATE), *paragraphs, rnd.choice(BOILERPLATE)])
    published = (day + timedelta(days=rnd.randint(0, 2))).isoformat()
    return {
        "id": f"gen-{i:06d}",
        "source": f"Outlet {i % 25}",
        "published": published,
        "title": lead[:80],
        "text": body,
    }


def write_corpus(path: Path, count: int, seed: int = 7, words: int = 700) -> Path:
    """Write ``count`` articles as one JSONL file at ``path``."""
    rnd = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fp:
        for i in range(count):
            fp.write(json.dumps(make_article(i, rnd, words)) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.out, args.count, args.seed, args.words)


if __name__ == "__main__":
    main()
