// Web chat for enquiry-bot: one JSON request line per message over a WebSocket, one reply line
// back (see the main README, "Protocol"). websocketd serves this page and bridges each WebSocket
// connection to the daemon's Unix socket (see README.md in this directory).
"use strict";

(function () {
  var MAX_CHARS = 1000;          // input cap (UTF-16 units, as maxlength counts them)
  var RECONNECT_MS = [500, 1000, 2000, 5000, 10000];

  var TEXT = {
    zh: {
      title: "嘉兴便民问答",
      logLabel: "对话记录",
      inputLabel: "你的问题",
      placeholder: "例如：115路首班车几点？",
      hint: "一次一个问题，最多 1000 字。",
      send: "发送",
      you: "你",
      bot: "问答机器人",
      welcome: "你好！可以问我嘉兴日报上的公交线路、服务中心、活动、电话地址和天气预报等信息。",
      connecting: "正在连接…",
      connected: "已连接",
      disconnected: "连接已断开，发送时会重新连接。",
      reconnecting: "连接已断开，正在重新连接…",
      waiting: "正在查找…",
      sources: "来源",
      article: "文章",
      file: "文件",
      section: "章节",
      publisher: "发布单位",
      sentence: "原文",
      declined: "机器人无法回答这个问题。",
      tryThese: "可以试试这些问题：",
      chooseOne: "请选择：",
      protocolError: "出错了：机器人没有处理这条消息。",
      badReply: "收到无法识别的回复。",
      lostReply: "连接中断，这个问题没有收到回答，请再问一次。",
      tooLong: "问题太长，已截断到 1000 字。",
      empty: "请先输入问题。",
      toggle: "EN",
      toggleLabel: "English",
      toggleLang: "en"
    },
    en: {
      title: "Jiaxing Q&A",
      logLabel: "Conversation",
      inputLabel: "Your question",
      placeholder: "e.g. When is the first 115 bus?",
      hint: "One question at a time, up to 1000 characters.",
      send: "Send",
      you: "You",
      bot: "Bot",
      welcome: "Hello! Ask me about bus routes, service centres, events, phone numbers, addresses and the weather forecast printed in the Jiaxing Daily.",
      connecting: "Connecting…",
      connected: "Connected",
      disconnected: "Disconnected; sending reconnects.",
      reconnecting: "Disconnected; reconnecting…",
      waiting: "Looking it up…",
      sources: "Sources",
      article: "Article",
      file: "File",
      section: "Section",
      publisher: "Publisher",
      sentence: "Sentence",
      declined: "The bot cannot answer this question.",
      tryThese: "You could try:",
      chooseOne: "Please choose:",
      protocolError: "Error: the bot could not process this message.",
      badReply: "Received a reply that could not be read.",
      lostReply: "The connection dropped before this question was answered; please ask again.",
      tooLong: "The question was too long and has been cut to 1000 characters.",
      empty: "Please type a question first.",
      toggle: "中文",
      toggleLabel: "中文",
      toggleLang: "zh-CN"
    }
  };

  // ---- storage that never throws (private mode, disabled storage) ----
  function store(kind) {
    try {
      var s = window[kind];
      var k = "__enquiry_bot_probe";
      s.setItem(k, k); s.removeItem(k);
      return s;
    } catch (e) {
      var mem = {};
      return {
        getItem: function (key) { return Object.prototype.hasOwnProperty.call(mem, key) ? mem[key] : null; },
        setItem: function (key, v) { mem[key] = String(v); }
      };
    }
  }
  var session = store("sessionStorage");
  var local = store("localStorage");

  function newSessionId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var hex = "";
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return "web-" + hex;
  }
  var sessionId = session.getItem("enquiry-bot.session");
  if (!sessionId || !/^web-[0-9a-f]{32}$/.test(sessionId)) {
    sessionId = newSessionId();
    session.setItem("enquiry-bot.session", sessionId);
  }

  // ---- language of the interface ----
  function browserLang() {
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < langs.length; i++) {
      var l = String(langs[i]).toLowerCase();
      if (l.indexOf("zh") === 0) return "zh";
      if (l.indexOf("en") === 0) return "en";
    }
    return "zh";
  }
  var params = new URLSearchParams(location.search);
  var lang = params.get("lang") || local.getItem("enquiry-bot.lang") || browserLang();
  if (!TEXT[lang]) lang = "zh";
  function t(key) { return TEXT[lang][key]; }

  var els = {
    log: document.getElementById("log"),
    status: document.getElementById("status"),
    form: document.getElementById("ask"),
    input: document.getElementById("q"),
    send: document.getElementById("send"),
    toggle: document.getElementById("lang-toggle")
  };

  function applyLang() {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = t("title");
    var nodes = document.querySelectorAll("[data-i18n]");
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute("data-i18n"));
    els.input.placeholder = t("placeholder");
    els.toggle.textContent = t("toggle");
    els.toggle.setAttribute("aria-label", t("toggleLabel"));
    els.toggle.lang = t("toggleLang");
    setStatus(statusKey);
  }
  els.toggle.addEventListener("click", function () {
    lang = lang === "zh" ? "en" : "zh";
    local.setItem("enquiry-bot.lang", lang);
    applyLang();
  });

  var statusKey = "connecting";
  function setStatus(key) {
    statusKey = key;
    els.status.textContent = t(key);
    els.status.setAttribute("data-state", key);
  }

  // ---- the log ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  // Interface text that follows the language toggle, also in messages already shown.
  function label(key, tag, cls) {
    var e = el(tag || "span", cls, t(key));
    e.setAttribute("data-i18n", key);
    return e;
  }
  var groupCount = 0;

  function scrollDown() { els.log.scrollTop = els.log.scrollHeight; }
  function append(node) { els.log.appendChild(node); scrollDown(); return node; }

  function message(who, cls) {
    var m = el("article", "msg " + cls);
    m.appendChild(label(who, "span", "who visually-hidden"));
    return m;
  }

  function notice(text) {
    var m = el("p", "msg notice", text);
    return append(m);
  }

  function sourcesBlock(sources) {
    var d = el("details", "sources");
    var summary = el("summary");
    summary.appendChild(label("sources"));
    summary.appendChild(document.createTextNode(" (" + sources.length + ")"));
    d.appendChild(summary);
    var list = el("ol");
    sources.forEach(function (s) {
      if (!s || typeof s !== "object") return;
      var li = el("li", "source");
      var dl = el("dl");
      function row(key, value, cls) {
        if (value === undefined || value === null || value === "") return;
        dl.appendChild(label(key, "dt"));
        dl.appendChild(el("dd", cls || null, value));
      }
      row("article", s.article, "source-article");
      row("section", s.section, "source-section");
      row("publisher", s.publisher, "source-publisher");
      row("file", s.file, "source-file");
      li.appendChild(dl);
      if (s.sentence) {
        var q = el("blockquote", "source-sentence", s.sentence);
        q.setAttribute("aria-label", t("sentence"));
        li.appendChild(q);
      }
      list.appendChild(li);
    });
    d.appendChild(list);
    return d;
  }

  function suggestionsBlock(suggestions, declined) {
    var box = el("div", "suggestions");
    box.setAttribute("role", "group");
    var caption = label(declined ? "tryThese" : "chooseOne", "p", "suggestions-label");
    caption.id = "sg-" + (++groupCount);
    box.setAttribute("aria-labelledby", caption.id);
    box.appendChild(caption);
    suggestions.forEach(function (s) {
      if (typeof s !== "string" || !s) return;
      var b = el("button", "choice", s);
      b.type = "button";
      b.addEventListener("click", function () {
        ask(s);
        els.input.focus();
      });
      box.appendChild(b);
    });
    return box;
  }

  function render(bubble, reply) {
    bubble.classList.remove("pending");
    bubble.removeAttribute("aria-busy");
    var body = bubble.querySelector(".body");
    body.textContent = "";
    if (!reply || typeof reply !== "object") {
      bubble.classList.add("error");
      body.appendChild(label("badReply", "p", "error-text"));
      return;
    }
    if (reply.error) {
      bubble.classList.add("error");
      var code = String(reply.error.code || "");
      if (code === "disconnected" || code === "unavailable") {
        body.appendChild(label("lostReply", "p", "error-text"));
      } else {
        body.appendChild(label("protocolError", "p", "error-text"));
        var detail = el("p", "error-detail", (code ? code + ": " : "") + String(reply.error.message || ""));
        detail.lang = "en";     // the daemon's messages are English
        body.appendChild(detail);
      }
      return;
    }
    var suggestions = Array.isArray(reply.suggestions) ? reply.suggestions : [];
    var sources = Array.isArray(reply.sources) ? reply.sources : [];
    if (reply.fallback === true) {
      bubble.classList.add("declined");
      body.appendChild(label("declined", "p", "declined-note"));
    }
    var answer = el("p", "answer", typeof reply.answer === "string" ? reply.answer : "");
    if (reply.lang === "zh" || reply.lang === "en") answer.lang = reply.lang === "zh" ? "zh-CN" : "en";
    body.appendChild(answer);
    if (sources.length) body.appendChild(sourcesBlock(sources));
    if (suggestions.length) body.appendChild(suggestionsBlock(suggestions, reply.fallback === true));
  }

  // ---- the connection ----
  var ws = null;
  var nextId = 1;
  var pending = {};      // id -> bubble still waiting for its reply
  var sent = [];         // ids written on the open connection, in order (replies come in order)
  var queue = [];        // [id, line] not written yet (connecting)
  var attempt = 0;
  var reconnectTimer = null;

  function socketUrl() {
    var override = params.get("ws");
    if (override) return override;
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + location.host + location.pathname.replace(/[^/]*$/, "");
  }

  function fail(id, code) {
    var b = pending[id];
    delete pending[id];
    if (b) render(b, { error: { code: code } });
  }

  function connect() {
    if (ws && (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN)) return;
    clearTimeout(reconnectTimer);
    reconnectTimer = null;
    setStatus(attempt ? "reconnecting" : "connecting");
    try {
      ws = new WebSocket(socketUrl());
    } catch (e) {
      ws = null;
      closed();
      return;
    }
    ws.onopen = function () {
      attempt = 0;
      setStatus("connected");
      while (queue.length) {
        var item = queue.shift();
        sent.push(item[0]);
        ws.send(item[1]);
      }
    };
    ws.onmessage = function (ev) { receive(String(ev.data)); };
    ws.onclose = function () { ws = null; closed(); };
  }

  function closed() {
    // Requests written on the lost connection get no reply now: say so, never wait forever.
    sent.forEach(function (id) { fail(id, "disconnected"); });
    sent = [];
    if (queue.length && attempt < RECONNECT_MS.length) {
      setStatus("reconnecting");
      reconnectTimer = setTimeout(connect, RECONNECT_MS[attempt++]);
      return;
    }
    queue.forEach(function (item) { fail(item[0], "unavailable"); });
    queue = [];
    attempt = 0;
    setStatus("disconnected");   // e.g. after the daemon's idle timeout: the next question reconnects
  }

  function receive(line) {
    var reply = null;
    try { reply = JSON.parse(line); } catch (e) { reply = null; }
    var hasId = reply !== null && typeof reply === "object" && reply.id !== undefined && reply.id !== null;
    var key = hasId ? String(reply.id) : null;
    // Replies come back in request order; a line without one of our ids (a limit message such
    // as max_clients) answers the oldest request still waiting.
    if (key === null || sent.indexOf(key) < 0) key = sent.length ? sent[0] : null;
    if (key === null) {
      // Nothing is waiting: the daemon closing an idle connection is routine, anything else is shown.
      if (reply && reply.error && reply.error.code === "idle_timeout") return;
      var b = append(message("bot", "bot"));
      b.appendChild(el("div", "body"));
      render(b, reply);
      return;
    }
    sent.splice(sent.indexOf(key), 1);
    var bubble = pending[key];
    delete pending[key];
    if (bubble) render(bubble, reply);
    scrollDown();
  }

  // One request line per message: no line breaks or other control characters, at most
  // MAX_CHARS UTF-16 units, never half a surrogate pair.
  function clean(text) {
    var s = String(text).replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ").trim();
    if (s.length > MAX_CHARS) {
      var cut = MAX_CHARS;
      var c = s.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--;
      s = s.slice(0, cut).trim();
      notice(t("tooLong"));
    }
    return s;
  }

  function ask(text) {
    var q = clean(text);
    if (!q) { notice(t("empty")); return false; }
    var mine = append(message("you", "user"));
    mine.appendChild(el("p", "question", q));

    var id = nextId++;
    var bubble = message("bot", "bot pending");
    bubble.setAttribute("aria-busy", "true");
    var body = el("div", "body");
    body.appendChild(label("waiting", "p", "waiting"));
    bubble.appendChild(body);
    append(bubble);
    var key = String(id);
    pending[key] = bubble;

    var line = JSON.stringify({ id: id, text: q, session: sessionId });
    if (ws && ws.readyState === WebSocket.OPEN) {
      sent.push(key);
      ws.send(line);
    } else {
      queue.push([key, line]);
      if (!reconnectTimer) connect();
    }
    return true;
  }

  els.form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (ask(els.input.value)) els.input.value = "";
    els.input.focus();
  });
  // Enter that confirms an input-method composition (pinyin) does not send the question.
  els.input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.isComposing || ev.keyCode === 229)) ev.preventDefault();
  });
  // Pasted text with line breaks becomes one line (type="text" already drops them; be sure).
  els.input.addEventListener("input", function () {
    var v = els.input.value;
    if (/[\r\n]/.test(v)) els.input.value = v.replace(/[\r\n]+/g, " ");
  });

  applyLang();
  var hello = append(message("bot", "bot welcome"));
  hello.appendChild(label("welcome", "p", "answer"));
  connect();
})();
