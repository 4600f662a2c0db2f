"""An interview's date, mode and consent as REFI-QDA source variables: out,
validated, back in; and a project from another tool whose sources carry
variables we do not know."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from codebook import Study
from codebook.refiqda import export_qdpx, import_qdpx

NS = {"q": "urn:QDA-XML:project:1.0"}
SCHEMA = Path(__file__).resolve().parents[2] / "codebook" / "refiqda" / "schemas" / "Project.xsd"


def official(_name: str) -> etree.XMLSchema:
    """The official Project.xsd (the package's unchanged copy of ../shared/refi-qda)."""
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def project_xml(qdpx: Path) -> etree._Element:
    with zipfile.ZipFile(qdpx) as z:
        return etree.fromstring(z.read("project.qde"))


def details(study: Study) -> list[tuple]:
    return [(study.interviews.label(iv), iv.date, iv.mode, iv.consent) for iv in study.interviews.list()]


def source_values(root) -> dict[str, dict[str, tuple[str, str]]]:
    """{source name: {variable name: (value element, text)}}"""
    names = {v.get("guid"): v.get("name") for v in root.iterfind("q:Variables/q:Variable", NS)}
    out = {}
    for src in root.find("q:Sources", NS):
        values = {}
        for vv in src.findall("q:VariableValue", NS):
            ref, value = vv[0], vv[1]
            values[names[ref.get("targetGUID")]] = (etree.QName(value).localname, value.text)
        out[src.get("name")] = values
    return out


def test_audio_and_text_sources_carry_date_mode_and_consent(small_study, tmp_path):
    first, second = small_study.interviews.list()
    small_study.interviews.update(first.id, consent=True)
    small_study.interviews.update(second.id, mode="")  # no mode: no value, not an empty one
    out = tmp_path / "s.qdpx"
    export_qdpx(small_study, out)
    root = project_xml(out)
    assert official("Project.xsd").validate(root), official("Project.xsd").error_log
    values = source_values(root)
    assert values == {
        "مصاحبهٔ ۱.wav": {"Interview date": ("DateValue", "2021-05-03"), "Interview mode": ("TextValue", "whatsapp"),
                          "Consent": ("BooleanValue", "true"), "Interview status": ("TextValue", "recorded"),
                          "Checked segments": ("TextValue", "1-4")},
        "مدیر ب": {"Interview date": ("DateValue", "2021-05-10"), "Consent": ("BooleanValue", "false"),
                   "Interview status": ("TextValue", "planned")},
    }
    # an audio source is named after its file, as QualCoder types files by extension
    assert root.find("q:Sources/q:AudioSource", NS).get("name") == "مصاحبهٔ ۱.wav"
    assert root.find("q:Sources/q:TextSource", NS).get("name") == "مدیر ب"
    # participant attributes stay case variables of type Text, apart from the interview variables
    types = sorted((v.get("name"), v.get("typeOfVariable")) for v in root.iterfind("q:Variables/q:Variable", NS))
    assert types == sorted([("نقش", "Text"), ("جنسیت", "Text"), ("Interview date", "Date"),
                            ("Interview mode", "Text"), ("Consent", "Boolean"), ("Interview status", "Text"),
                            ("Checked segments", "Text"), ("Referred by", "Text")])

    back = Study.create(tmp_path / "back")
    result = import_qdpx(back, out)
    assert details(back) == details(small_study) == [("مصاحبهٔ ۱", "2021-05-03", "whatsapp", True),
                                                     ("مدیر ب", "2021-05-10", "", False)]
    assert "variable values of sources" not in result.skipped
    back.close()


def test_a_date_that_is_not_a_calendar_date_goes_out_as_text_and_comes_back(small_study, tmp_path):
    first, second = small_study.interviews.list()
    small_study.interviews.update(second.id, date="1400/02/20")  # not ISO: kept as the user typed it
    small_study.interviews.update(first.id, date=None)  # undated: no value
    out = tmp_path / "s.qdpx"
    export_qdpx(small_study, out)
    root = project_xml(out)
    assert official("Project.xsd").validate(root), official("Project.xsd").error_log
    date_var = [v for v in root.iterfind("q:Variables/q:Variable", NS) if v.get("name") == "Interview date"]
    assert [v.get("typeOfVariable") for v in date_var] == ["Text"]
    values = source_values(root)
    assert values["مدیر ب"]["Interview date"] == ("TextValue", "1400/02/20")
    assert "Interview date" not in values["مصاحبهٔ ۱.wav"]
    back = Study.create(tmp_path / "back")
    import_qdpx(back, out)
    assert sorted(details(back)) == sorted(details(small_study))
    back.close()


G = "{{0000000{}-aaaa-4bbb-8ccc-000000000000}}"  # braces and upper case: other tools write GUIDs so
V_DATE, V_MODE, V_CONSENT, V_WORDS, V_WHEN, V_LOWER, V_REGION = (G.format(i) for i in range(1, 8))
S1, S2, C1 = "AAAAAAAA-0000-4000-8000-000000000001", "AAAAAAAA-0000-4000-8000-000000000002", \
    "CCCCCCCC-0000-4000-8000-000000000001"


def value(var: str, tag: str, text: str) -> str:
    return f"<VariableValue><VariableRef targetGUID='{var}'/><{tag}>{text}</{tag}></VariableValue>"


FOREIGN = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="From another tool" origin="OtherQDA 7">
  <Variables>
    <Variable guid="{V_DATE}" name="Interview date" typeOfVariable="Date"/>
    <Variable guid="{V_MODE}" name="Interview mode" typeOfVariable="Text"/>
    <Variable guid="{V_CONSENT}" name="Consent" typeOfVariable="Boolean"/>
    <Variable guid="{V_WORDS}" name="Word count" typeOfVariable="Integer"/>
    <Variable guid="{V_WHEN}" name="Interview date" typeOfVariable="DateTime"/>
    <Variable guid="{V_LOWER}" name="interview mode" typeOfVariable="Text"/>
    <Variable guid="{V_REGION}" name="Region" typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid="{C1}" name="Case A">{value(V_REGION, "TextValue", "North")}<SourceRef targetGUID="{S1}"/></Case>
  </Cases>
  <Sources>
    <TextSource guid="{S1}" name="Document one">
      <PlainTextContent>First line of the document.
Second line.</PlainTextContent>
      {value(V_WORDS, "IntegerValue", "512")}
      {value(V_DATE, "DateValue", "2020-01-02+03:30")}
      {value(V_WHEN, "DateTimeValue", "2020-01-02T10:00:00Z")}
      {value(V_LOWER, "TextValue", "phone")}
      {value(V_MODE, "TextValue", " Zoom ")}
      {value(V_CONSENT, "BooleanValue", "1")}
      {value(V_CONSENT, "BooleanValue", "false")}
      {value(V_REGION, "TextValue", "South")}
    </TextSource>
    <TextSource guid="{S2}" name="Document two">
      <PlainTextContent>Only one line.</PlainTextContent>
      {value(V_CONSENT, "TextValue", "yes")}
      {value(V_DATE, "DateValue", "-0044-03-15")}
    </TextSource>
  </Sources>
</Project>
"""


def test_a_project_from_another_tool_with_unknown_source_variables_imports(tmp_path):
    qdpx = tmp_path / "other.qdpx"
    with zipfile.ZipFile(qdpx, "w") as z:
        z.writestr("project.qde", FOREIGN.encode("utf-8"))
    assert official("Project.xsd").validate(project_xml(qdpx)), official("Project.xsd").error_log
    study = Study.create(tmp_path / "target")
    result = import_qdpx(study, qdpx)
    one, two = study.interviews.list()
    # the right names with the right types; the first of a repeated variable wins
    assert (one.date, one.mode, one.consent) == ("2020-01-02", "Zoom", True)
    assert (two.date, two.mode, two.consent) == (None, "", False)
    assert study.transcripts.text(one.id).count("line") == 2
    assert study.participants.list()[0].attributes == {"Region": "North"}
    # an integer, a DateTime "Interview date", a lower-case name, a repeat, a case variable on a
    # source, a Boolean variable holding text, a valid xsd:date before year 1: listed, none fatal
    assert result.skipped["variable values of sources"] == 7
    assert "variable values of sources (7)" in result.summary()
    study.close()
