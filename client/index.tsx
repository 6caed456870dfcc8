// Entry point: replaces the static "Đang tải…" placeholder of index.html with the app.
import { render } from "solid-js/web";
import App from "./app";
import { registerServiceWorker } from "./lib/offline";

const root = document.getElementById("app");
if (!root) throw new Error("#app is missing from index.html");
root.textContent = "";
render(() => <App />, root);
registerServiceWorker();
