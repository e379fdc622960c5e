"""TimeML round trip and the ``accords timex`` command."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from accords.commands.timex import timex_command
from accords.nlp.timeml import annotate, creation_time, strip_timexes, text_of
from accords.records import Precision

TE3 = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2018-09-07" temporalFunction="false" functionInDocument="CREATION_TIME">2018-09-07</TIMEX3></DCT>
<TITLE>Putin proposes closer spy ties</TITLE>
<TEXT>
Russian spies should cooperate more closely with Turkey &amp; Iran, President Vladimir Putin said Friday.\r
The two countries have cooperated since 2016, and talks <EVENT eid="e1" class="OCCURRENCE">resume</EVENT> next month.
</TEXT>
</TimeML>
"""


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("timex")(timex_command)

    @app.callback()
    def main() -> None:
        """accords (test harness with the timex command only)."""

    return app


def test_creation_time_is_read_from_dct() -> None:
    assert creation_time(TE3) == (__import__("datetime").date(2018, 9, 7), Precision.DAY)


def test_annotate_only_adds_timex3_tags() -> None:
    out = annotate(TE3)
    added = re.findall(r"<TIMEX3 [^>]*>|</TIMEX3>", out)
    assert re.sub(r"<TIMEX3 tid=\"t\d+\"[^>]*>|</TIMEX3>", "", out) == re.sub(
        r"<TIMEX3 tid=\"t\d+\"[^>]*>|</TIMEX3>", "", TE3
    )
    body = out[out.index("<TEXT>") :]
    assert '<TIMEX3 tid="t1" type="DATE" value="2018-09-07">Friday</TIMEX3>' in body
    assert '<TIMEX3 tid="t2" type="DATE" value="2016">2016</TIMEX3>' in body
    assert '<TIMEX3 tid="t3" type="DATE" value="2018-10">next month</TIMEX3>' in body
    assert len(added) == 8  # the DCT pair and three new pairs
    assert "\r\n" in out and "&amp;" in out  # line ends and escapes kept as they were


def test_annotate_replaces_existing_timexes_and_is_stable() -> None:
    once = annotate(TE3)
    assert annotate(once) == once
    assert strip_timexes(once) == TE3


def test_text_of_maps_plain_characters_to_raw_offsets() -> None:
    body = "a &amp; <EVENT>b</EVENT>"
    plain = text_of(body)
    assert plain.text == "a & b"
    assert body[plain.raw_start[2] : plain.raw_end[2]] == "&amp;"
    assert body[plain.raw_start[4]] == "b"


def test_command_tags_a_folder(tmp_path: Path) -> None:
    src, dst = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "doc.TE3input").write_bytes(TE3.encode("utf-8"))
    result = CliRunner().invoke(_app(), ["timex", str(src), str(dst)])
    assert result.exit_code == 0, result.output
    assert "1 files, 3 TIMEX3 tags" in result.output
    assert (dst / "doc.TE3input").read_bytes().decode("utf-8") == annotate(TE3)


def test_command_prints_expressions_of_text() -> None:
    result = CliRunner().invoke(
        _app(), ["timex", "--text", "Putin said Friday.", "--date", "2018-09-07"]
    )
    assert result.exit_code == 0, result.output
    assert "'Friday'\tDATE\t2018-09-07\tat" in result.output


def test_command_needs_text_or_two_folders(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["timex", str(tmp_path)])
    assert result.exit_code != 0
    assert "INPUT_DIR and OUTPUT_DIR" in result.output
    bad = CliRunner().invoke(_app(), ["timex", "--text", "x", "--date", "07/09/2018"])
    assert bad.exit_code == 2 and "not a TIMEX3 date value" in bad.output


def test_command_names_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["timex", str(tmp_path / "nope"), str(tmp_path / "o")])
    assert result.exit_code == 2 and "not a directory" in result.output
