"""``mosahebeh saturation`` on a study and on a CSV: same figures, exact JSON shape, clear errors."""
import csv
import json
import subprocess
import sys

from codebook import analysis
from desktop.cli import main

from .test_saturation import guest_hypothetical


def run_cli(capsys, *argv):
    code = main(["saturation", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def write_csv(path, labels, incidence):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["interview", "code"])
        for label, codes in zip(labels, incidence):
            for c in sorted(codes) or [""]:
                w.writerow([label, c])


def test_study_and_csv_give_the_same_figures(coded_study, tmp_path, capsys):
    code, out, _ = run_cli(capsys, "--study", str(coded_study.folder), "--json", "--permutations", "50")
    assert code == 0
    from_study = json.loads(out)
    inc = analysis.incidence(coded_study)
    assert from_study["interviews"] == inc.ids
    assert from_study["new_codes"] == [3, 1, 0] and from_study["cumulative"] == [3, 4, 4]
    assert from_study["guest"]["runs"] == [] and from_study["guest"]["label"] is None
    names = {c.id: c.name for c in coded_study.codes.list()}
    labels = [i.pseudonym for i in inc.interviews]
    write_csv(tmp_path / "inc.csv", labels, [{names[c] for c in s} for s in inc.codes])
    code, out, _ = run_cli(capsys, "--incidence", str(tmp_path / "inc.csv"), "--json", "--permutations", "50")
    from_csv = json.loads(out)
    assert from_csv["interviews"] == labels
    from_study.pop("interviews"), from_csv.pop("interviews")
    assert from_csv == from_study


def test_csv_json_guest_hypothetical(tmp_path, capsys):
    inc = guest_hypothetical()
    labels = [f"P{i}" for i in range(1, 9)]
    write_csv(tmp_path / "g.csv", labels, [{f"t{c:02d}" for c in s} for s in inc])
    code, out, _ = run_cli(capsys, "--incidence", str(tmp_path / "g.csv"), "--json", "--seed", "7",
                           "--permutations", "100", "--initial", "4", "--stop", "1")
    j = json.loads(out)
    assert j["interviews"] == labels
    assert j["new_codes"] == [12, 13, 8, 4, 3, 4, 0, 1]
    g = j["guest"]
    assert (g["base"], g["run"], g["threshold"], g["base_codes"]) == (4, 2, 0.05, 37)
    assert [(r["first"], r["last"], r["new"]) for r in g["runs"]] == [(5, 6, 7), (6, 7, 4), (7, 8, 1)]
    assert g["saturated"] is True and g["x"] == 6 and g["label"] == "6+2"
    assert j["francis"] == {"initial": 4, "stop": 1, "saturated": True, "at": 7}
    assert j["permutations"]["k"] == 100 and isinstance(j["chao2"], float)


def test_readable_report(tmp_path, capsys):
    write_csv(tmp_path / "g.csv", [f"P{i}" for i in range(1, 9)], [{f"t{c}" for c in s} for s in guest_hypothetical()])
    code, out, _ = run_cli(capsys, "--incidence", str(tmp_path / "g.csv"), "--permutations", "20")
    assert code == 0
    assert "run 5-6: 7 new, 18.9%" in out and "saturation at 6+2" in out
    assert "Saturation (base size 4, run length 2, ≤5% new information) was reached at 6+2." in out


def test_bad_input_is_a_clear_message(tmp_path, capsys):
    code, out, err = run_cli(capsys, "--study", str(tmp_path / "nothing.mosahebeh"))
    assert code == 2 and err.startswith("mosahebeh: No study at") and "Traceback" not in err
    (tmp_path / "e.csv").write_text("")
    code, out, err = run_cli(capsys, "--incidence", str(tmp_path / "e.csv"))
    assert code == 2 and "is empty" in err
    code, out, err = run_cli(capsys, "--incidence", str(tmp_path / "e.csv"), "--base", "0")
    assert code == 2


def test_command_line_entry_point(tmp_path):
    f = tmp_path / "i.csv"
    f.write_text("interview,code\nA,x\nB,\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "desktop", "saturation", "--incidence", str(f), "--json",
                           "--permutations", "0"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    j = json.loads(done.stdout)
    assert j["interviews"] == ["A", "B"] and j["new_codes"] == [1, 0]
    assert j["permutations"] == {"k": 0, "median_x": None, "p5_x": None, "p95_x": None, "share_saturated": None}
