import React, { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { Login, Settings } from "@ory/elements-react/theme";
import "@ory/elements-react/theme/styles.css";

const kratos = window.kcConfig.kratos.replace(/\/$/, "");
const here = window.location.origin;

const config = {
  sdk: { url: kratos, options: { credentials: "include" } },
  project: {
    name: "KratosConformance",
    default_redirect_url: here + "/",
    error_ui_url: here + "/error",
    login_ui_url: here + "/login",
    recovery_enabled: false,
    recovery_ui_url: here + "/recovery",
    registration_enabled: false,
    registration_ui_url: here + "/registration",
    settings_ui_url: here + "/settings",
    verification_enabled: false,
    verification_ui_url: here + "/verification",
  },
};

function get(path) {
  return fetch(kratos + path, { credentials: "include", headers: { Accept: "application/json" } });
}

function LoginPage() {
  const [flow, setFlow] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const id = params.get("flow");
    if (!id) {
      params.delete("flow");
      const query = params.toString();
      window.location.href = kratos + "/self-service/login/browser" + (query ? "?" + query : "");
      return;
    }
    get("/self-service/login/flows?id=" + encodeURIComponent(id)).then(async (r) => {
      const body = await r.json();
      if (r.ok) setFlow(body);
      else setProblem(body);
    }, (e) => setProblem({ error: { message: String(e) } }));
  }, []);
  if (problem) return <pre data-testid="kc/problem">{JSON.stringify(problem, null, 2)}</pre>;
  if (!flow) return <p>Loading…</p>;
  return <Login flow={flow} config={config} />;
}

// selfservice.flows.settings.ui_url: Elements' own Settings screen (TOTP, backup codes, profile, password), fed the
// flow Kratos names; without ?flow= Kratos creates one (and checks the session's AAL).
function SettingsPage() {
  const [flow, setFlow] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get("flow");
    if (!id) {
      window.location.href = kratos + "/self-service/settings/browser";
      return;
    }
    get("/self-service/settings/flows?id=" + encodeURIComponent(id)).then(async (r) => {
      const body = await r.json();
      if (r.ok) setFlow(body);
      else setProblem(body);
    }, (e) => setProblem({ error: { message: String(e) } }));
  }, []);
  if (problem) return <pre data-testid="kc/problem">{JSON.stringify(problem, null, 2)}</pre>;
  if (!flow) return <p>Loading…</p>;
  return <Settings flow={flow} config={config} />;
}

function HomePage() {
  const [state, setState] = useState("loading");
  useEffect(() => {
    get("/sessions/whoami").then(async (r) => {
      const body = await r.json().catch(() => ({}));
      if (r.ok) return setState("signed-in");
      const target = body.redirect_browser_to || body.error?.details?.redirect_browser_to;
      if (r.status === 403 && target) {
        window.location.href = target;
        return;
      }
      setState("signed-out");
    });
  }, []);
  if (state === "signed-in") return <h1 data-testid="session/signed-in">Signed in</h1>;
  if (state === "signed-out") return <h1 data-testid="session/signed-out">Not signed in</h1>;
  return <p>Loading…</p>;
}

function ErrorPage() {
  const [error, setError] = useState(null);
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get("id");
    get("/self-service/errors?id=" + encodeURIComponent(id || "")).then((r) => r.json()).then(setError, (e) => setError({ message: String(e) }));
  }, []);
  return <pre data-testid="ui/error">{JSON.stringify(error, null, 2)}</pre>;
}

const path = window.location.pathname.replace(/\/$/, "");
const page = path === "/login" ? <LoginPage /> : path === "/settings" ? <SettingsPage /> : path === "/error" ? <ErrorPage /> : <HomePage />;
createRoot(document.getElementById("root")).render(page);
