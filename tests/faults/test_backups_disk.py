"""A backup on a full disk: a clear message, no partial copy, the study untouched."""
from __future__ import annotations

import pytest

from codebook import Study
from codebook.backups import backups, make_backup
from codebook.errors import StudyError
from faults_support import fill, small_disk, snapshot


def test_a_full_disk_stops_the_copy_and_leaves_nothing_half_written():
    with small_disk("2m") as disk:
        with Study.create(disk / "s", name="t") as study:
            folder = study.folder
            for n in range(40):
                study.participants.add(f"م{n}")
        make_backup(folder)  # one copy fits
        before = snapshot(folder)
        fill(disk, leave=4096)
        with pytest.raises(StudyError, match="Could not back up .* The study itself is unchanged"):
            make_backup(folder)
        assert len(backups(folder)) == 1
        assert [p.name for p in (folder / "backups").iterdir()] == [backups(folder)[0].path.name]
        (disk / "filler").unlink()
        assert snapshot(folder) == before
