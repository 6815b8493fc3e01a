"""Reading vocabulary files: relative IRIs resolved against {base}id/, each subject's line kept."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.vocab.files import read_vocab_file

ID = "https://example.org/catalogue/id/"
PREFIXES = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix t: <topic/> .\n"
KEYS = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
LABELS = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


@settings(max_examples=40, deadline=None)
@given(
    st.lists(KEYS, min_size=1, max_size=8, unique=True),
    st.lists(LABELS, min_size=8, max_size=8),
    st.lists(st.booleans(), min_size=8, max_size=8),
    st.lists(st.integers(min_value=0, max_value=3), min_size=8, max_size=8),
)
def test_each_subject_is_found_at_its_line_whatever_its_labels(
    keys: list[str], labels: list[str], prefixed: list[bool], blanks: list[int]
) -> None:
    lines = PREFIXES.splitlines()
    expected: dict[str, int] = {}
    for n, key in enumerate(keys):
        lines += [""] * blanks[n] + [f"# concept {n}"]
        subject = f"t:{key}" if prefixed[n] else f"<topic/{key}>"
        expected[f"{ID}topic/{key}"] = len(lines) + 1
        lines += [
            f"{subject} a skos:Concept ;",
            f"    skos:prefLabel {_literal(labels[n])} ;",
            f"    skos:altLabel {_literal(labels[n] + ' <topic/x> a')} .",
        ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "v.ttl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        parsed = read_vocab_file(path, ID)
    assert {k: v for k, v in parsed.subject_lines.items() if k in expected} == expected
    for iri, line in expected.items():
        assert parsed.line_of(iri, "skos:altLabel") == line + 2


def test_relative_iris_resolve_against_the_id_base(tmp_path: Path) -> None:
    path = tmp_path / "v.ttl"
    path.write_text(PREFIXES + "<topic/a> skos:broader t:b .\n", encoding="utf-8")
    parsed = read_vocab_file(path, ID)
    triples = {(str(s), str(o)) for s, _, o in parsed.graph}
    assert triples == {(ID + "topic/a", ID + "topic/b")}


FORMS = st.sampled_from(["relative", "prefixed", "absolute"])


def _written(key: str, form: str) -> str:
    return {"relative": f"<topic/{key}>", "prefixed": f"t:{key}", "absolute": f"<{ID}topic/{key}>"}[
        form
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(KEYS, min_size=2, max_size=6, unique=True),
    st.data(),
)
def test_a_link_is_found_at_the_line_that_writes_it(keys: list[str], data: st.DataObject) -> None:
    """Whatever form the link takes and wherever it sits in the block, even when another
    link's name starts with the same letters (`t:ab` before `t:abc`) or a comment names it."""
    subject, target, *others = keys
    decoys = [k for k in others if not k.startswith(target)] + [target + "x"]
    lines = [*PREFIXES.splitlines(), f"<topic/{subject}> a skos:Concept ;"]
    for decoy in data.draw(st.lists(st.sampled_from(decoys), max_size=3)):
        lines.append(f"    skos:related {_written(decoy, data.draw(FORMS))} ; # not {target}")
    lines.append(f"    # skos:broader <topic/{target}> was here")
    expected = len(lines) + 1
    lines.append(f"    skos:broader {_written(target, data.draw(FORMS))} ;")
    lines += ['    skos:prefLabel "x"@en .', f"<topic/{target}x> a skos:Concept ."]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "v.ttl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        parsed = read_vocab_file(path, ID)
    assert parsed.line_of_link(f"{ID}topic/{subject}", f"{ID}topic/{target}", ID) == expected


def test_a_link_written_the_other_way_round_is_found_in_the_other_block(tmp_path: Path) -> None:
    path = tmp_path / "v.ttl"
    path.write_text(
        PREFIXES + "<topic/a> a skos:Concept .\n\n<topic/b>\n    skos:narrower t:a .\n",
        encoding="utf-8",
    )
    parsed = read_vocab_file(path, ID)
    assert parsed.line_of_link(ID + "topic/a", ID + "topic/b", ID) == 6
