"""Studies of two sizes with interviews of the same shape, built fast through the store API
(segments go in with one executemany each), and a counter of the SQL statements a step runs."""
from __future__ import annotations

import pytest

from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, NewSegment, Word
from codebook.study import Study

SEGMENTS = 60
TEXT = "کتابخانه در دوران کرونا خیلی سخت بود و ما کتاب‌ها را با پیک به خانه فرستادیم"


CODERS = ("مریم", "رضا", "سارا")


def build(path, interviews: int, coders: int = 1) -> Study:
    """``interviews`` interviews × 60 segments, 2 categories × 3 codes, 10 codings per interview,
    every interview the same shape so one edit touches the same records in any of them. With
    ``coders`` > 1, a team's study: the codings are stamped with the first coder's name and each
    other coder codes the same passages again, edges shifted and now and then with another code."""
    study = Study.create(path, name=f"{interviews} interviews")
    codes = []
    for c in range(2):
        cat = study.codes.add_category(f"دسته {c}")
        codes += [study.codes.add(f"کد {c}-{k}", cat.id).id for k in range(3)]
    tokens = TEXT.split()
    for i in range(interviews):
        p = study.participants.add(f"مشارکت‌کننده {i}")
        iv = study.interviews.add(p.id, date=f"2022-01-{1 + i % 28:02d}")
        segs = [NewSegment(n * 10_000, n * 10_000 + 9_000, TEXT, SPEAKER_INTERVIEWER if n % 3 == 0 else SPEAKER_PARTICIPANT,
                           tuple(Word(n * 10_000 + k * 500, n * 10_000 + k * 500 + 400, t, 0.9)
                                 for k, t in enumerate(tokens)))
                for n in range(SEGMENTS)]
        ids = study.transcripts.add_segments(iv.id, segs)
        for c in range(coders):
            name = CODERS[c] if coders > 1 else ""
            for k in range(10):
                sid = ids[5 * k + 2]
                code = codes[(k + (c if k % 3 == 0 else 0)) % len(codes)]  # now and then another code
                if k % 4 == 0:
                    study.codings.add(code, sid, 3 + c, ids[5 * k + 3], 8, coder=name)
                else:
                    study.codings.add(code, sid, c, sid, 12 + c, coder=name)
    return study


@pytest.fixture(scope="module")
def studies(tmp_path_factory):
    small = build(tmp_path_factory.mktemp("small") / "small", 2)
    large = build(tmp_path_factory.mktemp("large") / "large", 30)
    yield small, large
    small.close()
    large.close()


@pytest.fixture(scope="module")
def team_studies(tmp_path_factory):
    """The same two sizes, coded by three coders."""
    small = build(tmp_path_factory.mktemp("team-small") / "small", 2, coders=3)
    large = build(tmp_path_factory.mktemp("team-large") / "large", 30, coders=3)
    yield small, large
    small.close()
    large.close()


class Statements:
    """The SQL statements a connection runs (sqlite3's trace callback), triggers' steps left out."""

    def __init__(self, study: Study):
        self.conn = study.db.conn
        self.sql: list[str] = []

    def __enter__(self) -> "Statements":
        self.conn.set_trace_callback(self._add)
        return self

    def _add(self, sql: str) -> None:
        if not sql.lstrip().startswith("--"):
            self.sql.append(sql)

    def __exit__(self, *exc) -> None:
        self.conn.set_trace_callback(None)

    def __len__(self) -> int:
        return len(self.sql)


def full_scans(study: Study, statements: list[str]) -> list[str]:
    """The statements whose query plan reads a whole segments or codings table."""
    out = []
    for sql in statements:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        for row in study.db.conn.execute("EXPLAIN QUERY PLAN " + sql):
            words = row[-1].split()
            # segments and codings by name or by the aliases the store's queries give them
            if words[0] == "SCAN" and words[1] in ("segments", "codings", "s", "c", "a", "b", "n") \
                    and "USING" not in words:
                out.append(f"{row[-1]}: {sql}")
    return out


def middle_interview(study: Study):
    ivs = study.interviews.list()
    return ivs[len(ivs) // 2].id
