#!/usr/bin/env python3
"""Writes synthetic data drops in the canonical long CSV format, for measuring reruns on a large
warehouse (docs/reruns.md). Minimal on purpose: the full generator and benchmark are the
`generate` command of issue 6. Python 3 standard library only.

Codes come from conf/: every region of regions.yaml (the province and its prefectures), every
industry of plan.yaml and every indicator of indicators.yaml that has a fixed canonical unit
(physical ones, whose unit depends on the industry, are left out). Values are deterministic.

  jobs/gen-drops.py --inbox DIR --drops 15
      15 "full" drops 2030-01-01-gen-001 ... -015: each reports every region x industry x
      indicator x year (--first-year .. --last-year, default 1990..2025), 22 x 10 x 9 x 36 = 71,280
      rows with the sample conf/; each later drop revises about 2 % of the values.
  jobs/gen-drops.py --inbox DIR --partial 10700 --name 2030-02-01-gen-update
      one small drop of 10,700 rows (the newest years first), values revised by 1 %.
"""
import argparse
import hashlib
import os
import re
import sys


def conf_codes(conf):
    def read(name):
        with open(os.path.join(conf, name), encoding="utf-8") as f:
            return f.read()

    regions = re.findall(r'^\s*-?\s*code:\s*"?(\d{6})"?', read("regions.yaml"), re.M)
    plan = read("plan.yaml")
    industries_block = plan.split("\nindustries:", 1)[1].split("\ntargets:", 1)[0]
    industries = re.findall(r"^  - code:\s*([a-z][a-z0-9_]*)", industries_block, re.M)
    indicators = []
    for block in re.split(r"^  - ", read("indicators.yaml"), flags=re.M)[1:]:
        code = re.search(r"^code:\s*([a-z][a-z0-9_]*)", block, re.M)
        unit = re.search(r"^\s+unit:\s*(\S+)", block, re.M)
        if code and unit:
            indicators.append((code.group(1), unit.group(1)))
    if not (regions and industries and indicators):
        sys.exit("gen-drops: cannot read the codes of " + conf)
    return regions, industries, indicators


def noise(*key):
    """A deterministic number in [0, 1) for key."""
    h = hashlib.blake2b("|".join(map(str, key)).encode(), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2**64


def value(region, industry, indicator, year, revision):
    base = 10 + 990 * noise("base", region, industry, indicator)
    growth = 1.0 + 0.12 * noise("growth", region, industry, indicator)
    v = base * growth ** (year - 1990) / 100
    return round(v * (1 + 0.01 * revision), 4)


HEADER = "year,region,industry,indicator,value,unit,source,note\n"


def write_drop(inbox, name, rows):
    folder = os.path.join(inbox, name)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "observations.csv")
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for year, region, industry, (indicator, unit), v in rows:
            f.write(f"{year},{region},{industry},{indicator},{v},{unit},gen-drops.py,\n")
            n += 1
    return path, n


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--inbox", required=True)
    p.add_argument("--conf", default="conf")
    p.add_argument("--drops", type=int, default=0, help="number of full drops")
    p.add_argument("--prefix", default="2030-01-01-gen", help="name prefix of the full drops")
    p.add_argument("--first-year", type=int, default=1990)
    p.add_argument("--last-year", type=int, default=2025)
    p.add_argument("--partial", type=int, default=0, help="rows of one small drop")
    p.add_argument("--name", help="name of the small drop")
    a = p.parse_args()
    regions, industries, indicators = conf_codes(a.conf)
    years = range(a.first_year, a.last_year + 1)
    total = 0
    for i in range(1, a.drops + 1):
        def rows(i=i):
            for year in years:
                for region in regions:
                    for industry in industries:
                        for ind in indicators:
                            revised = i > 1 and noise("rev", i, year, region, industry, ind[0]) < 0.02
                            yield year, region, industry, ind, value(region, industry, ind[0], year, i if revised else 0)
        path, n = write_drop(a.inbox, f"{a.prefix}-{i:03d}", rows())
        total += n
        print(f"{path}: {n} rows", file=sys.stderr)
    if a.partial:
        if not a.name:
            sys.exit("gen-drops: --partial needs --name")

        def rows():
            n = 0
            for year in reversed(years):
                for region in regions:
                    for industry in industries:
                        for ind in indicators:
                            if n == a.partial:
                                return
                            n += 1
                            yield year, region, industry, ind, value(region, industry, ind[0], year, 1)
        path, n = write_drop(a.inbox, a.name, rows())
        total += n
        print(f"{path}: {n} rows", file=sys.stderr)
    print(f"gen-drops: {total} rows written under {a.inbox}", file=sys.stderr)


if __name__ == "__main__":
    main()
