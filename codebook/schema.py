"""The study database schema and its forward migrations.

The version lives in ``PRAGMA user_version``. ``MIGRATIONS[n]`` (an SQL script, run in one transaction) takes a
database at version ``n`` to ``n + 1``; a database newer than
:data:`SCHEMA_VERSION` is refused, never downgraded.

Conventions:

* times are integers in milliseconds (``*_ms``), dates ISO 8601 text;
* text is stored NFC with LF line ends; offsets are Python code points;
* ``search`` columns hold :func:`transcribe.normalize.search_key` of the text
  beside them and ``compact`` the same without spaces; both are for matching only.
"""
from __future__ import annotations

APP_ID = "mosahebeh"
DB_NAME = "study.db"  # the database inside a study folder

V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    pseudonym TEXT NOT NULL UNIQUE,
    referred_by INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
-- Attribute definitions: their order and kind, for tables and REFI-QDA variables.
CREATE TABLE attributes (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'text',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE participant_attributes (
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    name TEXT NOT NULL REFERENCES attributes(name) ON DELETE CASCADE ON UPDATE CASCADE,
    value TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (participant_id, name)
);
-- Real identities, kept apart: never exported, never shown in reports.
CREATE TABLE identities (
    participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
    real_name TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT ''
);
CREATE TABLE interviews (
    id INTEGER PRIMARY KEY,
    participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    title TEXT NOT NULL DEFAULT '',
    date TEXT,
    mode TEXT NOT NULL DEFAULT '',
    audio_path TEXT,
    duration_ms INTEGER,
    status TEXT NOT NULL DEFAULT 'planned',
    consent INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    words TEXT NOT NULL DEFAULT '[]',
    checked INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT 'manual',
    search TEXT NOT NULL DEFAULT '',
    compact TEXT NOT NULL DEFAULT ''
);
CREATE INDEX segments_by_interview ON segments(interview_id, start_ms, id);
-- The machine transcription of an interview: how it was made and its draft text (for WER).
CREATE TABLE transcripts (
    interview_id INTEGER PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
    model TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    options TEXT NOT NULL DEFAULT '{}',
    draft TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
-- Long work on an interview (transcription): state, progress and where to resume.
CREATE TABLE jobs (
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    progress REAL NOT NULL DEFAULT 0,
    resume_ms INTEGER NOT NULL DEFAULT 0,
    params TEXT NOT NULL DEFAULT '{}',
    error TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (interview_id, kind)
);
CREATE TABLE codes (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES codes(id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'code',
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT '#888888',
    position INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
-- A code on a span of one interview's transcript, from (start_segment_id,
-- start_offset) to (end_segment_id, end_offset), offsets in code points of
-- each segment's text; the span may cross segments. 'flagged' marks a coding
-- whose text was deleted and needs review.
CREATE TABLE codings (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    start_segment_id INTEGER NOT NULL REFERENCES segments(id),
    start_offset INTEGER NOT NULL,
    end_segment_id INTEGER NOT NULL REFERENCES segments(id),
    end_offset INTEGER NOT NULL,
    memo TEXT NOT NULL DEFAULT '',
    coder TEXT NOT NULL DEFAULT '',
    flagged INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE INDEX codings_by_interview ON codings(interview_id);
CREATE INDEX codings_by_code ON codings(code_id);
-- Memos on the study ('study', NULL) or on a participant, interview or code.
CREATE TABLE memos (
    id INTEGER PRIMARY KEY,
    target_kind TEXT NOT NULL DEFAULT 'study',
    target_id INTEGER,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
-- The interview guide: main questions (parent_id NULL) and their follow-ups.
CREATE TABLE guide_questions (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES guide_questions(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
-- Moments in an interview's audio: a bookmark ('mark') or a guide question asked ('question').
CREATE TABLE marks (
    id INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'mark',
    label TEXT NOT NULL DEFAULT '',
    question_id INTEGER REFERENCES guide_questions(id) ON DELETE SET NULL,
    created TEXT NOT NULL
);
CREATE INDEX marks_by_interview ON marks(interview_id, at_ms);
-- Names and terms: Whisper hotwords, and (with a replacement) pseudonymisation on export.
CREATE TABLE glossary (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE,
    replacement TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE segments_fts USING fts5(
    search, content='segments', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER segments_ai AFTER INSERT ON segments BEGIN
    INSERT INTO segments_fts(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER segments_ad AFTER DELETE ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER segments_au AFTER UPDATE OF search ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO segments_fts(rowid, search) VALUES (new.id, new.search);
END;
"""


# Scale (issue #11): every query on an edit's path goes through an index (checked with EXPLAIN QUERY PLAN in
# tests/scale/). Codings are found by the segment they start or end in; study-wide find runs on a
# trigram FTS5 index of the space-free ``compact`` column, so a substring such as «میرود» inside «می رود»
# (compact «میرود») is found without reading every segment.
SCALE = """
CREATE INDEX IF NOT EXISTS codings_by_start_segment ON codings(start_segment_id);
CREATE INDEX IF NOT EXISTS codings_by_end_segment ON codings(end_segment_id);
CREATE INDEX IF NOT EXISTS codings_by_interview_code ON codings(interview_id, code_id);
CREATE VIRTUAL TABLE segments_compact USING fts5(
    compact, content='segments', content_rowid='id', tokenize='trigram'
);
INSERT INTO segments_compact(segments_compact) VALUES ('rebuild');
CREATE TRIGGER segments_compact_ai AFTER INSERT ON segments BEGIN
    INSERT INTO segments_compact(rowid, compact) VALUES (new.id, new.compact);
END;
CREATE TRIGGER segments_compact_ad AFTER DELETE ON segments BEGIN
    INSERT INTO segments_compact(segments_compact, rowid, compact) VALUES ('delete', old.id, old.compact);
END;
CREATE TRIGGER segments_compact_au AFTER UPDATE OF compact ON segments BEGIN
    INSERT INTO segments_compact(segments_compact, rowid, compact) VALUES ('delete', old.id, old.compact);
    INSERT INTO segments_compact(rowid, compact) VALUES (new.id, new.compact);
END;
"""

# Speech the transcriber could not turn into text: a segment with no text, marked, so that the
# editor shows it, navigation visits it and exports write a marker. Typing text into it clears the mark.
UNTRANSCRIBED = """
ALTER TABLE segments ADD COLUMN untranscribed INTEGER NOT NULL DEFAULT 0;
"""

# MIGRATIONS[n] is the SQL script that upgrades a database at version n to n + 1.
# Coders are listed (with counts) whenever codings come or go: through an index, not the whole table.
CODERS_INDEX = """
CREATE INDEX IF NOT EXISTS codings_by_coder ON codings(coder);
"""

# Coding suggestions from a language model (issue #27): a run (which model, which prompt, what was sent), its
# work in chunks (so a killed run resumes where it stopped) and the suggestions waiting for review. A suggestion
# is never a coding: accepting one writes a coding by the coder «AI (MODEL)» and keeps its id here.
SUGGESTIONS = """
CREATE TABLE IF NOT EXISTS suggestion_runs (
    id INTEGER PRIMARY KEY,
    server TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    prompt TEXT NOT NULL,
    code_ids TEXT NOT NULL DEFAULT '[]',
    pseudonymised INTEGER NOT NULL DEFAULT 1,
    state TEXT NOT NULL DEFAULT 'running',
    proposed INTEGER NOT NULL DEFAULT 0,
    dropped INTEGER NOT NULL DEFAULT 0,
    invalid INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS suggestion_chunks (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES suggestion_runs(id) ON DELETE CASCADE,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    segment_ids TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
);
CREATE INDEX IF NOT EXISTS suggestion_chunks_by_run ON suggestion_chunks(run_id, state, position);
CREATE TABLE IF NOT EXISTS suggestions (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES suggestion_runs(id) ON DELETE CASCADE,
    interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
    code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
    start_segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    end_offset INTEGER NOT NULL,
    quote TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    anchor TEXT NOT NULL DEFAULT 'exact',
    state TEXT NOT NULL DEFAULT 'pending',
    coding_id INTEGER REFERENCES codings(id) ON DELETE SET NULL,
    created TEXT NOT NULL,
    decided TEXT
);
CREATE INDEX IF NOT EXISTS suggestions_by_state ON suggestions(state, interview_id);
CREATE INDEX IF NOT EXISTS suggestions_by_start_segment ON suggestions(start_segment_id);
CREATE INDEX IF NOT EXISTS suggestions_by_end_segment ON suggestions(end_segment_id);
"""

# Speakers in one-channel recordings (issue #22): how the interview's channels are used, detected when the
# audio is attached ('' = not yet known), and how many people speak ('' = the default for new interviews).
SPEAKERS = """
ALTER TABLE interviews ADD COLUMN channel_use TEXT NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN speakers TEXT NOT NULL DEFAULT '';
"""

MIGRATIONS: list[str] = [V1, SCALE, UNTRANSCRIBED, CODERS_INDEX, SUGGESTIONS, SPEAKERS]
SCHEMA_VERSION = len(MIGRATIONS)
