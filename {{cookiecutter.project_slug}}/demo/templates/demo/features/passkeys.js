"use strict";
// Passkeys (WebAuthn): the browser creates and uses the key pair; the API sends the
// options and checks the answers. PublicKeyCredential.parse*OptionsFromJSON() and
// credential.toJSON() convert between the API's JSON and the browser's objects.
(() => {
  demo.addPanel({
    id: "passkey-add",
    title: "Add a passkey",
    when: "authenticated",
    fields: [{ name: "name", label: "Name (e.g. Laptop)" }],
    submit: "Create a passkey",
    async action(values) {
      const begin = await demo.api("POST", "passkeys/register/begin/", values);
      if (!begin.ok) return begin;
      const credential = await navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(begin.data),
      });
      const complete = await demo.api("POST", "passkeys/register/complete/", {
        credential: credential.toJSON(),
        ...values,
      });
      return complete.ok ? `Passkey "${complete.data.name}" added.` : complete;
    },
  });

  // One row per passkey: its name in a field, and buttons that rename or delete it.
  function passkeyRow(key) {
    const row = document.createElement("li");
    row.dataset.testid = `passkey-${key.id}`;
    const label = key.name || `passkey #${key.id}`;
    const name = document.createElement("input");
    name.value = key.name;
    name.setAttribute("aria-label", `Name of ${label}`);
    const used = document.createElement("div");
    used.textContent = `Last used ${key.last_used_at || "never"}`;
    const rename = document.createElement("button");
    rename.textContent = "Rename";
    rename.setAttribute("aria-label", `Rename ${label}`);
    rename.addEventListener("click", () => demo.perform("passkey-list", async () => {
      const result = await demo.api("PATCH", `passkeys/${key.id}/`, { name: name.value });
      return result.ok ? `Renamed to "${result.data.name}".` : result;
    }));
    const remove = document.createElement("button");
    remove.textContent = "Delete";
    remove.className = "danger";
    remove.setAttribute("aria-label", `Delete ${label}`);
    remove.addEventListener("click", () => demo.perform("passkey-list", async () => {
      const result = await demo.api("DELETE", `passkeys/${key.id}/`);
      return result.ok ? `Deleted ${label}.` : result;
    }));
    row.append(name, used, rename, remove);
    return row;
  }

  demo.addPanel({
    id: "passkey-list",
    title: "Your passkeys",
    when: "authenticated",
    async load(state) {
      const result = await demo.api("GET", "passkeys/");
      state.passkeys = result.ok ? result.data : [];
    },
    describe(state) {
      if (!state.passkeys.length) return "No passkeys yet.";
      const list = document.createElement("ul");
      list.append(...state.passkeys.map(passkeyRow));
      return list;
    },
  });

  demo.addPanel({
    id: "passkey-login",
    title: "Log in with a passkey",
    when: "anonymous",
    fields: [{
      ...demo.loginField,
      label: `${demo.loginField.label} (optional: leave empty to pick a passkey)`,
    }],
    submit: "Use a passkey",
    async action({ login }) {
      // Sent as what it is: an address sent as a username would name no account.
      const begin = await demo.api("POST", "passkeys/login/begin/", demo.identify(login));
      if (!begin.ok) return begin;
      const { session_id: sessionId, ...options } = begin.data;
      const credential = await navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
      });
      const result = await demo.api("POST", "passkeys/login/complete/", {
        credential: credential.toJSON(),
        session_id: sessionId,
      });
      if (result.ok) demo.rememberCredential(result.data);
      return result.ok ? "Logged in with a passkey." : result;
    },
  });
})();
