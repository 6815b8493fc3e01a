"""The `kg` command line: thin commands over the stages (parse, build, serve, query)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.config import Config, load_config
from kg.errors import KgError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Publish a library catalogue as a linked-data knowledge graph."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="print the records of source files as JSON Lines")
    p.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH",
        help="files or folders of pages (.txt), JSON Lines (.jsonl) or CSV (.csv)",
    )  # fmt: skip
    p.add_argument("--strict", action="store_true", help="exit 1 if any record is rejected")
    p.add_argument("--merge", action="store_true", help="merge cross-posted records")
    p.add_argument(
        "--explain", action="store_true",
        help="print every line of each page with its role and record (and each record's "
        "correction key) instead of JSON Lines",
    )  # fmt: skip
    p.add_argument(
        "--rejects", type=Path, metavar="FILE",
        help="write rejected records as JSON Lines (source, reason)",
    )  # fmt: skip
    p.add_argument(
        "--review", type=Path, metavar="FILE",
        help="write names that may be known agents (candidates for review) as JSON Lines",
    )  # fmt: skip
    p.set_defaults(run=_cmd_parse)

    b = sub.add_parser("build", help="ingest, map, validate and store the graph, write dumps")
    b.add_argument("--data", type=Path, help="source folder (default data/)")
    b.add_argument("--out", type=Path, help="build folder (default build/)")
    b.add_argument("--strict", action="store_true", help="exit 1 if any record is quarantined")
    b.set_defaults(run=_cmd_build)

    r = sub.add_parser(
        "render", help="render the current release's documents ahead of requests (after a build)"
    )
    r.add_argument("--build", type=Path, help="build folder (default build/)")
    r.set_defaults(run=_cmd_render)

    s = sub.add_parser("serve", help="serve a build over HTTP (gunicorn)")
    s.add_argument("--build", type=Path, help="build folder (default build/)")
    s.add_argument("--host", help="interface to bind (default 127.0.0.1)")
    s.add_argument("--port", type=int, help="port (default 5000)")
    s.add_argument("--workers", type=int, help="worker processes (default 2)")
    s.set_defaults(run=_cmd_serve)

    q = sub.add_parser("query", help="run a SPARQL query against a build, print JSON results")
    q.add_argument("sparql", help="the query text")
    q.add_argument("--build", type=Path, help="build folder (default build/)")
    q.set_defaults(run=_cmd_query)
    _vocab_parser(sub)
    return parser


def _vocab_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    v = sub.add_parser("vocab", help="check and compare the SKOS vocabularies in vocab/")
    vsub = v.add_subparsers(dest="vocab_command", required=True, metavar="VOCAB_COMMAND")
    c = vsub.add_parser("check", help="SKOS integrity, quality checks and the SKOS profile shape")
    c.add_argument("dir", nargs="?", type=Path, help="vocabulary folder or file (default vocab/)")
    c.set_defaults(run=_cmd_vocab_check)
    d = vsub.add_parser("diff", help="what changed between two vocabularies; works re-tagged")
    d.add_argument("old", type=Path, metavar="OLD", help="old vocabulary folder or file")
    d.add_argument("new", type=Path, metavar="NEW", help="new vocabulary folder or file")
    d.add_argument("--data", type=Path, help="source folder whose works are re-tagged (data/)")
    d.set_defaults(run=_cmd_vocab_diff)


def _config(args: argparse.Namespace) -> Config:
    return load_config(
        {
            "data_dir": getattr(args, "data", None),
            "build_dir": getattr(args, "out", None) or getattr(args, "build", None),
            "host": getattr(args, "host", None),
            "port": getattr(args, "port", None),
            "workers": getattr(args, "workers", None),
        }
    )


def _cmd_parse(args: argparse.Namespace) -> int:
    from kg.ingest.parse import parse_command

    config = _config(args)
    return parse_command(
        args.paths,
        config.vocab_dir,
        config.base_uri + "id/",
        merge=args.merge,
        strict=args.strict,
        rejects=args.rejects,
        review=args.review,
        explain=args.explain,
    )


def _cmd_build(args: argparse.Namespace) -> int:
    from kg.publish import build
    from kg.web.prerender import render_before_live

    config = _config(args)
    summary = build(config, prepare=render_before_live(config))
    print(summary.describe(), file=sys.stderr)
    return EXIT_FAILED if args.strict and summary.rejected else EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    from kg.web.prerender import render_current

    print(render_current(_config(args)), file=sys.stderr)
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from kg.web.server import run

    run(_config(args))
    return EXIT_OK


def _cmd_query(args: argparse.Namespace) -> int:
    from kg.sparql.results import RESULTS_JSON, serialise
    from kg.store import Triples, open_live

    config = _config(args)
    with open_live(config) as store:
        result = store.run(args.sparql)
        media_type = "application/n-triples" if isinstance(result, Triples) else RESULTS_JSON
        body = serialise(result, media_type, max_rows=1 << 62, link="").body
    sys.stdout.write(body.decode("utf-8") + "\n")
    return EXIT_OK


def _cmd_vocab_check(args: argparse.Namespace) -> int:
    from kg.vocab.report import check_folder

    config = _config(args)
    folder = args.dir or config.vocab_dir
    report = check_folder(folder, config.base_uri + "id/")
    for line in report.lines(folder):
        print(line, file=sys.stderr)
    return EXIT_FAILED if report.errors else EXIT_OK


def _cmd_vocab_diff(args: argparse.Namespace) -> int:
    from kg.ingest import read_records, source_files
    from kg.ingest.authority import load_authority
    from kg.vocab.diff import count_retagged, diff_vocabularies
    from kg.vocab.model import load_vocabulary
    from kg.vocab.publish import TOPIC_SCHEME
    from kg.vocab.tagging import Tagger

    config = _config(args)
    id_base = config.base_uri + "id/"
    old, new = load_vocabulary(args.old, id_base), load_vocabulary(args.new, id_base)
    authority = load_authority(config.vocab_dir / "agents.ttl", id_base)
    records = (r for p in source_files([config.data_dir]) for r in read_records(p, authority))
    topics = [id_base + TOPIC_SCHEME]  # tag as the build does: topic concepts only
    changes, total = count_retagged(
        diff_vocabularies(old, new), Tagger(old, topics), Tagger(new, topics), records
    )
    for change in changes:
        print(change.describe(id_base))
    print(f"{len(changes)} changes; {total} works re-tagged", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors are one line on stderr, never a traceback."""
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except KgError as err:
        print(
            f"kg: {err}" + (f" — {err.fix}" if err.fix and " — " not in str(err) else ""),
            file=sys.stderr,
        )
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED
    return code
