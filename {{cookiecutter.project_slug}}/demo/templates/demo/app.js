"use strict";
// The demo client. It calls the API exactly as a single-page app would: JSON bodies, the
// CSRF token from the csrftoken cookie in the X-CSRFToken header of unsafe requests, and
// an API token (kept in memory only) in the Authorization header when login returns one.
// (This file is included by a Django template: it must not contain Django's tag braces.)

const demo = (() => {
  const API = "/api/auth/";
  // What the API's serializers take (demo/views.py): login methods, sign-up fields.
  const config = JSON.parse(document.getElementById("demo-config").textContent);
  const state = { token: null, user: null };
  const panels = [];

  function cookie(name) {
    const match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function log(line) {
    const element = document.getElementById("log");
    element.textContent = line + "\n" + element.textContent;
  }

  async function send(method, path, body) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (state.token) headers.Authorization = state.token;
    const csrf = cookie("csrftoken");
    if (csrf && method !== "GET") headers["X-CSRFToken"] = csrf;
    const response = await fetch(API + path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    log(`${method} ${API}${path} -> ${response.status} ${text.slice(0, 300)}`);
    // Only a JSON answer is shown as one; anything else (an HTML error page) by its status.
    const json = (response.headers.get("Content-Type") || "").includes("json");
    return { ok: response.ok, status: response.status, data: json && text ? JSON.parse(text) : null };
  }

  // A feature may renew an expired credential (JWT: with the refresh token): on a 401 the
  // page asks it once, and repeats the request if it worked. The renewal's own requests
  // pass { renew: false }, so a refused renewal never loops.
  async function api(method, path, body, { renew = true } = {}) {
    const result = await send(method, path, body);
    if (result.status === 401 && renew && demo.renewCredential && await demo.renewCredential()) {
      return send(method, path, body);
    }
    return result;
  }

  // What users log in with: one field, sent as the method it is. When both are allowed,
  // an "@" makes it an email address.
  const methods = config.login_methods;
  const loginField = methods.length > 1
    ? { name: "login", label: "Username or email address", autocomplete: "username" }
    : methods[0] === "email"
      ? { name: "login", label: "Email address", type: "email", autocomplete: "email" }
      : { name: "login", label: "Username", autocomplete: "username" };

  function identify(login) {
    if (!login) return {};
    const method = methods.length > 1 ? (login.includes("@") ? "email" : "username") : methods[0];
    return { [method]: login };
  }

  // Whatever credential a login-like response carries: an API token goes in the header of
  // later requests; a 204 or a body without one means the session cookie is the credential.
  function rememberCredential(data) {
    if (data && data.key) state.token = `Token ${data.key}`;
  }

  function forgetCredential() {
    state.token = null;
  }

  function describe(result) {
    if (result.ok) return (result.data && result.data.detail) || "Done.";
    if (!result.data) return `Error ${result.status}`;
    return Object.entries(result.data)
      .map(([field, messages]) => `${field}: ${[].concat(messages).join(" ")}`)
      .join("\n");
  }

  // A panel: a titled section shown when `when` says ("anonymous", "authenticated" or
  // "always") and `visible()` agrees. With `submit`, it has a form whose submit runs
  // `action(values)`; the API result (or a message) it returns is shown under it.
  // `load(state)` fetches and `describe(state)` gives (as text or elements) what is shown
  // above the form.
  function addPanel(panel) {
    panels.push(panel);
  }

  // Run an action of a panel, show its outcome there, then show the page's new state.
  async function perform(panelId, action) {
    const result = document.getElementById(`${panelId}-result`);
    let ok = false;
    try {
      const outcome = await action();
      ok = typeof outcome === "string" || outcome.ok;
      result.textContent = typeof outcome === "string" ? outcome : describe(outcome);
    } catch (error) {
      result.textContent = String(error);
    }
    result.className = "result " + (ok ? "ok" : "error");
    await refresh();
    return ok;
  }

  function render(panel) {
    const section = document.createElement("section");
    section.id = panel.id;
    section.hidden = true;  // until the first answer of user/ says who is here
    const title = document.createElement("h2");
    title.textContent = panel.title;
    section.append(title);
    if (panel.describe) {
      const info = document.createElement("div");
      info.className = "info";
      info.dataset.testid = `${panel.id}-info`;
      section.append(info);
    }
    const result = document.createElement("div");
    result.id = `${panel.id}-result`;
    result.className = "result";
    result.dataset.testid = `${panel.id}-result`;
    result.setAttribute("role", "status");
    if (panel.submit) section.append(form(panel));
    section.append(result);
    return section;
  }

  function form(panel) {
    const element = document.createElement("form");
    for (const field of panel.fields || []) {
      const label = document.createElement("label");
      label.textContent = field.label;
      label.htmlFor = `${panel.id}-${field.name}`;
      const input = document.createElement("input");
      input.id = label.htmlFor;
      input.name = field.name;
      input.type = field.type || "text";
      input.required = Boolean(field.required);
      input.autocomplete = field.autocomplete || "off";
      element.append(label, input);
    }
    const button = document.createElement("button");
    button.type = "submit";
    button.textContent = panel.submit;
    button.dataset.testid = `${panel.id}-submit`;
    element.append(button);
    element.addEventListener("submit", async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(
        [...element.elements].filter((input) => input.name && input.value !== "").map((input) => [input.name, input.value]),
      );
      button.disabled = true;
      if (await perform(panel.id, () => panel.action(values))) element.reset();
      button.disabled = false;
    });
    return element;
  }

  async function refresh() {
    const result = await api("GET", "user/");
    state.user = result.ok ? result.data : null;
    if (!result.ok) demo.forgetCredential();
    document.getElementById("status").textContent = state.user
      ? `Logged in as ${state.user.username}`
      : "Not logged in";
    for (const panel of panels) {
      const section = document.getElementById(panel.id);
      const shown = panel.when === "always" || (panel.when === "authenticated") === Boolean(state.user);
      const wasHidden = section.hidden;
      section.hidden = !(shown && (!panel.visible || panel.visible()));
      if (section.hidden) continue;
      // A panel shown again starts clean: no "Logged in." from the last login after a logout.
      if (wasHidden) section.querySelector(".result").textContent = "";
      if (panel.load) await panel.load(state);
      if (panel.describe) section.querySelector(".info").replaceChildren(panel.describe(state));
    }
  }

  async function start() {
    const main = document.getElementById("panels");
    for (const panel of panels) main.append(render(panel));
    await refresh();
  }

  return {
    api, config, state, loginField, identify, addPanel, perform, rememberCredential, forgetCredential,
    refresh, start, renewCredential: null,
  };
})();

// --- The core flows ------------------------------------------------------------------

// Email links land on FRONTEND_URL/password-reset/<uid>/<token>/, served by this page.
const resetLink = window.location.pathname.match(/\/password-reset\/([^/]+)\/([^/]+)\/$/);

demo.addPanel({
  id: "login",
  title: "Log in",
  when: "anonymous",
  fields: [
    { ...demo.loginField, required: true },
    { name: "password", label: "Password", type: "password", autocomplete: "current-password", required: true },
  ],
  submit: "Log in",
  async action({ login, password }) {
    const result = await demo.api("POST", "login/", { ...demo.identify(login), password });
    if (result.ok) demo.rememberCredential(result.data);
    return result.ok ? "Logged in." : result;
  },
});

demo.addPanel({
  id: "user",
  title: "Your details",
  when: "authenticated",
  describe: (state) => `#${state.user.pk} ${state.user.username} <${state.user.email || "no email"}>\n` +
    `Name: ${[state.user.first_name, state.user.last_name].filter(Boolean).join(" ") || "(none)"}`,
  fields: [
    { name: "first_name", label: "First name" },
    { name: "last_name", label: "Last name" },
  ],
  submit: "Save",
  action: (values) => demo.api("PATCH", "user/", values),
});

demo.addPanel({
  id: "password-change",
  title: "Change password",
  when: "authenticated",
  fields: [
    { name: "old_password", label: "Current password", type: "password", autocomplete: "current-password" },
    { name: "new_password1", label: "New password", type: "password", autocomplete: "new-password" },
    { name: "new_password2", label: "New password, again", type: "password", autocomplete: "new-password" },
  ],
  submit: "Change password",
  async action(values) {
    const result = await demo.api("POST", "password/change/", values);
    // Where the change revokes older tokens, the answer carries the new ones.
    if (result.ok) demo.rememberCredential(result.data);
    return result;
  },
});

demo.addPanel({
  id: "logout",
  title: "Log out",
  when: "authenticated",
  submit: "Log out",
  async action() {
    const result = await demo.api("POST", "logout/");
    demo.forgetCredential();
    return result;
  },
});

demo.addPanel({
  id: "password-reset",
  title: "Forgot your password?",
  when: "anonymous",
  visible: () => !resetLink,
  fields: [{ name: "email", label: "Email address", type: "email", autocomplete: "email" }],
  submit: "Email me a link",
  async action(values) {
    const result = await demo.api("POST", "password/reset/", values);
    if (!result.ok) return result;
    return "If an account has this address, a link is on its way " +
      "(in development, the email is printed on the server's console).";
  },
});

demo.addPanel({
  id: "password-reset-confirm",
  title: "Choose a new password",
  when: "always",
  visible: () => Boolean(resetLink),
  fields: [
    { name: "new_password1", label: "New password", type: "password", autocomplete: "new-password" },
    { name: "new_password2", label: "New password, again", type: "password", autocomplete: "new-password" },
  ],
  submit: "Set password",
  action: (values) => demo.api("POST", "password/reset/confirm/", {
    ...values, uid: resetLink[1], token: resetLink[2],
  }),
});
