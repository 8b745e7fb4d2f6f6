"""The public /subscribe form refuses a bad submission in a real browser (chromium): the
form comes back as HTML (422), the reason in plain words beside the field it is about,
and what the visitor typed and ticked still there.

On main (stop 38) the reason was a banner above the form (``target refused: ...``), the
field not marked, a pydantic limit in pydantic's words."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
import pytest_asyncio
from wirewatch_notify import subscriptions

from tests.notify.support import make_service
from tests.support.http import serving
from wirewatch.http_app import build_http_app
from wirewatch.ops.pages import PagesContext
from wirewatch.ops.subscribe_flow import SubscribeFlow

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="module")]

LOOPBACK = (
    "target refused: refusing to connect to 127.0.0.1: loopback address "
    "(WIREWATCH_NOTIFY_ALLOW_PRIVATE_NETWORKS=true allows private and loopback targets)"
)
# A catalogue of more topics than one subscription may follow (20): ticking them all is
# the form's way to meet the limit.
CATALOGUE = ["border-policy", "repatriation-flights", *(f"topic-{n:02}" for n in range(19))]


class Site:
    def __init__(self, url: str, flow: SubscribeFlow, topics: list[str]) -> None:
        self.url, self.flow, self.topics = url, flow, topics


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def site(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Site]:
    """The composed HTTP app (API and pages, as `wirewatch up` serves them), SQLite."""
    database = tmp_path_factory.mktemp("form") / "form.db"
    service = make_service(f"sqlite:///{database}", notify_allow_private_networks=False)
    topics = list(CATALOGUE)
    flow = SubscribeFlow(service.engine, service.box, service.settings, lambda: topics)

    async def no_snapshot() -> Any:
        raise AssertionError("/subscribe needs no status snapshot")

    app = build_http_app(service, pages=PagesContext(snapshot=no_snapshot, subscriptions=flow))
    async with serving(app) as url:
        yield Site(url, flow, topics)
    service.engine.dispose()


async def _submit(site: Site, browser: Any, fill: Callable[[Any], Any]) -> tuple[Any, Any]:
    """Open the form, let ``fill`` fill it in, submit; the page and the form's answer."""
    page = await browser.new_page()
    await page.goto(f"{site.url}/subscribe")
    await fill(page)
    async with page.expect_response(lambda r: r.request.method == "POST") as answer:
        await page.click("#subscribe-form button[type=submit]")
    await page.wait_for_load_state("load")
    return page, await answer.value


async def _refused_beside(page: Any, response: Any, field: str) -> str:
    """The reason shown beside ``field``, after checking the answer is the form again."""
    assert response.status == 422
    assert response.headers["content-type"].startswith("text/html")
    assert await page.locator("#subscribe-form").count() == 1
    assert await page.locator(f"#{field}-error").count() == 1, await page.inner_text("main")
    assert await page.get_attribute(f"[aria-describedby='{field}-error']", "aria-invalid") == "true"
    assert await page.locator(".field-error").count() == 1  # one reason, at one field
    assert "see the note beside the field" in await page.inner_text("#error")
    text: str = await page.inner_text(f"#{field}-error")
    return text


async def test_a_bad_email_address_is_named_beside_the_address(site: Site, browser: Any) -> None:
    async def fill(page: Any) -> None:
        await page.check('input[name="topic"][value="border-policy"]')
        await page.check('input[name="channel"][value="email"]')
        await page.fill("#target", "reader.example.org")
        await page.fill("#min_score", "0.3")

    page, response = await _submit(site, browser, fill)
    reason = await _refused_beside(page, response, "target")
    assert reason == "not a valid email address: 'reader.example.org'"
    assert await page.input_value("#target") == "reader.example.org"  # kept
    assert await page.input_value("#min_score") == "0.3"
    assert await page.is_checked('input[name="topic"][value="border-policy"]')
    assert await page.is_checked('input[name="channel"][value="email"]')
    await page.close()


async def test_a_webhook_to_a_private_address_is_named_beside_the_url(
    site: Site, browser: Any
) -> None:
    async def fill(page: Any) -> None:
        await page.check('input[name="topic"][value="border-policy"]')
        await page.check('input[name="channel"][value="webhook"]')
        await page.fill("#target", "http://127.0.0.1:9/hook")

    page, response = await _submit(site, browser, fill)
    assert await _refused_beside(page, response, "target") == LOOPBACK
    assert await page.input_value("#target") == "http://127.0.0.1:9/hook"
    await page.close()


async def test_a_route_country_that_is_no_code_is_named_beside_it(site: Site, browser: Any) -> None:
    async def fill(page: Any) -> None:
        await page.fill("#flight_origin", "UK")
        await page.fill("#target", "https://hooks.example.org/in")
        await page.check('input[name="channel"][value="webhook"]')

    page, response = await _submit(site, browser, fill)
    reason = await _refused_beside(page, response, "flight_origin")
    assert reason == "not an ISO 3166-1 alpha-2 country code: 'UK' (did you mean GB?)"
    assert await page.input_value("#flight_origin") == "UK"
    await page.close()


async def test_more_topics_than_the_limit_are_named_beside_the_topics(
    site: Site, browser: Any
) -> None:
    async def fill(page: Any) -> None:
        for box in await page.locator('input[name="topic"]').all():
            await box.check()
        await page.check('input[name="channel"][value="webhook"]')
        await page.fill("#target", "https://hooks.example.org/in")

    page, response = await _submit(site, browser, fill)
    assert await _refused_beside(page, response, "topic") == "at most 20 allowed, not 21"
    assert len(await page.locator('input[name="topic"]:checked').all()) == 21
    await page.close()


async def test_a_topic_withdrawn_since_the_form_was_loaded_is_named(
    site: Site, browser: Any
) -> None:
    async def fill(page: Any) -> None:
        await page.check('input[name="topic"][value="topic-00"]')
        await page.check('input[name="channel"][value="webhook"]')
        await page.fill("#target", "https://hooks.example.org/in")
        site.topics.remove("topic-00")  # an operator deleted that user topic meanwhile

    try:
        page, response = await _submit(site, browser, fill)
    finally:
        site.topics[:] = CATALOGUE
    assert await _refused_beside(page, response, "topic") == "unknown topic: topic-00"
    await page.close()
    assert subscriptions.list_subscriptions(site.flow.engine) == []  # nothing stored
