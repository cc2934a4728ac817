#!/usr/bin/env python3
"""Writes the acceptance fixture of issue 15: 60 inputs answering remiss-2025 of Tests/Fixtures/remiss-korpus.

Run once (`python3 generate.py`); the output is committed and the tests read the files, not this script.
The consultee list beside it is a copy of Agreement/remissinstanser.yml: the 49 municipalities, the four
kommunalförbund and the region's boards. Names of contact persons and every text are invented.

  svar/  40 municipalities as form saves (JSON), Göteborg with two earlier saves (superseded),
         6 municipalities as rows of one survey export (semicolon, BOM, survey-tool times),
         the 4 kommunalförbund, 6 of the 8 region boards, one organisation that is not a consultee,
         and one cover letter (rejected). 3 answers came after the deadline (2025-06-19 kl. 12.00).
  Not answering: 3 municipalities and 2 region boards.
"""
import json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "svar")

def members():
    groups, group = [], None
    for line in open(os.path.join(HERE, "remissinstanser.yml"), encoding="utf-8"):
        if m := re.match(r"  - id: (\S+)", line):
            group = (m.group(1), [])
            groups.append(group)
        elif m := re.match(r'      - id: (\S+)', line):
            group[1].append([m.group(1), None])
        elif m := re.match(r'        name: "?([^"]+)"?', line):
            group[1][-1][1] = m.group(1).strip()
    return groups

DOCUMENTS = {
    "hos-avtal": ["inledning", "personcentrerat-forhallningssatt", "samverkansstruktur", "informationsoverforing", "digitalisering", "avtalstid"],
    "ok-betalningsansvar": ["inledning", "utskrivningsklar", "processen", "fakturering", "giltighetstid"],
    "ok-munhalsa": ["inledning", "lagstod", "malgrupp", "nodvandig-tandvard", "parternas-ansvar", "uppfoljning", "giltighetstid"],
    "ok-psykisk-funktionsnedsattning": ["inledning", "parternas-ansvar", "giltighetstid"],
}
CLAUSES = ["hos-avtal#avtalstid", "hos-avtal#informationsoverforing", "hos-avtal#arlig-rapport",
           "ok-betalningsansvar#kallelse-till-sip", "ok-betalningsansvar#insatser-vid-hemgang",
           "ok-munhalsa#daglig-munvard", "ok-munhalsa#tackningsgrad", "ok-psykisk-funktionsnedsattning#boende"]
CRITIQUE = ["Texten behöver förtydligas när det gäller vem som ansvarar för uppföljningen.",
            "Tre dagar är för kort tid; {org} behöver minst fem dagar för att planera insatser.",
            "De ekonomiska konsekvenserna för kommunerna behöver belysas innan avtalet beslutas.",
            "Avtalstiden är för lång; en utvärdering efter halva tiden behövs.",
            "Ansvaret mellan huvudmännen är otydligt i den här delen."]
PRAISE = ["Den gemensamma strukturen för samverkan fungerar bra och bör behållas.",
          "Det personcentrerade förhållningssättet är tydligt beskrivet.",
          "Rutinen för informationsöverföring via SAMSA är ett steg framåt."]
FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva", "Johan", "Sara", "Nils"]
LAST = ["Andersson", "Berg", "Lind", "Holm", "Dahl", "Ek", "Nyberg", "Strand"]
# Grade weights for 1-4 and ingen synpunkt: the region agrees more than the municipalities do.
WEIGHTS = {"kommun": [2, 4, 3, 1, 1], "forbund": [1, 3, 4, 1, 1], "regionen": [0, 1, 3, 5, 1]}

def slug(name):
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")):
        name = name.lower().replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")

def grade(rng, kind):
    value = rng.choices([1, 2, 3, 4, "ingen synpunkt"], WEIGHTS[kind])[0]
    return value

def answer(rng, kind, org_id, name, exported):
    contact = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    grades = {}
    for document, chapters in DOCUMENTS.items():
        entry = {"document": {"grade": grade(rng, kind)}}
        if rng.random() < 0.3:
            entry["document"]["comment"] = rng.choice(CRITIQUE).format(org=name)
        if rng.random() < 0.25:
            entry["document"]["works-well"] = rng.choice(PRAISE)
        picked = rng.sample(chapters, rng.randint(1, len(chapters)))
        entry["chapters"] = {c: {"grade": grade(rng, kind)} for c in sorted(picked)}
        grades[document] = entry
    comments = {c: rng.choice(CRITIQUE).format(org=name) for c in sorted(rng.sample(CLAUSES, rng.randint(0, 3)))}
    return {"format": "avtal-remissvar/1", "version": "remiss-2025",
            "organisation": {"id": org_id, "name": name},
            "contact": {"name": contact, "email": f"{slug(contact).replace('-', '.')}@{slug(name)}.example.se"},
            "grades": grades, "comments": comments, "exported": exported}

def write(name, data):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")

def main():
    rng = random.Random(15)
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    groups = dict(members())
    municipalities = [m for g, ms in groups.items() if g.startswith("kommuner-") for m in ms]
    silent = {"kommun-1438", "kommun-1443", "kommun-1447"}  # Dals-Ed, Bollebygd, Gullspång
    answering = [m for m in municipalities if m[0] not in silent]
    survey, form = answering[-6:], answering[:-6]
    late = {form[7][0]: "2025-06-19T10:30:00Z", survey[2][0]: "2025-06-19 14:05", "halso-och-sjukvardsstyrelsen": "2025-06-23T08:00:00Z"}
    for i, (org_id, name) in enumerate(form):
        exported = late.get(org_id, f"2025-06-{1 + i % 18:02d}T{8 + i % 9:02d}:15:00Z")
        if org_id == "kommun-1480":  # Göteborg: two earlier saves, both superseded
            write("remissvar-goteborg-utkast-1.json", answer(rng, "kommun", org_id, name, "2025-05-20T09:00:00Z"))
            write("remissvar-goteborg-utkast-2.json", answer(rng, "kommun", org_id, name, "2025-06-02T09:00:00Z"))
            exported = "2025-06-18T15:00:00Z"
        write(f"remissvar-{slug(name)}-{exported[:10]}.json", answer(rng, "kommun", org_id, name, exported))
    for org_id, name in groups["kommunalforbund"]:
        write(f"remissvar-{slug(org_id)}.json", answer(rng, "forbund", org_id, name, "2025-06-17T12:00:00Z"))
    for org_id, name in groups["regionen"][:6]:
        write(f"remissvar-{slug(org_id)}.json", answer(rng, "regionen", org_id, name, late.get(org_id, "2025-06-16T09:30:00Z")))
    write("remissvar-intresseforeningen.json", answer(rng, "forbund", None, "Intresseföreningen Exempel", "2025-06-12T10:00:00Z"))
    with open(os.path.join(OUT, "foljebrev.txt"), "w", encoding="utf-8") as f:
        f.write("Hej! Här kommer vårt remissvar som bifogad fil.\n")
    columns = ["version", "organisation-id", "organisation", "contact-name", "contact-email", "exported"]
    for document, chapters in DOCUMENTS.items():
        columns += [f"grade:{document}", f"comment:{document}", f"works-well:{document}"]
        columns += [f"grade:{document}/{c}" for c in chapters[:2]]
    columns += ["comment:hos-avtal#avtalstid"]
    rows = []
    for i, (org_id, name) in enumerate(survey):
        data = answer(rng, "kommun", org_id, name, late.get(org_id, f"2025-06-{10 + i:02d} 09:4{i}"))
        cells = {"version": "remiss-2025", "organisation-id": org_id, "organisation": name,
                 "contact-name": data["contact"]["name"], "contact-email": data["contact"]["email"], "exported": data["exported"]}
        for document, entry in data["grades"].items():
            cells[f"grade:{document}"] = str(entry["document"]["grade"])
            cells[f"comment:{document}"] = entry["document"].get("comment", "")
            cells[f"works-well:{document}"] = entry["document"].get("works-well", "")
            for c, g in entry["chapters"].items():
                cells[f"grade:{document}/{c}"] = str(g["grade"])
        cells["comment:hos-avtal#avtalstid"] = data["comments"].get("hos-avtal#avtalstid", "")
        rows.append([cells.get(c, "") for c in columns])
    def cell(v):
        return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in ';"\n') else v
    with open(os.path.join(OUT, "enkatverktyg-export.csv"), "w", encoding="utf-8-sig", newline="") as f:
        for row in [columns] + rows:
            f.write(";".join(cell(v) for v in row) + "\r\n")

if __name__ == "__main__":
    main()
