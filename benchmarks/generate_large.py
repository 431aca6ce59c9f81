"""Generate a large seminar file for benchmarks: 5 days, 300 agenda items, 1,000 participants,
5,000 notes, 3,000 speeches (plus groups, recommendations and action items).

Usage: python benchmarks/generate_large.py [OUT.sqlite]
Rows go in with Core bulk inserts in one transaction; the data is deterministic (seeded).
"""

import random
import sys
import time as wall
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import insert

from seminar_desk.domain.agenda.timing import Slot, from_minutes, retime
from seminar_desk.domain.text import fold
from seminar_desk.store.database import Database
from seminar_desk.store.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    BreakoutGroup,
    BreakoutMember,
    Day,
    Note,
    Organisation,
    OrgGroup,
    OrgGroupMember,
    Participant,
    Recommendation,
    Seminar,
    SpeakerEntry,
    new_id,
)

DAYS, ITEMS, PEOPLE, NOTES, SPEECHES = 5, 300, 1000, 5000, 3000
KINDS = ["plenary", "panel", "tour_de_table", "breakout", "break", "plenary"]
SECTIONS = ["summary", "key_points", "discussion", "recommendations", "action_items"]
WORDS = [
    "delegation",
    "marking",
    "tracing",
    "ammunition",
    "stockpile",
    "border",
    "customs",
    "diversion",
    "brokering",
    "licensing",
    "end-user",
    "certificate",
    "interdiction",
    "cooperation",
    "information",
    "exchange",
    "capacity",
    "Nguyễn",
    "Đức",
    "Trần",
    "Hương",
    "Somchai",
    "Sokha",
    "R&D",
    "<budget>",
    "x<y",
    "legislation",
    "firearms",
    "protocol",
    "ATT",
    "การค้าอาวุธเถื่อน",
    "ការជួញដូរអាវុធ",
    "registry",
    "transparency",
    "destruction",
    "surplus",
]
FIRST = ["Nguyễn Văn", "Trần Thị", "Somchai", "Sok", "Chea", "Maria", "Ahmad", "Siti", "Aung"]
LAST = ["Đức", "Hương", "Wongsawat", "Chanthy", "Sophal", "Santos", "Rahman", "Aye", "Lee"]


def _text(rng: random.Random, words: int) -> str:
    lines = []
    for _ in range(max(1, words // 12)):
        lines.append(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + ".")
    return "\n".join(lines)


def generate(path: Path, seed: int = 7) -> Path:
    """Write the large seminar into `path` (replaced if it exists) and return the path."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    db = Database.open(path)
    now = datetime(2026, 11, 1, tzinfo=UTC)
    stamp = {"created_at": now, "updated_at": now}
    start = date(2027, 3, 1)
    seminar_id = new_id()
    days = [
        {
            "id": new_id(),
            "seminar_id": seminar_id,
            "number": n + 1,
            "date": start + timedelta(days=n),
            "start_time": time(8, 30),
            "end_time": time(18, 0),
            "title": f"Day {n + 1}",
            **stamp,
        }
        for n in range(DAYS)
    ]
    groups = [{"id": new_id(), "code": "ASEAN", "name": "ASEAN", **stamp}]
    orgs = [
        {
            "id": new_id(),
            "code": f"ORG{i:03d}",
            "name": f"Delegation {i} ({fold(FIRST[i % 9])})",
            "kind": ["member_state", "international_organisation", "ngo", "research"][i % 4],
            "country": f"Country {i}",
            **stamp,
        }
        for i in range(60)
    ]
    members = [{"group_id": groups[0]["id"], "organisation_id": o["id"]} for o in orgs[::4]]
    people = []
    for i in range(PEOPLE):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        people.append(
            {
                "id": new_id(),
                "honorific": rng.choice(["Mr.", "Ms.", "Dr."]),
                "name": name,
                "sort_name": fold(name),
                "organisation_id": orgs[i % len(orgs)]["id"],
                "function": "Officer, R&D unit",
                "role": "delegate",
                "gender": rng.choice(["female", "male", ""]),
                "email": f"p{i}@example.org",
                **stamp,
            }
        )
    attendance = [
        {"id": new_id(), "participant_id": p["id"], "day_id": d["id"], "present": True, **stamp}
        for p in people
        for d in days
        if rng.random() < 0.9
    ]
    items = []
    per_day = ITEMS // DAYS
    for d in days:
        durations = [rng.choice([5, 10, 15, 20, 30]) for _ in range(per_day)]
        starts = retime(8 * 60 + 30, [Slot(m) for m in durations])
        for pos, (minutes, st) in enumerate(zip(durations, starts, strict=True)):
            items.append(
                {
                    "id": new_id(),
                    "day_id": d["id"],
                    "position": pos,
                    "kind": KINDS[pos % 6],
                    "title": f"Session {d['number']}.{pos + 1}: {' '.join(rng.sample(WORDS, 4))}",
                    "description": _text(rng, 30),
                    "duration_min": minutes,
                    "start_time": from_minutes(st),
                    "adopted_start_time": from_minutes(st),
                    "adopted_duration_min": minutes,
                    "start_locked": False,
                    "parallel_key": "",
                    "room": f"Room {pos % 4 + 1}",
                    "chair_id": rng.choice(people)["id"],
                    "speakers_closed": False,
                    **stamp,
                }
            )
    breakout_items = [it for it in items if it["kind"] == "breakout"]
    bgroups, bmembers = [], []
    for it in breakout_items[:20]:
        for g in range(3):
            gid = new_id()
            bgroups.append(
                {
                    "id": gid,
                    "item_id": it["id"],
                    "position": g,
                    "name": f"Group {'ABC'[g]}",
                    "room": f"Room {g}",
                    "guiding_questions": _text(rng, 24),
                    **stamp,
                }
            )
            for p in rng.sample(people, 10):
                bmembers.append(
                    {"id": new_id(), "group_id": gid, "participant_id": p["id"], **stamp}
                )
    notes = [
        {
            "id": new_id(),
            "item_id": items[i % ITEMS]["id"],
            "group_id": None,
            "section": SECTIONS[i % 5],
            "body": _text(rng, rng.randint(20, 120)),
            "author_name": "Rapporteur",
            **stamp,
        }
        for i in range(NOTES)
    ]
    speeches = []
    for i in range(SPEECHES):
        it = items[i % ITEMS]
        began = datetime.combine(start, time(2, 0), UTC) + timedelta(minutes=i)
        p = rng.choice(people)
        speeches.append(
            {
                "id": new_id(),
                "item_id": it["id"],
                "participant_id": p["id"],
                "organisation_id": p["organisation_id"],
                "capacity": "national",
                "speech_type": "statement",
                "position": float(i),
                "status": "done",
                "requested_at": began,
                "started_at": began,
                "ended_at": began + timedelta(seconds=rng.randint(60, 400)),
                **stamp,
            }
        )
    recs = [
        {
            "id": new_id(),
            "item_id": items[i * 3]["id"],
            "position": i,
            "text": _text(rng, 24),
            "addressee": "ASEAN member states",
            "status": "proposed",
            **stamp,
        }
        for i in range(100)
    ]
    actions = [
        {
            "id": new_id(),
            "item_id": items[i * 5]["id"],
            "position": i,
            "text": _text(rng, 16),
            "owner": "UNRCPD",
            "due_date": date(2027, 6, 30),
            "status": "open",
            **stamp,
        }
        for i in range(50)
    ]
    with db.engine.begin() as conn:
        conn.execute(
            insert(Seminar),
            [
                {
                    "id": seminar_id,
                    "title": "Large generated seminar for benchmarks",
                    "short_title": "Benchmark seminar",
                    "venue": "Conference centre",
                    "city": "Bangkok",
                    "country": "Thailand",
                    "timezone": "Asia/Bangkok",
                    "start_date": start,
                    "end_date": start + timedelta(days=DAYS - 1),
                    "organisers": "UNRCPD",
                    "donors": "Germany",
                    "objectives": _text(rng, 60),
                    "introduction": _text(rng, 60),
                    "language": "en",
                    "default_speaking_limit_s": 180,
                    **stamp,
                }
            ],
        )
        for model, rows in (
            (Day, days),
            (OrgGroup, groups),
            (Organisation, orgs),
            (OrgGroupMember, members),
            (Participant, people),
            (Attendance, attendance),
            (AgendaItem, items),
            (BreakoutGroup, bgroups),
            (BreakoutMember, bmembers),
            (Note, notes),
            (SpeakerEntry, speeches),
            (Recommendation, recs),
            (ActionItem, actions),
        ):
            if rows:
                conn.execute(insert(model), rows)
    db.close()
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/out/large.sqlite")
    out.parent.mkdir(parents=True, exist_ok=True)
    t0 = wall.perf_counter()
    generate(out)
    print(f"wrote {out} in {wall.perf_counter() - t0:.1f} s ({out.stat().st_size / 1e6:.1f} MB)")
