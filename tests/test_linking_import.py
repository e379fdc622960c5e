"""``accords gazetteer import`` with files in Wikidata's own formats."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accords.cli import app
from accords.errors import InputError
from accords.linking import background_graph
from accords.linking.gazetteer import Gazetteer
from accords.linking.wikidata_import import import_files
from accords.resources import resource_dir

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"


@pytest.fixture()
def gazetteer_dir(tmp_path: Path) -> Path:
    target = tmp_path / "gazetteer"
    shutil.copytree(resource_dir("gazetteer"), target)
    return target


def test_sparql_office_end_date_changes_who_held_office(gazetteer_dir: Path) -> None:
    iran = "Q794"
    before = Gazetteer(gazetteer_dir)
    assert before.office_holder(iran, "president", date(2023, 6, 1)) is None  # past the snapshot
    report = import_files([FIXTURES / "offices_sparql.json"], gazetteer_dir, gazetteer_dir)
    assert report.updated == {"offices.tsv": 1}
    after = Gazetteer(gazetteer_dir)
    holder = after.office_holder(iran, "president", date(2023, 6, 1))
    assert holder is not None and holder.label == "Ebrahim Raisi"
    assert after.office_holder(iran, "president", date(2024, 6, 1)) is None


def test_memberships_from_sparql_and_dump_lines(gazetteer_dir: Path) -> None:
    import_files(
        [FIXTURES / "memberships_sparql.json", FIXTURES / "agency_dump.jsonl"],
        gazetteer_dir,
        gazetteer_dir,
    )
    g = Gazetteer(gazetteer_dir)
    starts = sorted(
        m.start for m in g.memberships if (m.member_qid, m.organisation_qid) == ("Q43", "Q7184")
    )
    assert starts == ["1952", "1952-02-18"]
    assert any("membership/Q43/Q7184" in str(s) for s in background_graph(g).subjects())


def test_agency_gets_its_qid_by_wikipedia_title(gazetteer_dir: Path) -> None:
    import_files([FIXTURES / "agency_dump.jsonl"], gazetteer_dir, gazetteer_dir)
    g = Gazetteer(gazetteer_dir)
    gru = g.entity("enwiki-GRU_(Russian_Federation)")
    assert gru is not None and gru.key == "Q0" and gru.qid == "Q0"
    assert {n.key for n in g.lookup("GRU")} == {"Q0"}


def test_wbgetentities_position_held(gazetteer_dir: Path) -> None:
    report = import_files([FIXTURES / "wbgetentities_Q7747.json"], gazetteer_dir, gazetteer_dir)
    assert report.updated == {"offices.tsv": 1} and not report.notes


def test_bad_file_is_reported(gazetteer_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"rows": []}', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        import_files([bad], gazetteer_dir, gazetteer_dir)


def test_import_command(gazetteer_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "gazetteer",
            "import",
            str(FIXTURES / "memberships_sparql.json"),
            "--gazetteer",
            str(gazetteer_dir),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "memberships.tsv: 1 added" in result.output
    assert "Q43\tQ7184\t1952-02-18" in (out / "memberships.tsv").read_text(encoding="utf-8")


def test_build_is_reproducible(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "shared" / "wikidata"
    if not source.is_dir():
        pytest.skip("shared/wikidata sources are not next to this checkout")
    result = CliRunner().invoke(
        app, ["gazetteer", "build", "--source", str(source), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    for path in tmp_path.glob("*.tsv"):
        assert path.read_bytes() == (resource_dir("gazetteer") / path.name).read_bytes(), path.name


def test_link_command() -> None:
    result = CliRunner().invoke(
        app, ["link", "The Iranian President met Putin.", "--date", "2018-09-07"]
    )
    assert result.exit_code == 0, result.output
    assert "Hassan Rouhani" in result.output and "why:" in result.output


def test_dump_lines_with_trailing_commas(gazetteer_dir: Path, tmp_path: Path) -> None:
    lines = (FIXTURES / "agency_dump.jsonl").read_text(encoding="utf-8").splitlines()
    dump = tmp_path / "part.json"
    dump.write_text(
        "\n".join(line if line.endswith(",") else line + "," for line in lines[1:-1]),
        encoding="utf-8",
    )  # a slice from the middle of a dump: not one JSON value
    report = import_files([dump], gazetteer_dir, gazetteer_dir)
    assert report.added == {"memberships.tsv": 1} and report.updated == {"agencies.tsv": 1}
