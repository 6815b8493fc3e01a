"""`kg vocab diff OLD NEW`: concepts added, relabelled, moved, deprecated, and works re-tagged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.cli import main
from tests.conftest import ROOT


def edited_copy(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    folder = tmp_path / "new"
    shutil.copytree(ROOT / "vocab", folder)
    topics = folder / "topics.ttl"
    text = topics.read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    topics.write_text(text)
    return folder


def test_diff_names_each_change_and_the_works_it_retags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    new = edited_copy(
        tmp_path,
        # relabel: "dating app" now tags the dating-app study as cybercrime
        (
            'skos:altLabel "online crime"@en ;',
            'skos:altLabel "online crime"@en , "dating app"@en ;',
        ),
        # deprecate darknet: its one work moves to cybercrime
        (
            'skos:prefLabel "Darknet"@en ;',
            'skos:prefLabel "Darknet"@en ;\n    owl:deprecated true ;\n'
            "    dcterms:isReplacedBy <topic/cybercrime> ;",
        ),
        # move sentencing from punishment to courts
        (
            '"Sentencing"@en ;\n    skos:broader <topic/punishment> ;',
            '"Sentencing"@en ;\n    skos:broader <topic/courts> ;',
        ),
        # add a concept that the sample's texts mention
        (
            "<topic/sentencing> a skos:Concept ;",
            '<topic/pensions> a skos:Concept ;\n    skos:prefLabel "Pensions"@en ;\n'
            "    skos:broader <topic/crime> ;\n    skos:inScheme <vocab/topics> .\n\n"
            "<topic/sentencing> a skos:Concept ;",
        ),
    )
    assert main(["vocab", "check", str(new)]) == 0
    capsys.readouterr()
    assert main(["vocab", "diff", "vocab", str(new)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "relabelled topic/cybercrime: +altLabel “dating app” — re-tags 2 works",
        "deprecated topic/darknet: works move to topic/cybercrime — re-tags 1 work",
        "added topic/pensions: “Pensions” — re-tags 1 work",
        "moved topic/sentencing: broader topic/punishment → topic/courts — re-tags 0 works",
    ]
    assert err.strip() == "4 changes; 3 works re-tagged"
