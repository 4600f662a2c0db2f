"""The base of the store's repositories: one per kind of record, sharing the study's connection.

Each repository writes only its own table(s); when an edit of one kind of record
has to move another (a segment split moves codings), it calls that record
kind's repository. Single-record writes go through sqlite-utils' ``Table`` API
(insert, update, get, delete by primary key); queries over many rows, joins and
bulk moves are SQL, since the ``Table`` API has no form for them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils
from sqlite_utils.db import NotFoundError

from codebook.errors import StudyError
from codebook.worded import WordedText

# The record a table holds, as an error names it («No interview with id 7 in this study.»), worded like one.
RECORDS = {
    "codes": WordedText("code"), "codings": WordedText("coding"), "interviews": WordedText("interview"),
    "jobs": WordedText("transcription job"), "memos": WordedText("memo"), "guide_questions": WordedText("guide question"),
    "marks": WordedText("mark"), "glossary": WordedText("glossary term"), "participants": WordedText("participant"),
    "segments": WordedText("segment"), "suggestions": WordedText("suggestion"),
}


class Repository:
    table: str = ""

    def __init__(self, study):
        self.study = study
        self.db: sqlite_utils.Database = study.db

    @property
    def _table(self) -> sqlite_utils.db.Table:
        return self.db.table(self.table)

    def _rows(self, sql: str, params: Iterable[Any] | dict = ()) -> list[dict]:
        return list(self.db.query(sql, params if isinstance(params, dict) else list(params)))

    def _iter_rows(self, sql: str, params: Iterable[Any] | dict = ()) -> Iterator[dict]:
        """Rows read lazily, for a caller that may stop early (a page of search hits)."""
        return self.db.query(sql, params if isinstance(params, dict) else list(params))

    def _row(self, sql: str, params: Iterable[Any] | dict = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _insert(self, values: dict) -> int:
        rowid = self._table.insert(values).last_rowid
        assert rowid is not None  # an INSERT always sets it
        return rowid

    def _update(self, record_id: int, values: dict) -> None:
        if not values:
            return
        try:
            self._table.update(record_id, values)
        except NotFoundError:
            raise self._missing(record_id) from None

    @staticmethod
    def _storable(record_id) -> bool:
        """Whether SQLite can take ``record_id`` as a parameter (a wider int raises OverflowError)."""
        return not isinstance(record_id, int) or -2**63 <= record_id < 2**63

    def _need(self, record_id: int) -> dict:
        if not self._storable(record_id):
            raise self._missing(record_id)
        try:
            return self._table.get(record_id)
        except NotFoundError:
            raise self._missing(record_id) from None

    def _missing(self, record_id: int) -> StudyError:
        return StudyError("No {table} with id {record_id} in this study.", table=RECORDS.get(self.table, self.table[:-1]),
                          record_id=record_id)

    def remove(self, record_id: int) -> None:
        self._need(record_id)
        self._table.delete(record_id)
