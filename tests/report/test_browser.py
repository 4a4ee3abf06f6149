"""The report in a real browser: Debian's headless Chromium opens it, renders every chart, fetches nothing.

Data: a few hours of a sandbox game (stsim in-process, observed through the daemon's adapters and writer).
The screenshot is left in the test's tmp directory (its path is printed) for a person to look at.
Skipped, saying why, where no Chromium and chromedriver can be had (`.ci/run` installs them as root).
"""

from __future__ import annotations

import json
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.analytics import load_report
from stdaemon.report import render_page
from tests.analytics.sandbox_game import SandboxGame

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,1000", "--hide-scrollbars",
)  # fmt: skip
NETWORK = ("http:", "https:", "ws:", "wss:", "ftp:")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.skip(
            "no headless Chromium here: `apt-get install chromium chromium-driver` (.ci/run does as root)"
        )
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is a dev extra: pip install -e '.[dev]'"
    )
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    chrome = webdriver.Chrome(service=Service(driver), options=options)  # explicit paths: nothing downloaded
    try:
        yield chrome
    finally:
        chrome.quit()


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


async def test_the_report_renders_offline_in_chromium(
    clean_db: AsyncEngine, browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    observed = await SandboxGame(hours=2).play()
    await observed.write(clean_db)
    data = await load_report(clean_db)
    page = tmp_path / "report.html"
    page.write_text(render_page(data), encoding="utf-8")
    figures = 3 + len(data.goods)  # credits, the ledger, the map, one price chart per good
    assert data.goods and data.fleet and data.credits and data.waypoints and data.ledger

    browser.get_log("performance")  # drop what the browser did before opening the page (its new tab page)
    browser.get(page.as_uri())
    rendered = "return document.querySelectorAll('.js-plotly-plot .main-svg .trace').length"
    WebDriverWait(browser, 30).until(lambda b: b.execute_script(rendered) > figures)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    metrics = {"width": 1400, "height": height, "deviceScaleFactor": 1, "mobile": False}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)  # the whole page in one shot
    browser.execute_async_script(  # let every chart lay itself out for the new size before the shot
        "const done = arguments[arguments.length - 1];"
        "Promise.all([...document.querySelectorAll('.js-plotly-plot')].map(p => Plotly.Plots.resize(p)))"
        ".then(() => done(true));"
    )
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    print(f"screenshot: {shot}")

    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == [], errors
    requests = [
        json.loads(e["message"])["message"]["params"]["request"]["url"]
        for e in browser.get_log("performance")
        if '"Network.requestWillBeSent"' in e["message"]
    ]
    assert page.as_uri() in requests, "the performance log did not even see the file opened"
    assert [u for u in requests if u.startswith(NETWORK)] == [], "the page fetched something"

    plots = browser.execute_script(
        "return [...document.querySelectorAll('.js-plotly-plot')].map(p => [p.id,"
        " p.querySelectorAll('.main-svg .trace').length, p.getBoundingClientRect().height])"
    )
    assert len(plots) == figures
    assert all(traces > 0 and height > 200 for _, traces, height in plots), plots
    assert {"credits", "ledger", "system-map"} <= {plot_id for plot_id, _, _ in plots}
    map_text = browser.execute_script("return document.getElementById('system-map').textContent")
    assert all(s.ship_symbol in map_text for s in data.fleet)  # our ships are on the map
    assert browser.execute_script("return document.querySelectorAll('table tbody tr').length") >= len(
        data.fleet
    )
    width, shot_height = _png_size(shot)
    assert (width, shot_height) == (1400, height) and shot.stat().st_size > 100_000
