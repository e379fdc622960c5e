"""The web page in a real headless Chromium against a real server holding the seeds graph.

Screenshots go to test-artifacts/web/. Every request the page makes is recorded and must
stay on 127.0.0.1.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from api_support import serve

from accords.store import OxigraphStore

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "web"
CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RUSSIA, IRAN, TURKEY, SYRIA, IRAQ = (
    f"https://w3id.org/accords/id/entity/{q}" for q in ("Q159", "Q794", "Q43", "Q858", "Q796")
)


@pytest.fixture(scope="module")
def base_url(seeds_store_path: Path) -> Iterator[str]:
    store = OxigraphStore(seeds_store_path, read_only=True)
    with serve(store) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            "no Chromium: install Debian's chromium package (make browser) to run the browser tests"
        )
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        yield b
        b.close()


class Recorder:
    def __init__(self) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []

    def outside(self) -> list[str]:
        """Requests that would leave 127.0.0.1 (data: and blob: URLs stay in the page)."""
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                continue
            if parts.scheme not in ("http", "https") or parts.hostname != "127.0.0.1":
                out.append(url)
        return out


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[tuple[Any, Recorder]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    recorder = Recorder()
    pg = context.new_page()
    pg.on("request", lambda r: recorder.urls.append(r.url))
    pg.on("pageerror", lambda e: recorder.errors.append(str(e)))
    pg.set_default_timeout(30_000)
    yield pg, recorder
    context.close()


def shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def set_year(pg: Any, year: int) -> None:
    """Move the year slider with the keyboard, as a person would."""
    slider = pg.locator("#year")
    pg.wait_for_function("!document.getElementById('year').disabled")
    first = int(slider.get_attribute("min"))
    slider.focus()
    pg.keyboard.press("Home")
    for _ in range(year - first):
        pg.keyboard.press("ArrowRight")
    pg.wait_for_function(
        f"document.getElementById('rel-year').textContent === '{year}'"
        " && !document.getElementById('graph-status').classList.contains('loading')"
    )


def edges(pg: Any) -> list[dict[str, str]]:
    result: list[dict[str, str]] = pg.evaluate(
        "window.accords.cy.edges().map(e => ({type: e.data('type'), source: e.data('source'),"
        " target: e.data('target'), basis: e.data('basis')}))"
    )
    return result


def pairs(found: list[dict[str, str]], rtype: str) -> set[frozenset[str]]:
    return {frozenset((e["source"], e["target"])) for e in found if e["type"] == rtype}


def open_explorer(pg: Any, base_url: str) -> None:
    pg.goto(base_url + "/")
    pg.wait_for_selector("#rel-list button")


def test_explorer_2018_connects_russia_iran_turkey(
    page: tuple[Any, Recorder], base_url: str
) -> None:
    pg, rec = page
    open_explorer(pg, base_url)
    set_year(pg, 2018)
    found = edges(pg)
    trio = {frozenset((RUSSIA, IRAN)), frozenset((RUSSIA, TURKEY)), frozenset((IRAN, TURKEY))}
    assert trio <= pairs(found, "DiplomaticCoordination")
    listed = pg.locator("#rel-list button").all_inner_texts()
    assert any(
        "diplomatic coordination" in t and all(n in t for n in ("Türkiye", "Iran", "Russia"))
        for t in listed
    ), listed
    assert "2018" in pg.locator("#graph-status").inner_text()
    shot(pg, "explorer-2018")
    assert rec.outside() == [] and rec.errors == []


def test_explorer_2015_shows_the_four_way_intelligence_sharing(
    page: tuple[Any, Recorder], base_url: str
) -> None:
    pg, rec = page
    open_explorer(pg, base_url)
    set_year(pg, 2015)
    four = [IRAQ, RUSSIA, IRAN, SYRIA]
    wanted = {frozenset((a, b)) for i, a in enumerate(four) for b in four[i + 1 :]}
    assert wanted <= pairs(edges(pg), "IntelligenceSharing")
    assert not pairs(edges(pg), "DiplomaticCoordination")  # the 2018 trio is not there yet
    listed = pg.locator("#rel-list button").all_inner_texts()
    assert any("intelligence sharing: Iraq, Syria, Iran, Russia" in t for t in listed), listed
    shot(pg, "explorer-2015")
    pg.locator("#play").click()  # play moves the year forward and redraws
    pg.wait_for_function("document.getElementById('rel-year').textContent === '2016'")
    assert pg.locator("#play").get_attribute("aria-pressed") == "true"
    pg.locator("#play").click()
    assert pg.locator("#play").get_attribute("aria-pressed") == "false"
    assert rec.outside() == [] and rec.errors == []


def test_clicking_an_edge_shows_the_sentence_with_its_span_marked(
    page: tuple[Any, Recorder], base_url: str
) -> None:
    pg, rec = page
    open_explorer(pg, base_url)
    set_year(pg, 2015)
    # show intelligence sharing only, as an analyst would, so no other edge lies on top of it
    for box in pg.locator("#type-filter input[type=checkbox]").all():
        if box.get_attribute("value") != "IntelligenceSharing" and box.is_checked():
            box.uncheck()
    point = pg.evaluate(
        """([a, b]) => {
          const cy = window.accords.cy;
          const edge = cy.edges('[type = "IntelligenceSharing"]').filter(e =>
            [a, b].every(x => [e.data('source'), e.data('target')].includes(x)))[0];
          const box = cy.container().getBoundingClientRect();
          const p = edge.renderedMidpoint();
          return {x: box.left + p.x, y: box.top + p.y};
        }""",
        [IRAQ, IRAN],
    )
    pg.mouse.click(point["x"], point["y"])
    panel = pg.locator("#evidence")
    panel.wait_for(state="visible")
    assert pg.locator("#ev-title").inner_text() == "Intelligence sharing"
    pg.wait_for_selector("#evidence .ev-item blockquote mark")
    quote = pg.locator("#evidence .ev-item blockquote").first
    marked = quote.locator("mark").first.inner_text()
    assert marked and marked in quote.inner_text()
    assert len(marked) < len(quote.inner_text())  # the span, not the whole sentence
    assert "Iraq" in pg.locator("#evidence .facts").inner_text()
    assert pg.locator("#evidence .ev-item .src").first.inner_text().strip()
    pg.locator("#evidence .ev-item button").first.click()  # the sentence in its document
    pg.wait_for_selector("#evidence .ctx p.here")
    pg.wait_for_selector("#evidence .claim, #evidence h3 + div p:not(.loading)")
    shot(pg, "evidence-panel")
    pg.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    assert rec.outside() == [] and rec.errors == []


def ask(pg: Any, base_url: str, question: str) -> None:
    pg.goto(base_url + "/#ask")
    pg.locator("#question").fill(question)
    pg.keyboard.press("Enter")
    pg.wait_for_selector("#answer [data-understood]")


def test_ask_which_alliances_existed_in_2018(page: tuple[Any, Recorder], base_url: str) -> None:
    pg, rec = page
    expected = httpx.get(base_url + "/alliances", params={"year": 2018, "limit": 500}).json()[
        "count"
    ]
    assert expected >= 3
    ask(pg, base_url, "which alliances existed in 2018")
    assert f"{expected} found" in pg.locator("#answer .message").inner_text()
    rows = pg.locator("#answer table.rows tbody tr").all_inner_texts()
    assert len(rows) == expected
    assert any("diplomatic coordination" in r and "Iran" in r and "Türkiye" in r for r in rows)
    assert any("backing" in r and "Syria" in r for r in rows)
    assert pg.locator("#answer .ev q").count() >= 3  # each row with its sentences
    pg.locator("#answer details summary").click()
    assert "SELECT" in pg.locator("#answer pre").inner_text()
    shot(pg, "ask-2018")
    assert rec.outside() == [] and rec.errors == []


def test_ask_an_unanswerable_question_says_not_understood(
    page: tuple[Any, Recorder], base_url: str
) -> None:
    pg, rec = page
    ask(pg, base_url, "what is the best pizza in Naples")
    note = pg.locator("#answer .not-understood")
    assert "Not understood" in note.inner_text()
    assert pg.locator("#answer table.rows").count() == 0
    shot(pg, "ask-not-understood")
    assert rec.outside() == [] and rec.errors == []


def test_console_runs_a_named_query_and_shows_rows(
    page: tuple[Any, Recorder], base_url: str
) -> None:
    pg, rec = page
    pg.goto(base_url + "/#console")
    pg.wait_for_selector(".yasqe .CodeMirror")
    assert "alliances_in_year" in pg.locator("#yasgui").inner_text()
    pg.locator(".yasqe_queryButton").first.click()
    pg.wait_for_selector(".yasr table tbody tr td")
    assert pg.locator(".yasr table tbody tr").count() > 0
    assert "Russia" in pg.locator(".yasr table tbody").inner_text()
    shot(pg, "console")
    assert rec.outside() == [] and rec.errors == []


def test_timeline_of_a_pair(page: tuple[Any, Recorder], base_url: str) -> None:
    pg, rec = page
    pg.goto(base_url + "/#timeline")
    pg.wait_for_selector(f"#tl-a option[value='{TURKEY}']", state="attached")
    pg.locator("#tl-a").select_option(TURKEY)
    pg.locator("#tl-b").select_option(SYRIA)
    pg.locator("#timeline-form button[type=submit]").click()
    pg.wait_for_selector("#timeline svg")
    marks = pg.locator("#timeline .tl-hit")
    labels = [marks.nth(i).get_attribute("aria-label") or "" for i in range(marks.count())]
    assert any(lab.startswith(("talks 2020-01-13", "meeting 2020-01-13")) for lab in labels), labels
    assert any(lab.startswith("rivalry") for lab in labels), labels
    shot(pg, "timeline-turkey-syria")
    pg.locator("#timeline .tl-hit").filter(has=pg.locator("circle")).first.focus()
    pg.keyboard.press("Enter")
    pg.locator("#evidence").wait_for(state="visible")
    assert "Moscow" in pg.locator("#evidence .facts").inner_text()
    shot(pg, "timeline-evidence")
    assert rec.outside() == [] and rec.errors == []


def test_narrow_screen(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    urls: list[str] = []
    pg.on("request", lambda r: urls.append(r.url))
    pg.goto(base_url + "/")
    pg.wait_for_selector("#rel-list button")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 392  # nothing forces sideways scrolling
    shot(pg, "narrow-explorer")
    context.close()
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in urls if u.startswith("http"))


def test_an_empty_store_says_so(browser: Any) -> None:
    with serve(OxigraphStore()) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        pg = context.new_page()
        pg.goto(url + "/")
        banner = pg.locator("#banner")
        banner.wait_for(state="visible")
        assert "no relationships" in banner.inner_text()
        assert "accords ingest" in banner.inner_text()
        shot(pg, "empty-store")
        context.close()


def test_a_failed_request_is_reported(page: tuple[Any, Recorder], base_url: str) -> None:
    pg, _ = page
    pg.route("**/ask?*", lambda route: route.fulfill(status=503, json={"detail": "store busy"}))
    ask_page = base_url + "/#ask"
    pg.goto(ask_page)
    pg.locator("#question").fill("which alliances existed in 2018")
    pg.keyboard.press("Enter")
    error = pg.locator("#ask-status.error")
    error.wait_for()
    assert "503" in error.inner_text() and "store busy" in error.inner_text()
    assert pg.locator("#answer table.rows").count() == 0
