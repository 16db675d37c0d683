"use strict";
// The demo client. It calls the API exactly as a single-page app would: JSON bodies, the
// CSRF token from the csrftoken cookie in the X-CSRFToken header of unsafe requests, and
// an API token (kept in memory only) in the Authorization header when login returns one.
// (This file is included by a Django template: it must not contain Django's tag braces.)

const demo = (() => {
  const API = "/api/auth/";
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

  async function api(method, path, body) {
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
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (error) {
      data = { detail: text.slice(0, 200) };
    }
    log(`${method} ${API}${path} -> ${response.status} ${text.slice(0, 300)}`);
    return { ok: response.ok, status: response.status, data };
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

  // A panel: a titled form whose submit runs `action(values)`, shown when `when` says
  // ("anonymous", "authenticated" or "always") and `visible()` agrees. `action` returns
  // the API result (or a message) shown under the form; `load(state)` and
  // `describe(state)` fill the text above it.
  function addPanel(panel) {
    panels.push(panel);
  }

  function render(panel) {
    const section = document.createElement("section");
    section.id = panel.id;
    const title = document.createElement("h2");
    title.textContent = panel.title;
    section.append(title);
    if (panel.describe) {
      const info = document.createElement("div");
      info.className = "info";
      info.dataset.testid = `${panel.id}-info`;
      section.append(info);
    }
    const form = document.createElement("form");
    for (const field of panel.fields || []) {
      const label = document.createElement("label");
      label.textContent = field.label;
      label.htmlFor = `${panel.id}-${field.name}`;
      const input = document.createElement("input");
      input.id = label.htmlFor;
      input.name = field.name;
      input.type = field.type || "text";
      input.autocomplete = field.autocomplete || "off";
      form.append(label, input);
    }
    const button = document.createElement("button");
    button.type = "submit";
    button.textContent = panel.submit;
    button.dataset.testid = `${panel.id}-submit`;
    const result = document.createElement("div");
    result.className = "result";
    result.dataset.testid = `${panel.id}-result`;
    form.append(button, result);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(
        [...form.elements].filter((input) => input.name && input.value !== "").map((input) => [input.name, input.value]),
      );
      button.disabled = true;
      try {
        const outcome = await panel.action(values);
        const message = typeof outcome === "string" ? outcome : describe(outcome);
        result.textContent = message;
        result.className = "result " + (typeof outcome === "string" || outcome.ok ? "ok" : "error");
        if (typeof outcome === "string" || outcome.ok) form.reset();
      } catch (error) {
        result.textContent = String(error);
        result.className = "result error";
      } finally {
        button.disabled = false;
        await refresh();
      }
    });
    section.append(form);
    return section;
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
      section.hidden = !(shown && (!panel.visible || panel.visible()));
      if (section.hidden) continue;
      // A panel may fetch what it shows (`load`) before describing it.
      if (panel.load) await panel.load(state);
      if (panel.describe) section.querySelector(".info").textContent = panel.describe(state);
    }
  }

  async function start() {
    const main = document.getElementById("panels");
    for (const panel of panels) main.append(render(panel));
    await refresh();
  }

  return { api, state, addPanel, rememberCredential, forgetCredential, refresh, start };
})();

// --- The core flows ------------------------------------------------------------------

// Email links land on FRONTEND_URL/password-reset/<uid>/<token>/, served by this page.
const resetLink = window.location.pathname.match(/\/password-reset\/([^/]+)\/([^/]+)\/$/);

demo.addPanel({
  id: "login",
  title: "Log in",
  when: "anonymous",
  fields: [
    { name: "username", label: "Username", autocomplete: "username" },
    { name: "email", label: "or email address", type: "email", autocomplete: "email" },
    { name: "password", label: "Password", type: "password", autocomplete: "current-password" },
  ],
  submit: "Log in",
  async action(values) {
    const result = await demo.api("POST", "login/", values);
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
