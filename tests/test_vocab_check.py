"""`kg vocab check`: clean on vocab/, and each broken copy reported at its file:line, failing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.vocab.report import check_folder
from tests.conftest import ROOT

ID_BASE = "http://127.0.0.1:5000/id/"
VOCAB = ROOT / "vocab"


def broken_copy(tmp_path: Path, old: str, new: str, append: str = "") -> Path:
    """A copy of vocab/ whose topics.ttl has `old` replaced by `new` (and `append` added)."""
    folder = tmp_path / "vocab"
    shutil.copytree(VOCAB, folder)
    topics = folder / "topics.ttl"
    text = topics.read_text()
    assert old in text, f"fixture text {old!r} not in topics.ttl"
    topics.write_text(text.replace(old, new, 1) + append)
    return folder


def line_of(path: Path, marker: str) -> int:
    """The 1-based line of the first line containing `marker`."""
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if marker in line:
            return number
    raise AssertionError(f"{marker!r} not in {path}")


def test_the_shipped_vocabularies_are_clean() -> None:
    report = check_folder(VOCAB, ID_BASE)
    assert report.concepts > 40
    assert report.problems == ()


def test_cli_exit_zero_and_summary_on_vocab(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vocab", "check", str(VOCAB)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().err


BROKEN = {
    "cycle": (
        "<topic/crime> a skos:Concept ;\n",
        "<topic/crime> a skos:Concept ;\n    skos:broader <topic/homicide> ; # BROKEN\n",
        "",
        "topic/crime",
        "broader/narrower cycle among topic/crime, topic/homicide",
    ),
    "two prefLabels": (
        'skos:prefLabel "Weapons"@en ;',
        'skos:prefLabel "Weapons"@en ;\n    skos:prefLabel "Arms"@en ; # BROKEN',
        "",
        "topic/weapons",
        '2 prefLabels in language en ("Arms", "Weapons")',
    ),
    "orphan": (
        "# Site-wide categories",
        "# Site-wide categories",
        '\n<topic/lonely> a skos:Concept ; # BROKEN\n    skos:prefLabel "Lonely"@en ;\n'
        "    skos:inScheme <vocab/topics> .\n",
        "topic/lonely",
        "orphan",
    ),
    "missing inScheme": (
        '    skos:prefLabel "Sentencing"@en ;\n    skos:broader <topic/punishment> ;\n'
        "    skos:inScheme <vocab/topics> .",
        '    skos:prefLabel "Sentencing"@en ;\n    skos:broader <topic/punishment> .',
        "",
        "topic/sentencing",
        "in no scheme",
    ),
    "shared label": (
        "# Site-wide categories",
        "# Site-wide categories",
        '\n<topic/guns> a skos:Concept ;\n    skos:prefLabel "Guns"@en ; # BROKEN\n'
        "    skos:broader <topic/weapons> ;\n    skos:inScheme <vocab/topics> .\n",
        "topic/guns",
        'label "Guns" is also a label of topic/firearms',
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_copy_is_reported_at_its_line_and_fails(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new, append, concept, what = BROKEN[case]
    folder = broken_copy(tmp_path, old, new, append)
    topics = folder / "topics.ttl"
    marker = "# BROKEN" if "# BROKEN" in topics.read_text() else f"<{concept}>"
    expected = f"{topics}:{line_of(topics, marker)}: {concept}: {what}"

    assert main(["vocab", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"error: {expected}" in err, err
    assert "Traceback" not in err


def test_a_turtle_syntax_error_is_one_line_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = broken_copy(
        tmp_path, 'skos:prefLabel "Homicide"@en ;', 'skos:prefLabel "Homicide"@en # no ;'
    )
    assert main(["vocab", "check", str(folder)]) == 1
    err = capsys.readouterr().err.strip()
    topics = folder / "topics.ttl"
    assert err.startswith(f"kg: {topics}:{line_of(topics, '# no ;') + 1}: Turtle syntax error")
    assert "\n" not in err


def test_the_profile_shape_wants_a_version_on_each_scheme(tmp_path: Path) -> None:
    text = (VOCAB / "topics.ttl").read_text()
    version = next(
        line for line in text.splitlines(keepends=True) if line.startswith("    owl:versionInfo")
    )
    folder = broken_copy(tmp_path, version, "")
    report = check_folder(folder, ID_BASE)
    [problem] = report.errors
    assert problem.concept == "vocab/topics"
    assert "owl:versionInfo" in problem.what
    assert problem.line == line_of(folder / "topics.ttl", "<vocab/topics> a skos:ConceptScheme")


def test_warnings_are_listed_apart_and_do_not_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = broken_copy(tmp_path, 'skos:altLabel "homicides"@en', 'skos:altLabel "homicides"')
    assert main(["vocab", "check", str(folder)]) == 0
    err = capsys.readouterr().err
    before, _, after = err.partition("warnings:\n")
    assert "error:" not in before
    assert "warning: " in after and 'altLabel "homicides" has no language tag' in after


def test_a_related_link_inside_the_hierarchy_clashes(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "    skos:broader <topic/sexual-violence> ;\n",
        "    skos:broader <topic/sexual-violence> ;\n    skos:related <topic/sexual-violence> ;\n",
    )
    whats = [p.what for p in check_folder(folder, ID_BASE).errors]
    assert any(
        "related to topic/sexual-violence, which is also in its hierarchy" in w for w in whats
    )


def test_a_deprecated_concept_needs_no_place_in_the_tree(tmp_path: Path) -> None:
    append = (
        '\n<topic/old> a skos:Concept ;\n    skos:prefLabel "Old"@en ;\n'
        "    owl:deprecated true ;\n    dcterms:isReplacedBy <topic/homicide> ;\n"
        "    skos:inScheme <vocab/topics> .\n"
    )
    folder = broken_copy(tmp_path, "# Site-wide categories", "# Site-wide categories", append)
    assert check_folder(folder, ID_BASE).problems == ()


def test_a_cycle_below_another_is_reported_with_its_own_members(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "<topic/crime> a skos:Concept ;\n",
        "<topic/crime> a skos:Concept ;\n    skos:broader <topic/homicide> ;\n",
    )
    topics = folder / "topics.ttl"
    text = topics.read_text().replace(
        "<topic/darknet> a skos:Concept ;\n",
        "<topic/darknet> a skos:Concept ;\n    skos:narrower <topic/cybercrime> ;\n",
    )
    topics.write_text(text)
    cycles = sorted(p.what for p in check_folder(folder, ID_BASE).errors if "cycle" in p.what)
    # darknet → cybercrime → crime → homicide → crime: two cycles, each named with its own members
    assert cycles == [
        "broader/narrower cycle among topic/crime, topic/homicide",
        "broader/narrower cycle among topic/cybercrime, topic/darknet",
    ]


def test_a_blank_node_is_an_error_at_its_line(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        'skos:prefLabel "Homicide"@en ;',
        'skos:prefLabel "Homicide"@en ;\n    skos:note [ skos:prefLabel "x"@en ] ;',
    )
    [problem] = check_folder(folder, ID_BASE).errors
    assert problem.what == "a blank node ([ … ] or _:x)"
    assert problem.line == line_of(folder / "topics.ttl", "skos:note [")


def test_a_link_to_an_unknown_concept_is_reported_at_the_link_with_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = broken_copy(
        tmp_path,
        '    skos:prefLabel "Sentencing"@en ;\n    skos:broader <topic/punishment> ;',
        '    skos:prefLabel "Sentencing"@en ;\n    skos:broader <topic/punishmnt> ; # BROKEN',
    )
    topics = folder / "topics.ttl"
    assert main(["vocab", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    expected = (
        f"error: {topics}:{line_of(topics, '# BROKEN')}: topic/sentencing: "
        "broader topic/punishmnt is not a concept — did you mean <topic/punishment>? "
    )
    assert expected in err, err


def test_a_link_written_with_a_prefix_is_found_at_its_line(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix t: <topic/> .",
    )
    topics = folder / "topics.ttl"
    text = topics.read_text().replace(
        '    skos:prefLabel "Sentencing"@en ;\n    skos:broader <topic/punishment> ;',
        '    skos:prefLabel "Sentencing"@en ;\n    skos:related t:crime ,\n'
        "        t:homicid ; # BROKEN\n    skos:broader <topic/punishment> ;",
    )
    topics.write_text(text)
    [problem] = check_folder(folder, ID_BASE).errors
    assert problem.what == "related topic/homicid is not a concept"
    assert problem.line == line_of(topics, "# BROKEN")
    assert "did you mean <topic/homicide>?" in problem.fix


def test_an_unknown_narrower_concept_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        '    skos:prefLabel "Sentencing"@en ;\n',
        '    skos:prefLabel "Sentencing"@en ;\n'
        "    skos:narrower <topic/parole-hearings> ; # BROKEN\n",
    )
    [problem] = check_folder(folder, ID_BASE).errors
    assert (problem.concept, problem.what) == (
        "topic/sentencing",
        "narrower topic/parole-hearings is not a concept",
    )
    assert problem.line == line_of(folder / "topics.ttl", "# BROKEN")
    assert "did you mean" not in problem.fix  # nothing near enough to suggest


@pytest.mark.parametrize(
    "escape",
    ["\\uD800", "\\udfff", "\\U0000DC00", "\\uD83D\\uDE00"],
    ids=["high", "low", "long-escape", "pair"],
)
def test_half_a_surrogate_pair_is_an_error_at_its_line(
    escape: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Turtle's `\\u` escapes may name no surrogate, and rdflib reads one (or a pair, which it
    does not join) as a lone surrogate that no file can be written with: one clear line."""
    folder = broken_copy(
        tmp_path,
        'skos:altLabel "crimes"@en ;',
        f'skos:altLabel "crimes"@en ;\n    skos:altLabel "half {escape} a pair"@en ; # BROKEN',
    )
    assert main(["vocab", "check", str(folder)]) == 1
    err = capsys.readouterr().err.strip()
    topics = folder / "topics.ttl"
    assert err.startswith(f"kg: {topics}:{line_of(topics, '# BROKEN')}: "), err
    assert "half of a surrogate pair" in err
    assert "Traceback" not in err and "\n" not in err


def test_a_surrogate_escape_in_a_vocabulary_fails_the_build_in_one_line(tmp_path: Path) -> None:
    """The build reads vocab/ too: the same message and exit 1, never a UnicodeEncodeError
    where the dumps are written."""
    folder = broken_copy(
        tmp_path,
        'skos:altLabel "crimes"@en ;',
        'skos:altLabel "crimes"@en ;\n    skos:altLabel "half \\uD800 a pair"@en ; # BROKEN',
    )
    ledger = tmp_path / "ledger.tsv"
    ledger.write_bytes((ROOT / "data" / "ledger.tsv").read_bytes())
    env = {**os.environ, "KG_VOCAB_DIR": str(folder), "KG_LEDGER_FILE": str(ledger)}
    data, out = str(ROOT / "data"), str(tmp_path / "build")
    result = subprocess.run(
        [sys.executable, "-m", "kg", "build", "--data", data, "--out", out],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    topics = folder / "topics.ttl"
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{topics}:{line_of(topics, '# BROKEN')}: " in result.stderr
    assert "half of a surrogate pair" in result.stderr
