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

  demo.addPanel({
    id: "passkey-list",
    title: "Your passkeys",
    when: "authenticated",
    async load(state) {
      const result = await demo.api("GET", "passkeys/");
      state.passkeys = result.ok ? result.data : [];
    },
    describe: (state) => state.passkeys.length
      ? state.passkeys.map((key) => `#${key.id} ${key.name || "(no name)"}, ` +
          `last used ${key.last_used_at || "never"}`).join("\n")
      : "No passkeys yet.",
    fields: [
      { name: "id", label: "Passkey #" },
      { name: "name", label: "New name (empty: delete it)" },
    ],
    submit: "Rename or delete",
    async action({ id, name }) {
      if (!id) return "Give the number of a passkey.";
      if (name) return demo.api("PATCH", `passkeys/${id}/`, { name });
      const result = await demo.api("DELETE", `passkeys/${id}/`);
      return result.ok ? "Passkey deleted." : result;
    },
  });

  demo.addPanel({
    id: "passkey-login",
    title: "Log in with a passkey",
    when: "anonymous",
    fields: [{ name: "username", label: "Username (optional: leave empty to pick a passkey)" }],
    submit: "Use a passkey",
    async action(values) {
      const begin = await demo.api("POST", "passkeys/login/begin/", values);
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
