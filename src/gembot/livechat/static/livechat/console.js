// Agent console of Gem: plain JavaScript, no framework.
// Reads and writes through the agent API (session + CSRF); live events over /ws/console/.
"use strict";

(function () {
  const T = JSON.parse(document.getElementById("console-texts").textContent);
  const $ = (id) => document.getElementById(id);
  const state = {
    current: null, // conversation id in the panel
    entries: new Map(), // conversation id -> queue entry
    messages: new Map(), // conversation id -> Map(message id -> message)
    waitingIds: new Set(),
    socket: null,
    socketOpen: false,
    lastTyping: 0,
  };

  // --- HTTP -----------------------------------------------------------------------------

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  async function api(method, path, body) {
    const response = await fetch("/api/v1/agent/" + path, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error((data.error && data.error.message) || response.statusText);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function toast(text) {
    const box = $("toast");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => (box.hidden = true), 6000);
  }

  function guard(promise) {
    return promise.catch((error) => toast(error.message));
  }

  // --- announcing new residents ----------------------------------------------------------

  const sound = $("sound");
  sound.checked = localStorage.getItem("gem-console-sound") === "1";
  sound.addEventListener("change", () =>
    localStorage.setItem("gem-console-sound", sound.checked ? "1" : "0"),
  );

  function beep() {
    if (!sound.checked) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    const context = beep.context || (beep.context = new Context());
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.3);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + 0.3);
  }

  function announce(text) {
    $("announce").textContent = text;
    document.body.classList.add("flash");
    setTimeout(() => document.body.classList.remove("flash"), 1500);
    beep();
  }

  // --- queue, my conversations, contact requests ------------------------------------------

  function minutes(seconds) {
    return Math.max(0, Math.floor(seconds / 60)) + " " + T.minutes;
  }

  function entryItem(entry, waiting) {
    const item = document.createElement("li");
    item.className = "entry" + (entry.conversation === state.current ? " current" : "");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.conversation = entry.conversation;
    if (!waiting) {
      button.setAttribute("role", "tab");
      button.setAttribute("aria-selected", String(entry.conversation === state.current));
    }
    const topic = entry.topic || T.noTopic;
    const when = waiting ? `${T.waiting} ${minutes(entry.waiting_seconds)}` : entry.municipality;
    button.innerHTML = "<strong></strong><span class='muted'></span><span class='preview'></span>";
    button.children[0].textContent = waiting ? `${entry.position}. ${topic}` : topic;
    button.children[1].textContent = ` ${when}`;
    button.children[2].textContent = entry.preview || "";
    button.addEventListener("click", () => guard(openConversation(entry.conversation)));
    item.appendChild(button);
    return item;
  }

  async function loadQueue() {
    const data = await api("GET", "queue");
    const fresh = data.waiting.filter((e) => !state.waitingIds.has(e.conversation));
    if (fresh.length && loadQueue.loaded) {
      announce(`${T.newResident}: ${fresh[0].topic || T.noTopic}`);
    }
    loadQueue.loaded = true;
    state.waitingIds = new Set(data.waiting.map((e) => e.conversation));
    state.entries = new Map([...data.waiting, ...data.active].map((e) => [e.conversation, e]));
    $("queue").replaceChildren(...data.waiting.map((e) => entryItem(e, true)));
    $("queue-empty").hidden = data.waiting.length > 0;
    $("queue-count").textContent = data.waiting.length;
    $("mine").replaceChildren(...data.active.filter((e) => e.mine).map((e) => entryItem(e, false)));
    $("contact-count").textContent = data.open_contact_requests;
    document.title = (data.waiting.length ? `(${data.waiting.length}) ` : "") + "Live chat - Gem";
    if (state.current) renderHead();
  }

  async function loadContactRequests() {
    const rows = await api("GET", "contact-requests");
    $("contact-requests").replaceChildren(
      ...rows.map((row) => {
        const item = document.createElement("li");
        item.className = "contact";
        const details = document.createElement("details");
        const summary = document.createElement("summary");
        summary.textContent = `${row.name} (${row.municipality}) ${row.topic || ""}`;
        const body = document.createElement("p");
        body.textContent = [row.email, row.phone].filter(Boolean).join(" / ");
        const question = document.createElement("p");
        question.className = "question";
        question.textContent = row.question;
        const done = document.createElement("button");
        done.type = "button";
        done.textContent = T.handled;
        done.addEventListener("click", () =>
          guard(api("POST", `contact-requests/${row.id}/handled`, {}).then(loadContactRequests)),
        );
        details.append(summary, body, question, done);
        item.appendChild(details);
        return item;
      }),
    );
  }

  // --- one conversation in the panel ------------------------------------------------------

  function renderHead() {
    const entry = state.entries.get(state.current) || state.head;
    if (!entry) return;
    $("conversation-title").textContent = entry.topic || T.noTopic;
    const parts = [entry.municipality, T[state.conversationState] || state.conversationState];
    if (entry.state === "waiting") parts.push(`${T.waiting} ${minutes(entry.waiting_seconds)}`);
    if (entry.agent) parts.push(entry.agent);
    $("conversation-meta").textContent = parts.filter(Boolean).join(" · ");
    const mine = entry.mine && state.conversationState === "with_agent";
    $("accept").hidden = state.conversationState !== "waiting_for_agent";
    for (const id of ["composer", "handback", "close", "outcome"]) {
      const element = $(id);
      element.toggleAttribute("inert", !mine);
      element.classList.toggle("disabled", !mine);
    }
  }

  function addMessage(message) {
    const known = state.messages.get(state.current);
    if (!known || known.has(message.id)) return;
    known.set(message.id, message);
    const item = document.createElement("li");
    item.className = `message ${message.sender}`;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent =
      message.sender === "resident"
        ? T.resident
        : message.sender === "agent"
          ? message.sender_name
          : message.sender === "bot"
            ? T.gem
            : T.system;
    const text = document.createElement("p");
    text.textContent = message.text;
    item.append(who, text);
    const transcript = $("transcript");
    transcript.appendChild(item);
    transcript.scrollTop = transcript.scrollHeight;
  }

  function addNote(note) {
    const item = document.createElement("li");
    item.textContent = `${note.text} (${T.by} ${note.author})`;
    $("notes").appendChild(item);
  }

  async function openConversation(id) {
    const data = await api("GET", `conversations/${id}`);
    show(data);
    watch(id);
  }

  function show(data) {
    state.current = data.id;
    state.head = data.handover;
    state.conversationState = data.state;
    state.messages.set(data.id, new Map());
    $("placeholder").hidden = true;
    $("panel").hidden = false;
    $("transcript").replaceChildren();
    $("notes").replaceChildren();
    data.messages.forEach(addMessage);
    data.notes.forEach(addNote);
    renderHead();
    for (const button of document.querySelectorAll(".entry button")) {
      const current = button.dataset.conversation === data.id;
      button.parentElement.classList.toggle("current", current);
      if (button.hasAttribute("role")) button.setAttribute("aria-selected", String(current));
    }
  }

  $("accept").addEventListener("click", async () => {
    try {
      show(await api("POST", `conversations/${state.current}/accept`, {}));
      await loadQueue();
      $("text").focus();
    } catch (error) {
      toast(error.status === 409 ? T.taken : error.message);
      loadQueue();
    }
  });

  function sendText(text) {
    if (state.socketOpen) {
      state.socket.send(JSON.stringify({ type: "message", conversation: state.current, text }));
      return Promise.resolve();
    }
    return api("POST", `conversations/${state.current}/messages`, { text }).then(addMessage);
  }

  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("text").value.trim();
    if (!text) return;
    guard(sendText(text).then(() => ($("text").value = "")));
  });

  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });

  $("text").addEventListener("input", () => {
    const now = Date.now();
    if (state.socketOpen && now - state.lastTyping > 2000) {
      state.lastTyping = now;
      state.socket.send(JSON.stringify({ type: "typing", conversation: state.current }));
    }
  });

  $("canned").addEventListener("change", (event) => {
    const text = event.target.value;
    if (!text) return;
    const area = $("text");
    area.value = area.value ? `${area.value} ${text}` : text;
    event.target.value = "";
    area.focus();
  });

  $("note-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("note").value.trim();
    if (!text) return;
    guard(
      api("POST", `conversations/${state.current}/note`, { text }).then(() => {
        $("note").value = "";
      }),
    );
  });

  $("handback").addEventListener("click", () =>
    guard(
      api("POST", `conversations/${state.current}/handback`, {}).then(() =>
        openConversation(state.current).then(loadQueue),
      ),
    ),
  );

  $("close").addEventListener("click", () => {
    if (!window.confirm(T.confirmClose)) return;
    const outcome = $("outcome").value;
    guard(
      api("POST", `conversations/${state.current}/close`, { outcome }).then(() =>
        openConversation(state.current).then(loadQueue),
      ),
    );
  });

  for (const radio of document.querySelectorAll("input[name=availability]")) {
    radio.addEventListener("change", () =>
      guard(api("POST", "availability", { status: radio.value }).then(loadQueue)),
    );
  }

  // --- websocket ------------------------------------------------------------------------

  function watch(id) {
    if (state.socketOpen) state.socket.send(JSON.stringify({ type: "watch", conversation: id }));
  }

  function connect(delay) {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/ws/console/`);
    state.socket = socket;
    socket.addEventListener("open", () => {
      state.socketOpen = true;
      $("connection").textContent = T.connected;
      $("connection").classList.remove("offline");
      if (state.current) watch(state.current);
      loadQueue();
      delay = 1000;
    });
    socket.addEventListener("close", () => {
      state.socketOpen = false;
      $("connection").textContent = T.disconnected;
      $("connection").classList.add("offline");
      setTimeout(() => connect(Math.min(delay * 2, 30000)), delay);
    });
    socket.addEventListener("message", (event) => {
      const data = JSON.parse(event.data);
      const here = data.conversation && data.conversation === state.current;
      if (data.type === "queue") {
        if (data.event === "contact_request") loadContactRequests();
        loadQueue();
      } else if (data.type === "messages" && here) {
        data.messages.forEach(addMessage);
        if (data.state) {
          state.conversationState = data.state;
          renderHead();
        }
      } else if (data.type === "state" && here) {
        state.conversationState = data.state;
        renderHead();
      } else if (data.type === "typing" && here && data.sender === "resident") {
        $("typing").textContent = T.typing;
        clearTimeout(connect.typingTimer);
        connect.typingTimer = setTimeout(() => ($("typing").textContent = ""), 4000);
      } else if (data.type === "note" && here) {
        addNote(data.note);
      } else if (data.type === "sent" && here) {
        addMessage(data.message);
      } else if (data.type === "error") {
        toast(data.error.message);
      }
    });
  }

  // --- start ------------------------------------------------------------------------------

  guard(
    api("GET", "canned-replies").then((rows) => {
      for (const row of rows) {
        const option = document.createElement("option");
        option.value = row.text;
        option.textContent = row.title;
        $("canned").appendChild(option);
      }
    }),
  );
  guard(loadQueue());
  guard(loadContactRequests());
  connect(1000);
  // The queue also refreshes on a timer: it shows waiting times and lets the server check
  // lazily whether someone has waited too long.
  setInterval(() => guard(loadQueue()), 15000);
  setInterval(() => {
    if (state.socketOpen) state.socket.send(JSON.stringify({ type: "ping" }));
  }, 30000);
})();
