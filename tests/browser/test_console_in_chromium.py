"""The agent console in Debian's Chromium at 1280x800: keyboard, realtime, accessibility."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def console_agent(gem):
    gem.gembot("manage", "livechat", "GM0363", "--on")
    gem.gembot("officehours", "set", "GM0363", "ma-zo 00:00-24:00")
    gem.gembot(
        "agent",
        "create",
        "--municipality",
        "GM0363",
        "--username",
        "sanne",
        "--name",
        "Sanne",
        "--password",
        "geheim-wachtwoord-123",
    )
    return "sanne", "geheim-wachtwoord-123"


def log_in(page, gem, credentials) -> None:
    page.goto(f"{gem.base}/console/")
    username, password = credentials
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_label("Wachtwoord").press("Enter")
    page.get_by_text("Verbonden").wait_for()


def waiting_resident(base: str) -> dict:
    resident = httpx.post(f"{base}/api/v1/conversations", json={"municipality": "GM0363"}).json()
    resident["auth"] = {"Authorization": f"Bearer {resident['token']}"}
    httpx.post(
        f"{base}/api/v1/conversations/{resident['id']}/messages",
        json={"text": "Hoe vraag ik een parkeervergunning aan?"},
        headers=resident["auth"],
    )
    joined = httpx.post(
        f"{base}/api/v1/conversations/{resident['id']}/handover", headers=resident["auth"]
    )
    assert joined.status_code == 200, joined.text
    return resident


def test_agent_takes_a_chat_with_the_keyboard(gem, new_page, console_agent):
    from playwright.sync_api import expect

    page = new_page(1280, 800)
    log_in(page, gem, console_agent)
    page.get_by_label("online").check()
    expect(page.get_by_label("online")).to_be_checked()

    resident = waiting_resident(gem.base)
    entry = page.locator("#queue button").first
    expect(entry).to_contain_text("parkeervergunning", timeout=20_000)  # preview, by websocket
    expect(page.locator("#announce")).to_contain_text("Nieuwe inwoner in de wachtrij")
    expect(page.locator("#queue-count")).to_have_text("1")
    entry.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#transcript")).to_contain_text("Hoe vraag ik een parkeervergunning aan?")
    page.get_by_role("button", name="Aannemen").click()
    expect(page.get_by_label("Uw bericht aan de inwoner")).to_be_focused()

    page.keyboard.type("Goedemiddag, ik help u graag.")
    page.keyboard.press("Enter")
    expect(page.locator("#transcript .message.agent").last).to_contain_text("ik help u graag")
    messages = httpx.get(
        f"{gem.base}/api/v1/conversations/{resident['id']}/messages", headers=resident["auth"]
    ).json()["messages"]
    assert messages[-1]["text"] == "Goedemiddag, ik help u graag."
    assert messages[-1]["sender_name"] == "Sanne"

    httpx.post(
        f"{gem.base}/api/v1/conversations/{resident['id']}/messages",
        json={"text": "Dank u, ik woon in de binnenstad."},
        headers=resident["auth"],
    )
    expect(page.locator("#transcript .message.resident").last).to_contain_text("binnenstad")

    page.get_by_role("textbox", name="Notitie", exact=True).fill(
        "Vergunning binnenstad: wachtlijst noemen"
    )
    page.get_by_role("button", name="Notitie opslaan").click()
    expect(page.locator("#notes")).to_contain_text("wachtlijst noemen")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_label("Uitkomst").select_option("answered")
    page.get_by_role("button", name="Afsluiten").click()
    expect(page.locator("#transcript .message.system").last).to_contain_text("Geef een cijfer")


def test_focus_is_visible_and_no_axe_violations(gem, new_page, console_agent, axe_source):
    page = new_page(1280, 800)
    log_in(page, gem, console_agent)
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.evaluate(axe_source)
    result = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    assert [v["id"] for v in result["violations"]] == []
