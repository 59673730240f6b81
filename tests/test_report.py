"""`sorot evaluate --report`: plots and a self-contained page, checked in headless Chromium."""

from __future__ import annotations

import shutil

import pytest
from helpers import sorot

from sorot.inference.text.resources import data_path

GOLD = data_path("samples/gold.jsonl")


@pytest.fixture(scope="module")
def page(trained, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    r = sorot("evaluate", "--model", trained[1], "--gold", GOLD, "-o", out / "dev",
              "--report", out / "html")
    assert r.returncode == 0, r.stderr
    return out / "html" / "index.html"


def test_report_files_and_a_page_without_external_resources(page):
    names = sorted(p.name for p in page.parent.iterdir())
    assert names == ["calibration.png", "entity_f1.png", "index.html", "label_confusion.png",
                     "label_f1.png", "primary_confusion.png"]
    html = page.read_text()
    assert html.count('src="data:image/png;base64,') == 5
    assert "http://" not in html and "https://" not in html and "<script" not in html
    assert "Worst errors" in html and "<td>LEADER</td>" in html


def _browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        pytest.skip("headless Chromium and chromedriver are not installed")
    selenium = pytest.importorskip("selenium.webdriver")
    opts = selenium.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    from selenium.webdriver.chrome.service import Service

    return selenium.Chrome(options=opts, service=Service(driver))


def test_page_renders_in_headless_chromium_with_images_and_no_console_errors(page):
    browser = _browser()
    try:
        browser.get(page.as_uri())
        assert browser.title.startswith("sorot evaluation")
        images = browser.execute_script(
            "return [...document.images].map(i => [i.complete, i.naturalWidth, i.naturalHeight])")
        assert len(images) == 5 and all(ok and w > 100 and h > 100 for ok, w, h in images)
        height = browser.execute_script("return document.body.scrollHeight")
        assert height > 1000  # tables, five figures and the error list are laid out
        errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        assert errors == []
    finally:
        browser.quit()
