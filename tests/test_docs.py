"""The documentation site builds offline with warnings as errors, and the
seed article's HTML view renders in headless Chromium.

Needs the ``docs`` dependency group (``scripts/setup.sh`` installs it);
the Chromium checks install Debian's ``chromium`` with
``scripts/install_chromium.sh`` and skip, saying why, where that fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = [pytest.mark.model, pytest.mark.slow]

for _module in ("sphinx", "sphinx_gallery", "myst_parser", "furo"):
    pytest.importorskip(
        _module, reason="the docs dependency group is not installed "
                        "(pip install --group docs)")

SEED_PAGE = Path("auto_examples") / "ex_010_seed_article.html"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--hide-scrollbars",
    "--force-device-scale-factor=1", "--window-size=1280,5000",
]

# Measures the seed article's view in the rendered page and writes the
# findings into the DOM as JSON, for --dump-dom to return.
PROBE = """<script>
(function () {
  function visible(el) {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" &&
      s.display !== "none" && parseFloat(s.opacity) > 0 &&
      s.color !== s.backgroundColor;
  }
  const view = document.querySelector(".quotes-view");
  const marks = [...view.querySelectorAll("mark.q-speaker[tabindex]")];
  const out = {speakers: marks.map(el => ({
    text: el.textContent, title: el.title, visible: visible(el),
    background: getComputedStyle(el).backgroundColor}))};
  const r = view.getBoundingClientRect();
  out.view = [r.left + scrollX, r.top + scrollY, r.width, r.height];
  const kirby = marks.find(el => el.title.includes("Kirby"));
  kirby.focus();
  out.focused = document.activeElement === kirby;
  out.tooltip = getComputedStyle(kirby, "::before").content;
  out.scripts = view.querySelectorAll("script").length;
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site once, as the README says (warnings are errors)."""
    out = tmp_path_factory.mktemp("site") / "html"
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "docs",
         str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out


def test_site_has_every_page(site: Path) -> None:
    """Every page and gallery example is built; the API is documented."""
    for page in ("index", "quickstart", "concepts", "usage", "schema",
                 "model", "api", "benchmarks", "limitations", "changelog"):
        assert (site / f"{page}.html").is_file(), page
    examples = sorted((ROOT / "docs" / "examples").glob("ex_*.py"))
    assert len(examples) >= 10
    for ex in examples:
        assert (site / "auto_examples" / f"{ex.stem}.html").is_file()
    api = (site / "api.html").read_text("utf-8")
    assert "quotes.Result.to_html" in api
    assert "quotes.extract_doc" in api


def test_seed_page_output(site: Path) -> None:
    """The seed example's page holds its printed output and its view."""
    page = (site / SEED_PAGE).read_text("utf-8")
    assert "John Kirby (Pentagon press secretary): claims 8" in page
    assert page.count('class="quotes-view"') == 1
    assert "<mark class=\"q-speaker" in page


@pytest.fixture(scope="module")
def chromium() -> str:
    """The chromium binary, installed with apt-get if need be."""
    found = shutil.which("chromium")
    if found is None:
        script = ROOT / "scripts" / "install_chromium.sh"
        try:
            proc = subprocess.run(["bash", str(script)], capture_output=True,
                                  text=True, timeout=600, check=False)
        except subprocess.TimeoutExpired:
            pytest.skip("installing chromium took over 10 minutes")
        found = shutil.which("chromium")
        if found is None:
            pytest.skip("chromium is not installed and "
                        "scripts/install_chromium.sh failed: "
                        + (proc.stderr.strip() or proc.stdout.strip())[-300:])
    return found


def run_chromium(binary: str, profile: Path, *args: str) -> str:
    proc = subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.fixture(scope="module")
def rendered(site: Path, chromium: str,
             tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[dict[str, object], Path]:
    """The probe's findings on the seed page, and a screenshot of it."""
    page = site / SEED_PAGE
    probe_page = page.with_name("probe.html")
    probe_page.write_text(page.read_text("utf-8").replace(
        "</body>", PROBE + "</body>"), encoding="utf-8")
    tmp = tmp_path_factory.mktemp("chromium")
    dom = run_chromium(chromium, tmp / "profile1", "--dump-dom",
                       probe_page.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, "the probe did not run"
    shot = tmp / "seed.png"
    run_chromium(chromium, tmp / "profile2", f"--screenshot={shot}",
                 page.as_uri())
    return json.loads(html.unescape(found.group(1))), shot


def speaker_mark(probe: dict[str, object], name: str,
                 role: str) -> dict[str, object]:
    marks = probe["speakers"]
    assert isinstance(marks, list)
    hits = [m for m in marks if f"speaker: {name}" in m["title"]
            and f"role: {role}" in m["title"]]
    assert hits, f"no mark for {name} ({role})"
    return hits[0]


def test_seed_marks_visible(rendered: tuple[dict[str, object], Path]) -> None:
    """Kirby and Peskov are marked, visible, in different colours."""
    probe, _ = rendered
    kirby = speaker_mark(probe, "John Kirby", "Pentagon press secretary")
    peskov = speaker_mark(probe, "Dmitry Peskov", "Russian spokesman")
    assert kirby["text"] == "Pentagon press secretary John Kirby"
    assert peskov["text"] == "Russian spokesman Dmitry Peskov"
    assert kirby["visible"] and peskov["visible"]
    assert kirby["background"] != peskov["background"]
    assert probe["focused"], "the mark takes keyboard focus"
    assert "Pentagon press secretary" in str(probe["tooltip"])
    assert probe["scripts"] == 0


def test_seed_screenshot_not_blank(
        rendered: tuple[dict[str, object], Path]) -> None:
    """The view's part of the screenshot has many colours, marks' too."""
    from PIL import Image

    probe, shot = rendered
    x, y, w, h = (int(v) for v in probe["view"])  # type: ignore[attr-defined]
    with Image.open(shot) as img:
        assert y + 200 < img.height, "the view is below the screenshot"
        crop = img.convert("RGB").crop((x, y, x + w, min(y + h, img.height)))
    colours = crop.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 200
    pixels = crop.width * crop.height
    white = sum(n for n, c in colours if min(c) > 245)
    assert white < 0.95 * pixels
    tinted = sum(n for n, (r, g, b) in colours if max(r, g, b) -
                 min(r, g, b) > 40)
    assert tinted > 0.01 * pixels, "no coloured marks in the view"
