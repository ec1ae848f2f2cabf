// Starts the riskscreen widget on this page.
//
// Reads the data-* attributes of #app, fetches the compiled questionnaire and the
// helpline directory (same origin; the only network use, and it carries nothing
// about the person), loads the WebAssembly and mounts the widget. Answers never
// leave the widget: nothing here sees them.
//
// If anything fails, #app shows a readable message for the person who set the
// page up, and the emergency number for whoever is using it.

import init, { mount } from "./pkg/riskscreen.js";

const app = document.getElementById("app");

async function fetchText(url) {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
  if (!response.ok) {
    throw new Error(`could not load ${url}: HTTP ${response.status}`);
  }
  return response.text();
}

function showError(error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error("riskscreen failed to start:", error);
  const box = document.createElement("div");
  box.className = "rs-widget rs-boot-error";
  box.setAttribute("role", "alert");
  const title = document.createElement("p");
  title.className = "rs-heading";
  title.textContent = "This check could not start.";
  const help = document.createElement("p");
  help.append("If you are in danger, call the emergency number ");
  const tel = document.createElement("a");
  tel.href = "tel:112";
  tel.textContent = "112";
  help.append(tel, ". It is free.");
  const detail = document.createElement("pre");
  detail.className = "rs-boot-detail";
  detail.textContent = `For the site owner: ${message}`;
  box.append(title, help, detail);
  app.replaceChildren(box);
}

async function start() {
  if (!app) {
    throw new Error("no element with id=\"app\" on the page");
  }
  const data = app.dataset;
  const [questionnaire, helplines] = await Promise.all([
    fetchText(data.questionnaire || "q/self-check.json"),
    data.helplines ? fetchText(data.helplines) : Promise.resolve(undefined),
  ]);
  await init();
  mount(app, {
    questionnaire,
    helplines,
    country: data.country || undefined,
    exitUrl: data.exitUrl || undefined,
    lang: data.lang || undefined,
    // Test hook (browser tests only): data-test-panic="true" makes the app panic
    // after Start, to check the fallback panel.
    testPanic: data.testPanic === "true",
  });
}

start().catch(showError);
