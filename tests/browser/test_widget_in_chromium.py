"""The widget as a resident meets it: on the demo page, in Debian's Chromium."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.browser.conftest import screenshot
from tests.services.servers import free_port

try:
    from playwright.sync_api import expect
except ImportError:  # the chromium_path fixture skips (or fails on CI) with the reason
    expect = None

pytestmark = pytest.mark.browser

QUESTION = "Hoe vraag ik een paspoort aan?"


def demo(gem, path: str = "/demo/tilburg/") -> str:
    return gem.base + path


def open_widget(page):
    page.get_by_role("button", name="Stel uw vraag").click()
    panel = page.get_by_role("dialog", name="Gem, digitale assistent")
    expect(panel).to_be_visible()
    expect(page.locator(".msg--bot").first).to_contain_text("Gem")  # the greeting
    return panel


def ask(page, text: str) -> None:
    """Type a question, send it with Enter and wait for Gem's (first) new answer."""
    before = page.locator(".msg--bot").count()
    page.get_by_label("Typ uw vraag").fill(text)
    page.get_by_label("Typ uw vraag").press("Enter")
    expect(page.locator(".msg--bot").nth(before)).to_be_visible()
    expect(page.locator(".typing")).to_be_empty()


def focused(page) -> str:
    """What has the keyboard focus, also inside the widget's shadow root."""
    return page.evaluate(
        """() => {
            let el = document.activeElement;
            while (el && el.shadowRoot && el.shadowRoot.activeElement) {
                el = el.shadowRoot.activeElement;
            }
            return (el.getAttribute('aria-label') || el.textContent || el.id || el.tagName)
                .trim();
        }"""
    )


def test_resident_asks_gets_an_answer_and_keeps_the_conversation(gem, new_page):
    page = new_page()
    page.goto(demo(gem))
    expect(page.get_by_role("button", name="Stel uw vraag")).to_be_visible()
    expect(page.get_by_role("dialog")).to_be_hidden()
    screenshot(page, "closed")

    open_widget(page)
    assert focused(page) == "gem-input"  # focus moved into the panel
    ask(page, QUESTION)
    expect(page.locator(".msg--resident")).to_have_text(["U zei: " + QUESTION])

    # Gem asks a tailoring question with quick replies; a click answers it.
    reply = page.locator(".reply").first
    expect(reply).to_be_visible()
    title = reply.inner_text()
    answers = page.locator(".msg--bot").count()
    reply.click()
    expect(page.locator(".msg--resident").last).to_have_text("U zei: " + title)
    expect(page.locator(".msg--bot").nth(answers)).to_be_visible()
    expect(page.locator(".replies")).to_have_count(page.locator(".replies").count())
    # Answer markup becomes elements; links open safely in a new window.
    assert page.locator(".msg--bot a").count() >= 1  # answers end with a next step, a link
    for link in page.locator(".msg--bot a").all():
        assert link.get_attribute("target") == "_blank"
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert link.get_attribute("href").startswith(("https://", "http://", "mailto:", "tel:"))
    screenshot(page, "open-with-answer")
    transcript = page.locator(".log").text_content()

    # Reload and navigate: the conversation and the open panel come back.
    page.reload()
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator(".log")).to_have_text(transcript)
    page.get_by_role("link", name="Afval").click()
    expect(page).to_have_url(re.compile("/demo/tilburg/afval/$"))
    expect(page.locator(".log")).to_have_text(transcript)

    # The network drops: the resident is told, and "Probeer opnieuw" sends it after all.
    page.context.set_offline(True)
    page.get_by_label("Typ uw vraag").fill("Wat kost een paspoort?")
    page.get_by_label("Typ uw vraag").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("geen internetverbinding")
    expect(page.locator(".msg--failed")).to_contain_text("Niet verstuurd")
    page.context.set_offline(False)
    answers = page.locator(".msg--bot").count()
    retry = page.get_by_role("button", name="Probeer opnieuw")
    if retry.count():  # the browser's "online" event may have retried already
        retry.click()
    expect(page.locator(".msg--bot").nth(answers)).to_be_visible()
    expect(page.locator(".msg--failed")).to_have_count(0)

    # "Verwijder dit gesprek" erases it on the server too.
    stored = json.loads(page.evaluate("sessionStorage.getItem('gem:gm0855')"))
    page.get_by_role("button", name="Verwijder dit gesprek").click()
    page.get_by_role("button", name="Ja, verwijder het gesprek").click()
    expect(page.get_by_text("Uw gesprek is verwijderd.")).to_be_visible()
    expect(page.locator(".msg")).to_have_count(0)
    gone = httpx.get(
        f"{gem.base}/api/v1/conversations/{stored['id']}",
        headers={"Authorization": f"Bearer {stored['token']}"},
    )
    assert gone.status_code == 404


def test_keyboard_only_conversation(gem, new_page):
    page = new_page(reduced_motion="reduce")
    page.goto(demo(gem))
    # The launcher appears once widget.js has its configuration: wait, then Tab to it.
    expect(page.get_by_role("button", name="Stel uw vraag")).to_be_visible()
    for _ in range(20):  # Tab through the page until the launcher has focus
        page.keyboard.press("Tab")
        if focused(page) == "Stel uw vraag":
            break
    assert focused(page) == "Stel uw vraag"
    launcher = page.get_by_role("button", name="Stel uw vraag")
    outline = launcher.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"  # visible focus

    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    assert focused(page) == "gem-input"
    page.keyboard.type(QUESTION)
    before = page.locator(".msg--bot").count()
    page.keyboard.press("Enter")
    expect(page.locator(".msg--bot").nth(before)).to_be_visible()

    # New messages are announced politely, without taking the focus.
    log = page.get_by_role("log")
    assert log.get_attribute("aria-live") == "polite"
    assert focused(page) == "gem-input"

    # Shift+Tab reaches the quick replies; Enter chooses one and focus returns to the input.
    if page.locator(".reply").count():
        target = page.locator(".reply").last.inner_text()
        for _ in range(6):
            page.keyboard.press("Shift+Tab")
            if focused(page) == target:
                break
        assert focused(page) == target
        before = page.locator(".msg--bot").count()
        page.keyboard.press("Enter")
        expect(page.locator(".msg--bot").nth(before)).to_be_visible()
        assert focused(page) == "gem-input"

    # Reduced motion: the typing dots do not move.
    animation = page.evaluate(
        """() => {
            const typing = document.querySelector('#gem-widget').shadowRoot
                .querySelector('.typing');
            const dots = document.createElement('span');
            const dot = document.createElement('i');
            dots.className = 'dots';
            dots.append(dot);
            typing.append(dots);
            const name = getComputedStyle(dot).animationName;
            dots.remove();
            return name;
        }"""
    )
    assert animation == "none"

    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert focused(page) == "Stel uw vraag"


@pytest.mark.parametrize(
    ("width", "height"),
    [(320, 256), (375, 667)],  # 1280 x 1024 at 400% zoom, and a phone
)
def test_small_screens(gem, new_page, width, height):
    page = new_page(width=width, height=height, is_mobile=True, has_touch=True)
    page.goto(demo(gem))
    open_widget(page)
    ask(page, QUESTION)
    panel = page.get_by_role("dialog")
    box = panel.bounding_box()
    assert box["x"] == 0 and box["width"] == width  # the panel fills the small screen
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    for control in (page.get_by_label("Typ uw vraag"), page.get_by_role("button", name="Verstuur")):
        expect(control).to_be_in_viewport()
    if width == 375:
        screenshot(page, "mobile-375")


def test_demo_page_with_open_panel_has_no_axe_violations(gem, new_page, axe_source):
    page = new_page()
    page.goto(demo(gem))
    open_widget(page)
    ask(page, QUESTION)
    page.evaluate(axe_source)  # through DevTools, so the page's CSP does not apply
    result = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]
    assert violations == []


@pytest.fixture
def municipal_site(gem):
    """A municipality's own website on another origin, with the one-line embed.

    Served from 127.0.0.1 for real (not faked with page.route): Chromium refuses a
    public-looking page access to Gem on the loopback address (Local Network Access).
    """
    html = (
        '<!doctype html><html lang="nl"><head><title>Gemeente</title></head><body><main>'
        "<h1>Website van de gemeente</h1></main>"
        f'<script src="{gem.base}/widget.js" data-municipality="GM0855" defer></script>'
        "</body></html>"
    ).encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_only_allowed_websites_get_the_widget(gem, new_page, municipal_site):
    """The municipality's site (allowed) gets a working widget; another site gets nothing."""
    allowed, other = f"http://127.0.0.1:{municipal_site}", f"http://localhost:{municipal_site}"
    gem.shell(
        "from gembot.tenants.models import Municipality; "
        f"Municipality.objects.filter(code='GM0855').update(allowed_origins=['{allowed}'])"
    )
    page = new_page()
    page.goto(f"{allowed}/afval")
    open_widget(page)  # config, conversation and greeting came cross-origin (CORS)
    ask(page, QUESTION)

    page.goto(f"{other}/afval")
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("button", name="Stel uw vraag")).to_have_count(0)


def live_chat_always_open(gem, code: str) -> None:
    gem.gembot("manage", "livechat", code, "--on")
    gem.gembot("officehours", "set", code, "ma-zo 00:00-24:00")
    gem.shell(
        "from gembot.livechat.actions.municipal import update_livechat_settings; "
        "from gembot.tenants.models import Municipality; "
        f"update_livechat_settings(Municipality.objects.get(code='{code}'), "
        "closed_on_public_holidays=False)"
    )


def test_contact_request_when_nobody_can_chat(gem, new_page):
    live_chat_always_open(gem, "GM0758")  # Breda: live chat on, but no employee online
    page = new_page()
    page.goto(demo(gem, "/demo/breda/"))
    open_widget(page)
    ask(page, "Ik wil een medewerker spreken")
    page.get_by_role("button", name="Contactverzoek sturen").click()
    form = page.get_by_role("form", name="Contactverzoek")
    expect(form).to_be_visible()
    assert focused(page) == "gem-contact-name"
    expect(form.get_by_label("Uw vraag")).to_have_value(re.compile("medewerker"))  # pre-filled

    form.get_by_role("button", name="Verstuur contactverzoek").click()
    expect(form.get_by_text("Vul uw naam in.")).to_be_visible()
    assert form.get_by_label("Naam").get_attribute("aria-invalid") == "true"
    assert focused(page) == "gem-contact-name"

    form.get_by_label("Naam").fill("Jan Jansen")
    form.locator("input[name=phone]").fill("06 12345678")
    form.get_by_role("button", name="Verstuur contactverzoek").click()
    expect(form).to_be_hidden()
    expect(page.locator(".msg--bot").last).to_contain_text("Uw contactverzoek is verstuurd")
    assert focused(page) == "gem-input"


@pytest.fixture(scope="module")
def agent(gem) -> httpx.Client:
    """Anja, an employee of Tilburg, online for live chat at any hour."""
    live_chat_always_open(gem, "GM0855")
    output = gem.gembot(
        "agent", "create", "--municipality", "GM0855", "--username", "anja", "--name", "Anja"
    )
    token = output.strip().splitlines()[-1]
    client = httpx.Client(base_url=gem.base, headers={"Authorization": f"Token {token}"})
    assert client.post("/api/v1/agent/availability", json={"status": "online"}).is_success
    yield client
    client.close()


def hand_over(page, agent) -> str:
    """The resident asks for a person and consents; the agent accepts. Returns the id."""
    ask(page, "Ik wil een medewerker spreken")
    page.get_by_role("button", name="Ja, graag").click()  # consent
    status = page.locator(".status")
    expect(status).to_contain_text("U wacht op een medewerker.")
    expect(status).to_contain_text("U bent nummer 1 in de rij.")
    expect(page.get_by_role("button", name="Stop met wachten")).to_be_visible()
    conversation = agent.get("/api/v1/agent/queue").json()["waiting"][0]["conversation"]
    assert agent.post(f"/api/v1/agent/conversations/{conversation}/accept").is_success
    expect(status).to_contain_text("U praat nu met Anja")
    return conversation


def agent_says(agent, conversation: str, text: str) -> None:
    sent = agent.post(f"/api/v1/agent/conversations/{conversation}/messages", json={"text": text})
    assert sent.is_success, sent.text


def test_handover_to_an_agent_in_real_time(gem, new_page, agent):
    page = new_page()
    polls = []
    page.on("request", lambda r: polls.append(r.url) if "/messages?since=" in r.url else None)
    page.goto(demo(gem))
    open_widget(page)
    conversation = hand_over(page, agent)

    agent_says(agent, conversation, "Goedemiddag, u spreekt met Anja. Waarmee kan ik u helpen?")
    message = page.locator(".msg--agent").last
    expect(message).to_contain_text("Anja (medewerker)")
    expect(message).to_contain_text("Waarmee kan ik u helpen?")
    assert len(polls) <= 1  # only the catch-up when the socket opened: it came over the socket
    screenshot(page, "handover")

    # Agent text is text: no markup, no HTML.
    agent_says(agent, conversation, '<img src=x onerror="alert(1)"> **niet vet**')
    expect(page.locator(".msg--agent").last).to_contain_text('<img src=x onerror="alert(1)">')
    expect(page.locator(".msg--agent img, .msg--agent strong")).to_have_count(0)

    # The resident answers; the agent reads it.
    page.get_by_label("Typ uw vraag").fill("Mijn paspoort is gestolen.")
    page.get_by_label("Typ uw vraag").press("Enter")
    expect(page.locator(".msg--resident").last).to_contain_text("Mijn paspoort is gestolen.")
    transcript = agent.get(f"/api/v1/agent/conversations/{conversation}").json()
    assert "Mijn paspoort is gestolen." in [m["text"] for m in transcript["messages"]]

    # The agent closes; the resident rates the conversation.
    closed = agent.post(
        f"/api/v1/agent/conversations/{conversation}/close", json={"outcome": "answered"}
    )
    assert closed.is_success, closed.text
    expect(page.locator(".status")).to_contain_text("Dit gesprek is afgelopen.")
    page.get_by_role("button", name="4 van 5").click()
    expect(page.get_by_text("Bedankt voor uw beoordeling.")).to_be_visible()


def test_agent_messages_arrive_by_polling_when_websockets_are_blocked(gem, new_page, agent):
    page = new_page()
    page.route_web_socket(re.compile(".*/ws/.*"), lambda socket: socket.close())
    page.goto(demo(gem))
    open_widget(page)
    conversation = hand_over(page, agent)
    agent_says(agent, conversation, "Ik kijk het even voor u na.")
    expect(page.locator(".msg--agent").last).to_contain_text("Ik kijk het even voor u na.")
    agent.post(f"/api/v1/agent/conversations/{conversation}/close", json={"outcome": "other"})
