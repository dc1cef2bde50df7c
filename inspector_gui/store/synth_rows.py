"""Rows of a synthetic store: providers, inspections, ratings and findings that look like the real
data (same frameworks and standards, partial dates, sparse standard ratings, Zipf-distributed
finding text) so that speed measured on them is the speed users will see.

Everything is drawn from ``random.Random`` seeded with strings, so a seed gives the same rows on
every machine and Python version.
"""

from __future__ import annotations

import random
import re
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from inspector_gui import paths
from inspector_gui.domain.ratings import GRADED
from inspector_gui.store import ordering
from inspector_gui.store.imports import natural_key

REGIONS = ("North East", "North West", "Yorkshire and the Humber", "Greater Manchester",
           "East Midlands", "West Midlands", "East of England", "London", "Kent, Surrey and Sussex",
           "South Central", "South West", "Wales")
PLACES = ("Merseyside", "Essex", "Northumbria", "Thames Valley", "Staffordshire", "Derbyshire",
          "Humberside", "Lincolnshire", "Dorset", "Devon", "Cornwall", "Durham", "Cheshire",
          "Bedfordshire", "Hampshire", "Cumbria", "Lancashire", "Kent", "Surrey", "Sussex",
          "Warwickshire", "West Mercia", "Norfolk", "Suffolk", "Bristol", "Gloucestershire", "Gwent",
          "Northamptonshire", "Birmingham", "Solihull", "Hammersmith", "Fulham", "Lambeth", "Ealing",
          "Hillingdon", "Lewisham", "Bromley", "Newham", "Barking", "Havering", "Gateshead",
          "Redcar", "Middlesbrough", "Kirklees", "Sheffield", "Hull", "Manchester", "Tameside",
          "Wigan", "Liverpool", "Knowsley", "St Helens", "Blackburn", "Portsmouth", "Berkshire",
          "Somerset", "Leicester", "Rutland", "Derby", "Cambridgeshire", "Peterborough",
          "Nottingham", "North Yorkshire", "Wakefield", "Leeds", "North Wales", "Cwm Taf",
          "Dyfed Powys", "Cardiff", "Swansea", "Hertfordshire", "Bradford", "Calderdale",
          "Barnsley", "Rotherham", "Doncaster", "Coventry", "Wolverhampton", "Walsall", "Sandwell")
OWNERS = ("Purple Futures", "Sodexo Justice Services", "Working Links", "MTCnovo",
          "Seetec", "Reducing Reoffending Partnership", "Achieving Real Change in Communities")
TYPE_WEIGHTS = {"PDU": 90, "CRC": 7, "NPS division": 3}
# (framework, first and last month of publication) for each provider type.
PERIODS = {
    "CRC": (("crc-nps-2018", (2018, 6), (2021, 5)),),
    "NPS division": (("crc-nps-2018", (2018, 6), (2021, 5)),),
    "PDU": (("pdu-2021", (2021, 6), (2023, 9)), ("pdu-2023", (2023, 10), (2025, 12))),
    "region": (("region-2023", (2023, 10), (2025, 12)),),
    "national": (("national-2025", (2025, 1), (2025, 12)),),
}
OVERALL_WEIGHTS = {"Outstanding": 4, "Good": 30, "Requires improvement": 48, "Inadequate": 15,
                   "Not rated": 1, "": 2}
KIND_WEIGHTS = {"strength": 35, "improvement": 45, "recommendation": 20}
BASIS_WEIGHTS = {"stated": 85, "news report": 10, "press-release wording": 5}
URL = "https://synthetic.invalid/hmiprobation/{}"


@dataclass(frozen=True)
class Standards:
    """The bundled frameworks' standards as the generator needs them."""

    by_framework: dict[str, list[tuple[str, str, str]]]  # (domain, standard, applies_to)

    def applicable(self, framework_id: str, provider_type: str) -> list[tuple[str, str]]:
        return [(d, s) for d, s, to in self.by_framework.get(framework_id, [])
                if to in ("", provider_type)]


def vocabulary() -> list[str]:
    """Words of synthetic text, most frequent first (a resource file; see its header)."""
    text = (paths.resources_dir() / "synth-words.txt").read_text(encoding="utf-8")
    return [w for w in text.split("\n") if w and not w.startswith("#")]


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def provider_rows(count: int, seed: int) -> list[dict[str, str]]:
    """A national provider, the twelve regions, then CRCs, NPS divisions and mostly PDUs."""
    rng = random.Random(f"{seed}:providers")
    rows = [_provider("HMPPS national arrangements", "national", "England and Wales", rng)]
    rows += [_provider(f"{region} region", "region", region, rng) for region in REGIONS]
    places = _place_names(rng)
    for number in range(max(0, count - len(rows))):
        kind = _pick(rng, TYPE_WEIGHTS)
        place = places[number % len(places)] + (f" {number // len(places) + 1}"
                                                if number >= len(places) else "")
        name = f"NPS {place} division" if kind == "NPS division" else f"{place} {kind}"
        rows.append(_provider(name, kind, rng.choice(REGIONS), rng))
    return rows[:count]


def _place_names(rng: random.Random) -> list[str]:
    """Single places then pairs ("Leeds and Wakefield"), in a seeded order."""
    pairs = [f"{a} and {b}" for a in PLACES for b in PLACES if a != b]
    rng.shuffle(pairs)
    return list(PLACES) + pairs


def _provider(name: str, kind: str, region: str, rng: random.Random) -> dict[str, str]:
    owner = rng.choice(OWNERS) if kind == "CRC" else "Probation Service"
    return {"provider_id": _slug(name), "name": name, "provider_type": kind, "region": region,
            "owner": owner, "inspectorate_id": "hmip"}


def split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` shared among ``parts`` unevenly (each 0.5–1.5 of the mean), summing exactly."""
    if parts <= 0:
        return []
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    shares = [int(w * scale) for w in weights]
    for index in range(total - sum(shares)):
        shares[index % parts] += 1
    return shares


def inspection_rows(providers: Sequence[dict[str, str]], count: int, seed: int
                    ) -> list[dict[str, str]]:
    """Inspections shared unevenly among providers, each under its type's framework and dates."""
    rng = random.Random(f"{seed}:inspections")
    rows: list[dict[str, str]] = []
    taken: set[str] = set()
    for provider, share in zip(providers, split(count, len(providers), rng), strict=True):
        for _ in range(share):
            rows.append(_inspection(provider, rng, taken))
    return rows


def _inspection(provider: dict[str, str], rng: random.Random, taken: set[str]) -> dict[str, str]:
    framework, first, last = rng.choice(PERIODS[provider["provider_type"]])
    year, month, day = _date_between(first, last, rng)
    published = _partial(year, month, day, rng)
    base = f"{provider['provider_id']}-{published or 'undated-' + framework}"
    inspection_id, serial = base, 1
    while inspection_id in taken:
        serial += 1
        inspection_id = f"{base}-{serial}"
    taken.add(inspection_id)
    fieldwork = f"{year - (month <= 3)}-{(month - 4) % 12 + 1:02d}" if rng.random() < 0.5 else ""
    return {"inspection_id": inspection_id, "provider_id": provider["provider_id"],
            "framework_id": framework, "round": _round(year, month) if framework == "crc-nps-2018"
            else "", "fieldwork_start": fieldwork, "published": published,
            "overall_rating": _pick(rng, OVERALL_WEIGHTS), "score": "",
            "source_url": URL.format(inspection_id), "notes": ""}


def _date_between(first: tuple[int, int], last: tuple[int, int], rng: random.Random
                  ) -> tuple[int, int, int]:
    months = rng.randint(first[0] * 12 + first[1] - 1, last[0] * 12 + last[1] - 1)
    return months // 12, months % 12 + 1, rng.randint(1, 28)


def _partial(year: int, month: int, day: int, rng: random.Random) -> str:
    """Mostly full dates; some month- or year-only, a few missing, as in the real data."""
    precision = rng.random()
    if precision < 0.85:
        return f"{year}-{month:02d}-{day:02d}"
    if precision < 0.94:
        return f"{year}-{month:02d}"
    return str(year) if precision < 0.98 else ""


def _round(year: int, month: int) -> str:
    start = year if month >= 4 else year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def rating_rows(inspections: Sequence[dict[str, str]], types: dict[str, str],
                standards: Standards, points: dict[str, dict[str, int]], seed: int
                ) -> Iterator[tuple]:
    """Standard ratings for about half the inspections (all of them or a few), near the overall
    rating; a fully rated inspection also gets its published score."""
    rng = random.Random(f"{seed}:ratings")
    levels = [r.value for r in GRADED]
    for inspection in inspections:
        codes = [s for _, s in standards.applicable(inspection["framework_id"],
                                                   types[inspection["provider_id"]])]
        coverage = rng.random()
        if coverage >= 0.5 or not codes:
            continue
        chosen = codes if coverage < 0.35 else rng.sample(codes, min(len(codes), rng.randint(1, 3)))
        overall = inspection["overall_rating"]
        centre = levels.index(overall) if overall in levels else 2
        given = {code: levels[min(3, max(0, centre + rng.choice((-1, 0, 0, 0, 1))))]
                 for code in chosen}
        if len(chosen) == len(codes):
            scale = points.get(inspection["framework_id"], {})
            inspection["score"] = str(sum(scale.get(level, 0) for level in given.values()))
        for code, level in given.items():
            yield (inspection["inspection_id"], code, level, _pick(rng, BASIS_WEIGHTS),
                   inspection["source_url"], "")


class TextMaker:
    """Finding text: 10–35 words drawn with Zipf weights (rank r with weight 1/r)."""

    def __init__(self, words: list[str], rng: random.Random) -> None:
        self.words = words
        self.cumulative = list(accumulate(1 / rank for rank in range(1, len(words) + 1)))
        self.rng = rng

    def texts(self, count: int) -> list[str]:
        lengths = [self.rng.randint(10, 35) for _ in range(count)]
        total, top, rand, words = self.cumulative[-1], len(self.words) - 1, self.rng.random, self.words
        drawn = [words[min(top, bisect(self.cumulative, rand() * total))] for _ in range(sum(lengths))]
        texts, start = [], 0
        for length in lengths:
            sentence = " ".join(drawn[start:start + length])
            texts.append(sentence[0].upper() + sentence[1:] + ".")
            start += length
        return texts


def finding_rows(inspections: Sequence[dict[str, str]], types: dict[str, str],
                 standards: Standards, count: int, seed: int, batch: int = 20_000
                 ) -> Iterator[list[tuple]]:
    """Findings in batches, shared unevenly among inspections, in inspection order, each with
    its id at its place (:mod:`ordering`), so the store needs no renumbering."""
    rng = random.Random(f"{seed}:findings")
    maker = TextMaker(vocabulary(), random.Random(f"{seed}:text"))
    shares = split(count, len(inspections), rng)
    firsts = ordering.first_ids([(i["inspection_id"], i["published"]) for i in inspections], shares)
    rows: list[tuple] = []
    for inspection, share, first in zip(inspections, shares, firsts, strict=True):
        places = standards.applicable(inspection["framework_id"], types[inspection["provider_id"]])
        for number, text in enumerate(maker.texts(share)):
            rows.append((first + number, *_finding(inspection, places, text, rng)))
        if len(rows) >= batch:
            yield rows
            rows = []
    if rows:
        yield rows


def _finding(inspection: dict[str, str], places: list[tuple[str, str]], text: str,
             rng: random.Random) -> tuple:
    """A finding about a standard (70%), a domain (25%) or the whole inspection."""
    domain, standard = rng.choice(places) if places else ("", "")
    where = rng.random()
    if where >= 0.7:
        standard = ""
        domain = domain if where < 0.95 else ""
    kind = _pick(rng, KIND_WEIGHTS)
    values = {"inspection_id": inspection["inspection_id"], "kind": kind, "text": text}
    return (inspection["inspection_id"], domain, standard, kind, text, inspection["source_url"],
            natural_key(values))
