"""The base of the store's repositories: one per kind of record, sharing the study's connection."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from codebook.errors import StudyError

if TYPE_CHECKING:
    from codebook.study import Study


class Repository:
    table: str = ""

    def __init__(self, study: "Study"):
        self.study = study
        self.db = study.db

    def _rows(self, sql: str, params: Iterable[Any] | dict = ()) -> list[dict]:
        return list(self.db.query(sql, params if isinstance(params, dict) else list(params)))

    def _row(self, sql: str, params: Iterable[Any] | dict = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _insert(self, values: dict) -> int:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.db.execute(f"INSERT INTO {self.table} ({columns}) VALUES ({marks})", list(values.values()))
        return cursor.lastrowid

    def _update(self, record_id: int, values: dict) -> None:
        if not values:
            return
        sets = ", ".join(f"{k} = ?" for k in values)
        self.db.execute(f"UPDATE {self.table} SET {sets} WHERE id = ?", [*values.values(), record_id])

    def _need(self, record_id: int) -> dict:
        if isinstance(record_id, int) and not -2**63 <= record_id < 2**63:  # SQLite would raise OverflowError
            raise StudyError(f"No {self.table[:-1]} with id {record_id} in this study.")
        row = self._row(f"SELECT * FROM {self.table} WHERE id = ?", [record_id])
        if row is None:
            raise StudyError(f"No {self.table[:-1]} with id {record_id} in this study.")
        return row

    def remove(self, record_id: int) -> None:
        self._need(record_id)
        self.db.execute(f"DELETE FROM {self.table} WHERE id = ?", [record_id])
