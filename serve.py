"""Start the kg web server (same as `kg serve`); settings come from KG_* variables."""

from kg.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["serve"]))
