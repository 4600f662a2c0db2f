"""Participants: pseudonyms, attributes, referral links (snowball sampling) and,
kept apart, real identities that no export or report ever reads."""
from __future__ import annotations

import builtins
from types import EllipsisType

from codebook.dates import now
from codebook.errors import StudyError
from codebook.models import Identity, Participant
from codebook.repository import Repository
from transcribe.normalize import canonical

# Attributes a new study starts with (names are what tables and exports show).
DEFAULT_ATTRIBUTES = {
    "fa": ["نقش", "محل کار", "رشته", "مدرک", "جنسیت"],
    "en": ["role", "workplace", "field", "degree", "gender"],
}


class Participants(Repository):
    table = "participants"

    def add(
        self,
        pseudonym: str,
        attributes: dict[str, str] | None = None,
        referred_by: int | None = None,
        notes: str = "",
        real_name: str = "",
        contact: str = "",
    ) -> Participant:
        pseudonym = canonical(pseudonym).strip()
        if not pseudonym:
            raise StudyError("A participant needs a pseudonym.")
        if self.by_pseudonym(pseudonym):
            raise StudyError(f"The pseudonym {pseudonym!r} is already used in this study.")
        with self.db.atomic():
            if referred_by is not None:
                self._need(referred_by)
            pid = self._insert({"pseudonym": pseudonym, "referred_by": referred_by,
                                "notes": canonical(notes), "created": now()})
            if attributes:
                self.set_attributes(pid, attributes)
            if real_name or contact:
                self.set_identity(pid, real_name, contact)
        return self.get(pid)

    def get(self, participant_id: int) -> Participant:
        row = self._need(participant_id)
        return Participant(**row, attributes=self.attributes_of(participant_id))

    def list(self) -> builtins.list[Participant]:
        attrs: dict[int, dict[str, str]] = {}
        for r in self._rows(
            "SELECT pa.participant_id, pa.name, pa.value FROM participant_attributes pa "
            "JOIN attributes a ON a.name = pa.name ORDER BY a.position, a.name"
        ):
            attrs.setdefault(r["participant_id"], {})[r["name"]] = r["value"]
        return [Participant(**r, attributes=attrs.get(r["id"], {}))
                for r in self._rows("SELECT * FROM participants ORDER BY id")]

    def by_pseudonym(self, pseudonym: str) -> Participant | None:
        row = self._row("SELECT id FROM participants WHERE pseudonym = ?", [canonical(pseudonym).strip()])
        return self.get(row["id"]) if row else None

    def find(self, ref: str | int) -> Participant:
        """The participant ``ref`` names, as a person types it on the command line: a pseudonym, or an
        id (a whole number, or ``#7``). A number that is one participant's id and another's
        pseudonym is refused, naming both (``#ID`` always means the id)."""
        text = canonical(str(ref)).strip()
        if text.startswith("#"):
            return self.get(_number(text[1:], text))
        by_name = self.by_pseudonym(text)
        number = _number(text, None) if text.isdecimal() else None
        if number is not None and self._storable(number) and self._row(
                "SELECT id FROM participants WHERE id = ?", [number]):
            if by_name is not None and by_name.id != number:
                raise StudyError("“{ref}” is participant {id}'s id and participant {other}'s pseudonym: write "
                                 "#{id} for the one, #{other} for the other.", ref=text, id=number, other=by_name.id)
            return self.get(number)
        if by_name is not None:
            return by_name
        raise StudyError("No participant with the pseudonym or id “{ref}” in this study.", ref=text)

    def update(self, participant_id: int, *, pseudonym: str | None = None,
               referred_by: int | None | EllipsisType = ..., notes: str | None = None) -> Participant:
        values: dict = {}
        if pseudonym is not None:
            pseudonym = canonical(pseudonym).strip()
            other = self.by_pseudonym(pseudonym)
            if not pseudonym or (other and other.id != participant_id):
                raise StudyError(f"The pseudonym {pseudonym!r} is empty or already used.")
            values["pseudonym"] = pseudonym
        if referred_by is not ...:
            if referred_by is not None and self._refers_back(referred_by, participant_id):
                raise StudyError("A participant cannot be referred by someone they referred.")
            values["referred_by"] = referred_by
        if notes is not None:
            values["notes"] = canonical(notes)
        self._need(participant_id)
        self._update(participant_id, values)
        return self.get(participant_id)

    def _refers_back(self, referrer: int, participant_id: int) -> bool:
        seen = set()
        current: int | None = referrer
        while current is not None and current not in seen:
            if current == participant_id:
                return True
            seen.add(current)
            current = self._need(current)["referred_by"]
        return False

    # -- attributes ----------------------------------------------------------

    def attribute_names(self) -> builtins.list[str]:
        return [r["name"] for r in self._rows("SELECT name FROM attributes ORDER BY position, name")]

    def define_attribute(self, name: str, kind: str = "text") -> None:
        name = canonical(name).strip()
        if not name:
            raise StudyError("An attribute needs a name.")
        position = self.db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM attributes").fetchone()[0]
        self.db.execute("INSERT OR IGNORE INTO attributes(name, kind, position) VALUES (?, ?, ?)",
                        [name, kind, position])

    def rename_attribute(self, old: str, new: str) -> None:
        new = canonical(new).strip()
        if not new or new in self.attribute_names():
            raise StudyError(f"The attribute name {new!r} is empty or already used.")
        self.db.execute("UPDATE attributes SET name = ? WHERE name = ?", [new, old])

    def remove_attribute(self, name: str) -> None:
        self.db.execute("DELETE FROM attributes WHERE name = ?", [name])

    def attributes_of(self, participant_id: int) -> dict[str, str]:
        return {r["name"]: r["value"] for r in self._rows(
            "SELECT pa.name, pa.value FROM participant_attributes pa JOIN attributes a ON a.name = pa.name "
            "WHERE pa.participant_id = ? ORDER BY a.position, a.name", [participant_id])}

    def set_attributes(self, participant_id: int, attributes: dict[str, str]) -> None:
        """Set some attributes (new names are defined on the way); an empty value removes one."""
        with self.db.atomic():
            for name, value in attributes.items():
                name = canonical(name).strip()
                self.define_attribute(name)
                value = canonical(str(value or "")).strip()
                if value:
                    self.db.execute(
                        "INSERT INTO participant_attributes(participant_id, name, value) VALUES (?, ?, ?) "
                        "ON CONFLICT(participant_id, name) DO UPDATE SET value = excluded.value",
                        [participant_id, name, value])
                else:
                    self.db.execute("DELETE FROM participant_attributes WHERE participant_id = ? AND name = ?",
                                    [participant_id, name])

    # -- referrals -----------------------------------------------------------

    def referred(self, participant_id: int | None) -> builtins.list[Participant]:
        """Whom ``participant_id`` referred; with None, the seeds (referred by nobody)."""
        return [p for p in self.list() if p.referred_by == participant_id]

    # -- identities (never exported) -------------------------------------------

    def identity(self, participant_id: int) -> Identity | None:
        row = self._row("SELECT * FROM identities WHERE participant_id = ?", [participant_id])
        return Identity(**row) if row else None

    def set_identity(self, participant_id: int, real_name: str = "", contact: str = "") -> None:
        self._need(participant_id)
        self.db.execute(
            "INSERT INTO identities(participant_id, real_name, contact) VALUES (?, ?, ?) "
            "ON CONFLICT(participant_id) DO UPDATE SET real_name = excluded.real_name, contact = excluded.contact",
            [participant_id, canonical(real_name).strip(), canonical(contact).strip()])


def _number(text: str, ref: str | None) -> int:
    """``text`` as a whole number (Persian and Arabic digits too)."""
    try:
        return int(text)
    except ValueError:
        raise StudyError("“{ref}” is not a participant id (write #7 for id 7).", ref=ref or text) from None
