/*! Gem chat widget (EUPL-1.2). Plain JavaScript: no framework, no build step.
 *
 * <script src="https://<gem-host>/widget.js" data-municipality="GM0855" defer></script>
 * Optional: data-language="nl|en", data-open, data-topic="...", data-greeting="...".
 *
 * Safety rules of this file: every text (resident, bot, agent, server) reaches the page
 * through textContent or createTextNode, never as HTML; no eval or string timers; links
 * only for http(s), mailto and tel. The styles live in a shadow root as a constructable
 * stylesheet, so a page with `style-src 'self'` needs nothing extra.
 */
(function () {
  "use strict";

  var script = document.currentScript ||
    document.querySelector("script[data-municipality][src*='widget.js']");
  if (!script || window.gemWidget) return;
  window.gemWidget = {};
  var CSS = "/*__GEM_CSS__*/"; // gembot.widget.views puts widget.css here when serving /widget.js

  var data = script.dataset;
  var BASE = new URL(script.src, location.href).origin;
  var MUNICIPALITY = (data.municipality || "").trim();
  var LANG = pickLanguage(data.language);
  var OPEN_ON_LOAD = data.open !== undefined && data.open !== "false" && data.open !== "0";
  var TOPIC = (data.topic || "").trim();
  var PAGE_GREETING = (data.greeting || "").trim();
  var STORE_KEY = "gem:" + MUNICIPALITY.toLowerCase();
  var CONTACT_TOPIC = "contactverzoek"; // Gem's reply to the button "/contactverzoek"
  var HANDOVER_STATES = ["waiting_for_agent", "with_agent"];
  var STOP_WAITING = "/wachten_stoppen"; // the status bar has its own "Stop met wachten"
  var REDUCED_MOTION = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;

  var TEXTS = {
    nl: {
      launcher: "Stel uw vraag", unread: function (n) { return n === 1 ? "1 nieuw bericht" : n + " nieuwe berichten"; },
      unreadAnnounce: "U heeft een nieuw bericht in de chat van de gemeente.",
      region: "Chat met de gemeente", title: "Gem, digitale assistent", subtitle: function (name) { return "Gemeente " + name; },
      close: "Chatvenster sluiten", log: "Gesprek", inputLabel: "Typ uw vraag", send: "Verstuur",
      you: "U zei:", gem: "Gem zegt:", agent: function (n) { return (n || "Medewerker") + " (medewerker)"; },
      system: "Bericht:",
      typing: "Gem schrijft een antwoord", agentTyping: function (n) { return (n || "De medewerker") + " typt"; },
      replies: "Antwoordkeuzes", newWindow: "(opent in een nieuw venster)",
      privacy: "Privacy", erase: "Verwijder dit gesprek",
      eraseConfirm: "Wilt u dit gesprek echt verwijderen? Dit kunt u niet terugdraaien.",
      eraseYes: "Ja, verwijder het gesprek", eraseNo: "Nee, terug",
      erased: "Uw gesprek is verwijderd.", restart: "Begin een nieuw gesprek",
      offline: "U heeft geen internetverbinding. Controleer uw verbinding en probeer het opnieuw.",
      unreachable: "Gem is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.",
      retry: "Probeer opnieuw", notSent: "Niet verstuurd",
      expired: "Uw vorige gesprek bestaat niet meer. U kunt een nieuw gesprek beginnen.",
      waiting: "U wacht op een medewerker.", position: function (n) { return "U bent nummer " + n + " in de rij."; },
      cancelWaiting: "Stop met wachten",
      withAgent: function (n) { return n ? "U praat nu met " + n + ", medewerker van de gemeente." : "U praat nu met een medewerker van de gemeente."; },
      closed: "Dit gesprek is afgelopen.",
      rateQuestion: "Wat vond u van dit gesprek?", rate: function (n) { return n + " van 5"; },
      rated: "Bedankt voor uw beoordeling.",
      contactTitle: "Contactverzoek",
      contactIntro: "Laat uw gegevens achter. Een medewerker van de gemeente neemt contact met u op.",
      name: "Naam", email: "E-mailadres", phone: "Telefoonnummer", question: "Uw vraag",
      optional: "(niet verplicht als u een telefoonnummer invult)", optionalPhone: "(niet verplicht als u een e-mailadres invult)",
      contactSend: "Verstuur contactverzoek", contactCancel: "Annuleer",
      needName: "Vul uw naam in.", needReach: "Vul een e-mailadres of een telefoonnummer in.",
      badEmail: "Vul een e-mailadres in zoals naam@voorbeeld.nl.",
      contactSent: "Bedankt. Wij hebben uw contactverzoek ontvangen. Een medewerker neemt contact met u op."
    },
    en: {
      launcher: "Ask your question", unread: function (n) { return n === 1 ? "1 new message" : n + " new messages"; },
      unreadAnnounce: "You have a new message in the municipality's chat.",
      region: "Chat with the municipality", title: "Gem, digital assistant", subtitle: function (name) { return "Municipality of " + name; },
      close: "Close the chat window", log: "Conversation", inputLabel: "Type your question", send: "Send",
      you: "You said:", gem: "Gem says:", agent: function (n) { return (n || "Employee") + " (employee)"; },
      system: "Message:",
      typing: "Gem is writing an answer", agentTyping: function (n) { return (n || "The employee") + " is typing"; },
      replies: "Answer options", newWindow: "(opens in a new window)",
      privacy: "Privacy", erase: "Delete this conversation",
      eraseConfirm: "Do you really want to delete this conversation? You cannot undo this.",
      eraseYes: "Yes, delete the conversation", eraseNo: "No, go back",
      erased: "Your conversation has been deleted.", restart: "Start a new conversation",
      offline: "You are not connected to the internet. Check your connection and try again.",
      unreachable: "Gem cannot be reached right now. Please try again in a few minutes.",
      retry: "Try again", notSent: "Not sent",
      expired: "Your previous conversation no longer exists. You can start a new conversation.",
      waiting: "You are waiting for an employee.", position: function (n) { return "You are number " + n + " in the queue."; },
      cancelWaiting: "Stop waiting",
      withAgent: function (n) { return n ? "You are now talking to " + n + ", an employee of the municipality." : "You are now talking to an employee of the municipality."; },
      closed: "This conversation has ended.",
      rateQuestion: "How was this conversation?", rate: function (n) { return n + " out of 5"; },
      rated: "Thank you for your rating.",
      contactTitle: "Contact request",
      contactIntro: "Leave your details. An employee of the municipality will contact you.",
      name: "Name", email: "E-mail address", phone: "Phone number", question: "Your question",
      optional: "(optional if you give a phone number)", optionalPhone: "(optional if you give an e-mail address)",
      contactSend: "Send contact request", contactCancel: "Cancel",
      needName: "Enter your name.", needReach: "Enter an e-mail address or a phone number.",
      badEmail: "Enter an e-mail address like name@example.com.",
      contactSent: "Thank you. We have received your contact request. An employee will contact you."
    }
  };
  var T = TEXTS[LANG];

  function pickLanguage(value) {
    value = (value || document.documentElement.lang || "nl").toLowerCase();
    return value.indexOf("en") === 0 ? "en" : "nl";
  }

  // --- state ----------------------------------------------------------------------------

  var state = {
    config: null, conversation: null, status: "with_gem", lastId: 0, seen: {},
    socket: null, socketTries: 0, reconnectTimer: 0, pollTimer: 0, typingTimer: 0,
    agentName: "", position: null, unread: 0, starting: null, buttons: {}, rated: false
  };
  var ui = {};

  function stored() {
    try { return JSON.parse(sessionStorage.getItem(STORE_KEY)) || {}; } catch (e) { return {}; }
  }
  function store(patch) {
    var value = stored();
    for (var key in patch) value[key] = patch[key];
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }
  function forgetConversation() {
    var value = stored();
    delete value.id; delete value.token;
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(value)); } catch (e) { /* private mode */ }
    stopRealtime();
    state.conversation = null; state.status = "with_gem"; state.lastId = 0; state.seen = {};
    state.agentName = ""; state.position = null; state.buttons = {}; state.rated = false;
  }

  // --- HTTP -----------------------------------------------------------------------------

  function ApiFailure(status, body) {
    this.status = status;
    var error = body && body.error;
    this.code = error && error.code;
    this.message = error && (LANG === "en" ? error.message_en : error.message);
    this.fields = error && error.fields;
  }

  function api(method, path, body) {
    // GET config stays a "simple" request without a CORS preflight, so a refused website
    // reads the 403 instead of a network error.
    var headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (path === "/api/v1/conversations") headers["X-Gem-Client"] = "widget";
    if (state.conversation && path.indexOf("/conversations/") > 0) {
      headers.Authorization = "Bearer " + state.conversation.token;
    }
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, 20000);
    return fetch(BASE + path, {
      method: method, headers: headers, credentials: "omit", mode: "cors",
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      clearTimeout(timer);
      if (response.status === 204) return null;
      return response.json().catch(function () { return null; }).then(function (json) {
        if (!response.ok) throw new ApiFailure(response.status, json);
        return json;
      });
    }, function () {
      clearTimeout(timer);
      throw new ApiFailure(0, null); // network error, timeout or CORS refusal
    });
  }

  function isUnreachable(error) {
    return !(error instanceof ApiFailure) || error.status === 0 || error.status >= 500;
  }

  // --- DOM helpers ----------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) continue;
      if (name === "text") node.textContent = value;
      else if (name === "on") for (var type in value) node.addEventListener(type, value[type]);
      else node.setAttribute(name, value === true ? "" : value);
    }
    (children || []).forEach(function (child) { if (child) node.append(child); });
    return node;
  }

  var ICONS = {
    chat: "M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.4A8 8 0 1 1 21 12z",
    close: "M6 6l12 12M18 6L6 18"
  };
  function icon(name) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
  }

  function safeHref(url) {
    try {
      var parsed = new URL(url);
      return ["http:", "https:", "mailto:", "tel:"].indexOf(parsed.protocol) >= 0 ? parsed.href : null;
    } catch (e) { return null; }
  }

  function link(text, href) {
    var a = el("a", { href: href, text: text });
    if (/^https?:/.test(href)) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.append(el("span", { "class": "sr-only", text: " " + T.newWindow }));
    }
    return a;
  }

  // The answer markup: **bold** and [text](url) within a line.
  var INLINE = /\*\*(.+?)\*\*|\[([^\[\]\n]+)\]\(([^()\s]+)\)/g;
  function appendInline(parent, text) {
    var last = 0, match;
    INLINE.lastIndex = 0;
    while ((match = INLINE.exec(text))) {
      if (match.index > last) parent.append(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) {
        parent.append(el("strong", { text: match[1] }));
      } else {
        var href = safeHref(match[3]);
        parent.append(href ? link(match[2], href) : document.createTextNode(match[0]));
      }
      last = INLINE.lastIndex;
    }
    if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
  }

  // Paragraphs split by blank lines; lines starting with "- " form a list.
  function appendMarkup(parent, text) {
    String(text || "").trim().split(/\n\s*\n/).forEach(function (block) {
      var words = [], list = null;
      function flush() {
        if (!words.length) return;
        var p = el("p");
        appendInline(p, words.join(" "));
        parent.append(p);
        words = [];
      }
      block.split("\n").forEach(function (raw) {
        var line = raw.trim();
        if (!line) return;
        if (line.indexOf("- ") === 0) {
          flush();
          if (!list) { list = el("ul"); parent.append(list); }
          var item = el("li");
          appendInline(item, line.slice(2));
          list.append(item);
        } else {
          list = null;
          words.push(line);
        }
      });
      flush();
    });
  }

  // --- building the widget --------------------------------------------------------------

  function build() {
    var host = el("div", { id: "gem-widget", "data-gem-widget": "" });
    var root = host.attachShadow({ mode: "open" });
    addStyles(root);
    applyTokens(host, state.config && state.config.tokens);
    var config = state.config || {};
    var municipalityName = config.municipality ? config.municipality.name : MUNICIPALITY;

    ui.badge = el("span", { "class": "badge", hidden: true });
    ui.launcher = el("button", {
      type: "button", "class": "launcher", "aria-expanded": "false", "aria-controls": "gem-panel",
      on: { click: function () { if (ui.panel.hidden) openPanel(true); else closePanel(); } }
    }, [icon("chat"), el("span", { text: T.launcher }), ui.badge]);
    ui.announcer = el("div", { "class": "sr-only", role: "status" });

    ui.title = el("h2", { "class": "title", id: "gem-title", text: config.title || T.title });
    var header = el("div", { "class": "header" }, [
      config.logo_url && safeHref(config.logo_url) ? el("img", { "class": "logo", src: config.logo_url, alt: "" }) : null,
      el("div", { "class": "titles" }, [ui.title, el("p", { "class": "subtitle", text: T.subtitle(municipalityName) })]),
      el("button", {
        type: "button", "class": "icon-button close", "aria-label": T.close, on: { click: closePanel }
      }, [icon("close")])
    ]);

    ui.status = el("div", { "class": "status", role: "status", hidden: true });
    ui.alert = el("div", { "class": "alert", role: "alert", hidden: true });
    ui.notice = el("div", { "class": "notice", role: "status", hidden: true });
    ui.confirm = el("div", { "class": "confirm", hidden: true });
    ui.log = el("div", {
      "class": "log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
      "aria-label": T.log, tabindex: "0"
    });
    ui.typing = el("div", { "class": "typing", role: "status" });

    ui.input = el("textarea", {
      id: "gem-input", "class": "input", rows: "1", maxlength: "2000", autocomplete: "off",
      on: { keydown: function (event) {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          submitInput();
        }
      }, input: sendTypingSignal }
    });
    ui.composer = el("form", {
      "class": "composer", on: { submit: function (event) { event.preventDefault(); submitInput(); } }
    }, [
      el("label", { "for": "gem-input", "class": "sr-only", text: T.inputLabel }),
      ui.input,
      el("button", { type: "submit", "class": "button button--primary send" }, [el("span", { text: T.send })])
    ]);
    ui.contact = el("form", { "class": "contact", hidden: true, novalidate: true, "aria-labelledby": "gem-contact-title" });

    ui.privacy = link(T.privacy, safeHref(config.privacy_url || "") || BASE + "/widget/privacy");
    ui.erase = el("button", { type: "button", "class": "link", text: T.erase, on: { click: askErase } });
    var footer = el("div", { "class": "footer" }, [ui.privacy, ui.erase]);

    ui.panel = el("div", {
      id: "gem-panel", "class": "panel", role: "dialog", "aria-labelledby": "gem-title", hidden: true,
      lang: LANG, on: { keydown: onPanelKey }
    }, [header, ui.status, ui.alert, ui.notice, ui.confirm, ui.log, ui.typing, ui.contact, ui.composer, footer]);

    // A landmark of its own, so the chat is easy to find and all page content is in one.
    var wrapper = el("aside", { "class": "root", lang: LANG, "aria-label": T.region }, [ui.launcher, ui.panel, ui.announcer]);
    root.append(wrapper);
    document.body.append(host);
  }

  function addStyles(root) {
    if (CSS.indexOf("/*__GEM_CSS__") !== 0 && window.CSSStyleSheet && "adoptedStyleSheets" in root) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(el("link", { rel: "stylesheet", href: BASE + "/static/gem-widget/widget.css" }));
    }
  }

  function applyTokens(host, tokens) {
    for (var name in tokens || {}) {
      var value = String(tokens[name]);
      if (/^--gem-[a-z-]+$/.test(name) && !/[;{}<>\\]/.test(value)) host.style.setProperty(name, value);
    }
  }

  // --- opening and closing --------------------------------------------------------------

  function openPanel(byUser) {
    ui.panel.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "true");
    state.unread = 0;
    showUnread();
    store({ open: true });
    scrollDown();
    if (byUser) ui.input.focus();
    if (!state.conversation) startConversation();
  }

  function closePanel() {
    ui.panel.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "false");
    store({ open: false });
    ui.launcher.focus();
  }

  function onPanelKey(event) {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    if (!ui.confirm.hidden) { hideConfirm(); ui.erase.focus(); return; }
    closePanel();
  }

  function showUnread() {
    ui.badge.hidden = state.unread === 0;
    ui.badge.textContent = "";
    if (state.unread) {
      ui.badge.append(el("span", { "aria-hidden": "true", text: String(state.unread) }),
        el("span", { "class": "sr-only", text: T.unread(state.unread) }));
    }
  }

  // --- conversation ---------------------------------------------------------------------

  function startConversation() {
    if (state.starting) return state.starting;
    clearAlert();
    state.starting = api("POST", "/api/v1/conversations", { municipality: MUNICIPALITY, language: LANG })
      .then(function (started) {
        state.conversation = { id: started.id, token: started.token };
        store({ id: started.id, token: started.token });
        if (PAGE_GREETING) addMessage({ sender: "bot", text: PAGE_GREETING, buttons: [] });
        receive(started.messages, started.state);
        connect();
        if (TOPIC && !stored().topicSent) {
          store({ topicSent: true });
          send(TOPIC);
        }
        return true;
      }, function (error) {
        showProblem(error, startConversation);
        return false;
      })
      .then(function (ok) { state.starting = null; return ok; });
    return state.starting;
  }

  function resume(saved) {
    state.conversation = { id: saved.id, token: saved.token };
    return api("GET", "/api/v1/conversations/" + saved.id).then(function (transcript) {
      // The panel is still closed here, so the transcript is not read aloud again.
      receive(transcript.messages, transcript.state, "restore");
      connect();
    }, function (error) {
      if (isUnreachable(error)) { showProblem(error, function () { resume(saved); }); return; }
      forgetConversation();
      showNotice(T.expired);
    });
  }

  function submitInput() {
    var text = ui.input.value.trim();
    if (!text) { ui.input.focus(); return; }
    ui.input.value = "";
    send(text);
  }

  function send(text, shown) {
    clearReplies();
    // Wait for a greeting that is on its way, so the question shows below it.
    (state.starting || Promise.resolve()).then(function () {
      deliver(text, addMessage({ sender: "resident", text: shown || text }));
    });
  }

  function deliver(text, bubble) {
    clearAlert();
    bubble.classList.remove("msg--failed");
    var note = bubble.querySelector(".failed-note");
    if (note) note.remove();
    setTyping(state.status === "with_gem" ? T.typing : "");
    var ready = state.conversation ? Promise.resolve(true) : startConversation();
    return ready.then(function (ok) {
      if (!ok) throw new ApiFailure(0, null);
      return api("POST", "/api/v1/conversations/" + state.conversation.id + "/messages", { text: text });
    }).then(function (reply) {
      setTyping("");
      receive(reply.messages, reply.state);
    }, function (error) {
      setTyping("");
      if (error.code === "conversation_not_found") {
        forgetConversation();
        showNotice(T.expired, true);
        return;
      }
      bubble.classList.add("msg--failed");
      bubble.append(el("p", { "class": "failed-note", text: T.notSent }));
      showProblem(error, function () { deliver(text, bubble); });
    });
  }

  // Messages from the server: an HTTP reply, a "restore"d transcript, or "live" from the
  // websocket or polling. Each id shows once.
  function receive(messages, status, mode) {
    var live = mode === "live";
    var lastBot = null, offersForm = false, firstNew = null;
    (messages || []).forEach(function (message) {
      if (message.id) {
        if (state.seen[message.id]) return;
        state.seen[message.id] = true;
        state.lastId = Math.max(state.lastId, message.id);
      }
      // The resident's own messages are on screen already (sent from this window).
      if (live && message.sender === "resident") return;
      if (message.sender === "agent" && message.sender_name) state.agentName = message.sender_name;
      if (message.sender !== "resident") setTyping("");
      var node = addMessage(message);
      if (!firstNew && message.sender !== "resident") firstNew = node;
      if (message.sender === "bot") lastBot = { node: node, message: message };
      if (message.sender === "bot" && message.topic === CONTACT_TOPIC) offersForm = true;
      if (live && message.sender !== "resident" && ui.panel.hidden) {
        state.unread += 1;
        showUnread();
        ui.announcer.textContent = state.unread === 1 ? T.unreadAnnounce : "";
      }
    });
    var buttons = (lastBot && lastBot.message.buttons || []).filter(function (b) { return b.payload !== STOP_WAITING; });
    if (buttons.length && ui.log.lastElementChild === lastBot.node) addReplies(buttons);
    if (status) setStatus(status, {});
    if (offersForm && mode !== "restore") showContactForm();
    // Show the start of a new answer; a long one is read from the top.
    if (mode === "restore") scrollDown(); else scrollDown(firstNew);
  }

  function addMessage(message) {
    clearReplies(); // quick replies belong to the last message only
    var sender = message.sender;
    var text = message.text || "";
    if (sender === "resident" && state.buttons[text]) text = state.buttons[text];
    if (sender === "bot") {
      state.buttons = {};
      (message.buttons || []).forEach(function (b) { state.buttons[b.payload] = b.title; });
    }
    var label = { resident: T.you, bot: T.gem, system: T.system }[sender] || T.agent(message.sender_name);
    var bubble = el("div", { "class": "bubble" });
    if (sender === "bot") appendMarkup(bubble, text);
    else bubble.textContent = text;
    var kind = ["resident", "bot", "agent"].indexOf(sender) >= 0 ? sender : "system";
    var node = el("div", { "class": "msg msg--" + kind }, [
      sender === "agent" ? el("p", { "class": "sender", text: label }) : el("span", { "class": "sr-only", text: label + " " }),
      bubble
    ]);
    ui.log.append(node);
    scrollDown();
    return node;
  }

  function addReplies(buttons) {
    var group = el("div", { "class": "replies", role: "group", "aria-label": T.replies });
    buttons.forEach(function (button) {
      group.append(el("button", {
        type: "button", "class": "reply", text: button.title,
        on: { click: function () { chooseReply(button); } }
      }));
    });
    ui.log.append(group);
  }

  function chooseReply(button) {
    send(button.payload, button.title);
    ui.input.focus();
  }

  function clearReplies() {
    ui.log.querySelectorAll(".replies").forEach(function (group) { group.remove(); });
  }

  function setTyping(text) {
    ui.typing.textContent = "";
    if (!text) return;
    ui.typing.append(el("span", { text: text }),
      el("span", { "class": "dots", "aria-hidden": "true" }, [el("i"), el("i"), el("i")]));
  }

  function scrollDown(node) {
    if (!ui.log) return;
    var top = node ? node.offsetTop - 12 : ui.log.scrollHeight;
    if (REDUCED_MOTION || !ui.log.scrollTo) ui.log.scrollTop = top;
    else ui.log.scrollTo({ top: top, behavior: "smooth" });
  }

  // --- handover: status bar, cancel, rating ---------------------------------------------

  function setStatus(status, extra) {
    var changed = status !== state.status;
    state.status = status;
    if (extra.agent_name) state.agentName = extra.agent_name;
    if (extra.queue_position) state.position = extra.queue_position;
    if (status !== "waiting_for_agent") state.position = null;
    var missing = status === "waiting_for_agent" ? !extra.queue_position : status === "with_agent" && !state.agentName;
    if (changed && missing) fetchHandover();
    renderStatus(changed);
    realtimeFallback();
  }

  // Waiting position and agent name, for a page that (re)loads during a handover or polls.
  function fetchHandover() {
    if (!state.conversation) return;
    api("GET", "/api/v1/conversations/" + state.conversation.id + "/handover").then(function (info) {
      if (info && info.state) setStatus(info.state, info);
    }, function () { /* the websocket will tell */ });
  }

  function statusText() {
    if (state.status === "waiting_for_agent") return T.waiting + (state.position ? " " + T.position(state.position) : "");
    if (state.status === "with_agent") return T.withAgent(state.agentName);
    return T.closed;
  }

  // Only the sentence changes while the state stays the same, so a focused button stays.
  function renderStatus(changed) {
    var status = state.status;
    var box = ui.status;
    box.hidden = status === "with_gem";
    if (box.hidden) { box.textContent = ""; return; }
    if (!changed && box.firstChild) { box.firstChild.textContent = statusText(); return; }
    box.textContent = "";
    box.append(el("p", { text: statusText() }));
    if (status === "waiting_for_agent") {
      box.append(el("div", { "class": "row" }, [el("button", { type: "button", "class": "button", text: T.cancelWaiting, on: { click: cancelWaiting } })]));
    } else if (status === "closed") {
      if (!state.rated) box.append(ratingGroup());
      box.append(el("div", { "class": "row" }, [el("button", { type: "button", "class": "button", text: T.restart, on: { click: restart } })]));
    }
  }

  function ratingGroup() {
    var group = el("div", { "class": "row", role: "group", "aria-label": T.rateQuestion });
    for (var n = 1; n <= 5; n++) {
      group.append(el("button", { type: "button", "class": "button", text: String(n), "aria-label": T.rate(n), on: { click: rate.bind(null, n) } }));
    }
    return el("div", {}, [el("p", { text: T.rateQuestion }), group]);
  }

  function rate(n) {
    api("POST", "/api/v1/conversations/" + state.conversation.id + "/rating", { rating: n }).then(function () {
      state.rated = true;
      renderStatus(true);
      showNotice(T.rated);
      ui.input.focus();
    }, function (error) { showProblem(error, function () { rate(n); }); });
  }

  function cancelWaiting() {
    api("POST", "/api/v1/conversations/" + state.conversation.id + "/handover/cancel", {}).then(function (reply) {
      receive(reply && reply.messages, (reply && reply.state) || "with_gem");
      ui.input.focus();
    }, function (error) { showProblem(error, cancelWaiting); });
  }

  // --- realtime: websocket with reconnect, polling while it is down ---------------------

  function connect() {
    if (!state.conversation || state.socket) return;
    if (!window.WebSocket) { realtimeFallback(); return; }
    var conversation = state.conversation;
    // The token goes in the first frame, not in the URL (URLs end up in proxy logs).
    var url = BASE.replace(/^http/, "ws") + "/ws/conversations/" + encodeURIComponent(conversation.id) + "/";
    var socket;
    try { socket = new WebSocket(url); } catch (e) { reconnectLater(); return; }
    state.socket = socket;
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: "auth", token: conversation.token }));
      state.socketTries = 0;
      realtimeFallback();
      poll(); // catch up on what happened while the socket was closed
    };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      onEvent(message);
    };
    socket.onclose = function (event) {
      if (state.socket === socket) state.socket = null;
      if (!state.conversation || state.conversation !== conversation) return;
      if (event.code === 4401 || event.code === 4403 || event.code === 4404) {
        forgetConversation();
        showNotice(T.expired, true);
        return;
      }
      realtimeFallback();
      reconnectLater();
    };
  }

  function reconnectLater() {
    clearTimeout(state.reconnectTimer);
    var delay = Math.min(30000, 1000 * Math.pow(2, state.socketTries++));
    state.reconnectTimer = setTimeout(connect, delay);
  }

  function onEvent(event) {
    if (event.type === "messages") receive(event.messages, event.state, "live");
    else if (event.type === "state" || event.type === "connected") setStatus(event.state || state.status, event);
    else if (event.type === "typing" && event.sender === "agent") {
      setTyping(T.agentTyping(state.agentName));
      clearTimeout(state.typingTimer);
      state.typingTimer = setTimeout(function () { setTyping(""); }, 6000);
    } else if (event.type === "error" && event.error) {
      showNotice(LANG === "en" ? event.error.message_en : event.error.message);
    }
  }

  var lastTypingSignal = 0;
  function sendTypingSignal() {
    var socket = state.socket;
    if (!socket || socket.readyState !== 1 || state.status !== "with_agent") return;
    if (Date.now() - lastTypingSignal < 3000) return;
    lastTypingSignal = Date.now();
    socket.send(JSON.stringify({ type: "typing" }));
  }

  // Poll every few seconds only while an employee may write and the socket is down.
  function realtimeFallback() {
    var socketUp = state.socket && state.socket.readyState === 1;
    var needed = state.conversation && !socketUp && HANDOVER_STATES.indexOf(state.status) >= 0;
    if (needed && !state.pollTimer) state.pollTimer = setInterval(poll, 3000);
    if (!needed && state.pollTimer) { clearInterval(state.pollTimer); state.pollTimer = 0; }
  }

  function poll() {
    if (!state.conversation) return;
    var id = state.conversation.id;
    api("GET", "/api/v1/conversations/" + id + "/messages?since=" + state.lastId).then(function (reply) {
      if (state.conversation && state.conversation.id === id) {
        receive(reply.messages, reply.state, "live");
        if (state.pollTimer && state.status === "waiting_for_agent") fetchHandover();
        clearAlertIf(T.unreachable);
      }
    }, function () { /* the next poll or reconnect tries again */ });
  }

  function stopRealtime() {
    clearTimeout(state.reconnectTimer);
    clearInterval(state.pollTimer);
    state.pollTimer = 0;
    var socket = state.socket;
    state.socket = null;
    if (socket) socket.close();
  }

  // --- problems and notices -------------------------------------------------------------

  function showProblem(error, retry) {
    if (!isUnreachable(error)) {
      showNotice(error.message || T.unreachable);
      return;
    }
    ui.alert.textContent = "";
    var message = navigator.onLine === false ? T.offline : T.unreachable;
    ui.alert.append(el("p", { text: message }), el("div", { "class": "row" }, [
      el("button", { type: "button", "class": "button", text: T.retry, on: { click: function () {
        clearAlert();
        retry();
      } } })
    ]));
    ui.alert.hidden = false;
    ui.alert.dataset.message = message;
    state.retry = retry;
  }

  function clearAlert() {
    if (ui.alert.contains(ui.panel.getRootNode().activeElement)) ui.input.focus();
    ui.alert.hidden = true;
    ui.alert.textContent = "";
    state.retry = null;
  }

  function clearAlertIf(message) {
    if (ui.alert.dataset.message === message) clearAlert();
  }

  function showNotice(text, withRestart) {
    ui.notice.textContent = "";
    ui.notice.append(el("p", { text: text }));
    if (withRestart) {
      ui.notice.append(el("div", { "class": "row" }, [
        el("button", { type: "button", "class": "button", text: T.restart, on: { click: restart } })
      ]));
    }
    ui.notice.hidden = false;
  }

  function hideNotice() {
    ui.notice.hidden = true;
    ui.notice.textContent = "";
  }

  window.addEventListener("online", function () {
    if (state.retry) { var retry = state.retry; clearAlert(); retry(); }
    if (state.conversation && !state.socket) { state.socketTries = 0; connect(); }
  });
  window.addEventListener("offline", function () {
    if (!ui.alert.hidden) ui.alert.firstChild.textContent = T.offline;
  });

  // --- erase and restart ----------------------------------------------------------------

  function askErase() {
    if (!state.conversation) { restart(); return; }
    ui.confirm.textContent = "";
    var yes = el("button", { type: "button", "class": "button button--primary", text: T.eraseYes, on: { click: erase } });
    ui.confirm.append(el("p", { text: T.eraseConfirm }), el("div", { "class": "row" }, [
      yes, el("button", { type: "button", "class": "button", text: T.eraseNo, on: { click: function () { hideConfirm(); ui.erase.focus(); } } })
    ]));
    ui.confirm.hidden = false;
    yes.focus();
  }

  function hideConfirm() {
    ui.confirm.hidden = true;
    ui.confirm.textContent = "";
  }

  function erase() {
    var conversation = state.conversation;
    api("DELETE", "/api/v1/conversations/" + conversation.id).then(done, function (error) {
      if (error.status === 404) done();
      else showProblem(error, erase);
    });
    function done() {
      hideConfirm();
      forgetConversation();
      clearScreen();
      showNotice(T.erased, true);
      ui.notice.querySelector("button").focus();
    }
  }

  function clearScreen() {
    ui.log.textContent = "";
    ui.status.hidden = true;
    ui.status.textContent = "";
    hideContactForm();
    setTyping("");
    clearAlert();
  }

  function restart() {
    forgetConversation();
    store({ topicSent: true });
    clearScreen();
    hideNotice();
    ui.input.focus();
    startConversation();
  }

  // --- contact request ------------------------------------------------------------------

  function field(name, label, type, hint) {
    var id = "gem-contact-" + name;
    var input = type === "textarea"
      ? el("textarea", { id: id, name: name, rows: "3", maxlength: "2000" })
      : el("input", { id: id, name: name, type: type, autocomplete: { name: "name", email: "email", phone: "tel" }[name] });
    var error = el("p", { "class": "error", id: id + "-error", hidden: true });
    return el("div", { "class": "field" }, [
      el("label", { "for": id }, [document.createTextNode(label), hint ? el("span", { text: " " + hint }) : null]),
      input, error
    ]);
  }

  function showContactForm() {
    var form = ui.contact;
    if (!form.hidden || !state.conversation) return;
    form.textContent = "";
    form.append(
      el("h3", { id: "gem-contact-title", text: T.contactTitle }),
      el("p", { text: T.contactIntro }),
      field("name", T.name, "text"),
      field("email", T.email, "email", T.optional),
      field("phone", T.phone, "tel", T.optionalPhone),
      field("question", T.question, "textarea"),
      el("div", { "class": "row" }, [
        el("button", { type: "submit", "class": "button button--primary", text: T.contactSend }),
        el("button", { type: "button", "class": "button", text: T.contactCancel, on: { click: function () { hideContactForm(); ui.input.focus(); } } })
      ])
    );
    form.onsubmit = function (event) { event.preventDefault(); submitContact(); };
    clearReplies();
    form.hidden = false;
    ui.composer.hidden = true;
    form.elements.name.focus();
    // Gem fills in the question from the conversation; the resident can change it.
    api("GET", "/api/v1/conversations/" + state.conversation.id + "/contact-request").then(function (info) {
      var question = form.elements.question;
      if (question && !question.value && info && info.question) question.value = info.question;
    }, function () { /* the resident can type the question */ });
  }

  function hideContactForm() {
    ui.contact.hidden = true;
    ui.contact.textContent = "";
    ui.composer.hidden = false;
  }

  function setFieldError(input, message) {
    var error = ui.contact.querySelector("#" + input.id + "-error");
    error.textContent = message || "";
    error.hidden = !message;
    if (message) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", error.id);
    } else {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
  }

  function submitContact() {
    var f = ui.contact.elements;
    var values = {};
    ["name", "email", "phone", "question"].forEach(function (name) { values[name] = f[name].value.trim(); });
    var errors = {
      name: values.name ? "" : T.needName,
      email: values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email) ? T.badEmail
        : (!values.email && !values.phone ? T.needReach : ""),
      phone: "",
      question: ""
    };
    showContactErrors(errors);
    if (errors.name || errors.email) return;
    var go = function () {
      var ready = state.conversation ? Promise.resolve(true) : startConversation();
      ready.then(function (ok) {
        if (!ok) return;
        return api("POST", "/api/v1/conversations/" + state.conversation.id + "/contact-request", values).then(function (reply) {
          hideContactForm();
          if (reply && reply.messages && reply.messages.length) receive(reply.messages);
          else addMessage({ sender: "system", text: T.contactSent });
          ui.input.focus();
        });
      }).catch(function (error) {
        if (error.fields) {
          var serverErrors = {};
          for (var name in error.fields) serverErrors[name] = [].concat(error.fields[name]).join(" ");
          showContactErrors(serverErrors);
        } else showProblem(error, go);
      });
    };
    go();
  }

  function showContactErrors(errors) {
    var first = null;
    ["name", "email", "phone", "question"].forEach(function (name) {
      var input = ui.contact.elements[name];
      setFieldError(input, errors[name]);
      if (errors[name] && !first) first = input;
    });
    if (first) first.focus();
  }

  // --- start ----------------------------------------------------------------------------

  function init(config) {
    state.config = config;
    build();
    window.gemWidget.open = function () { openPanel(true); };
    window.gemWidget.close = closePanel;
    var saved = stored();
    var ready = saved.id && saved.token ? resume(saved) : Promise.resolve();
    var open = saved.open !== undefined ? saved.open : OPEN_ON_LOAD;
    ready.then(function () { if (open) openPanel(false); });
  }

  function start() {
    if (!MUNICIPALITY) { console.warn("Gem: data-municipality ontbreekt op de script-tag."); return; }
    var query = "?municipality=" + encodeURIComponent(MUNICIPALITY) + "&page=" + encodeURIComponent(location.pathname);
    api("GET", "/api/v1/widget/config" + query).then(function (config) {
      if (config.show) init(config);
    }, function (error) {
      if (error.status === 0 || error.status >= 500) init(null); // show it; the panel explains
      else console.warn("Gem: " + (error.message || "het chatvenster kan hier niet worden getoond."));
    });
  }

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
