"""The query page: YASGUI vendored from the pinned npm package, served by kg, working offline."""

from __future__ import annotations

import json

from tests.conftest import ROOT

VENDORED = ROOT / "kg" / "web" / "static" / "vendor" / "yasgui"
PACKAGE = ROOT / "node_modules" / "@zazuko" / "yasgui"


def test_vendored_yasgui_is_the_pinned_package() -> None:
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["@zazuko/yasgui"]
    assert PACKAGE.exists(), "node_modules missing: run `npm ci` (.ci/run does)"
    assert json.loads((PACKAGE / "package.json").read_text())["version"] == pinned
    for name in ("yasgui.min.js", "yasgui.min.css"):
        assert (VENDORED / name).read_bytes() == (PACKAGE / "build" / name).read_bytes(), (
            f"{name} differs from the npm package: run `make vendor`"
        )
