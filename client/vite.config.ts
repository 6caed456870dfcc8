// Vite build for the SPA. Run from the repository root with `--config client/vite.config.ts`;
// paths here are relative to this file so the working directory does not matter.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
// Build-time only (nothing of it is shipped): the security headers' one source, written into
// dist/client/_headers for Cloudflare's static assets.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { assetHeadersFile } from "../worker/middleware/headers";
import { serviceWorkerPlugin } from "./sw/build";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [
    solid(),
    serviceWorkerPlugin(),
    {
      name: "security-headers-file",
      generateBundle() {
        this.emitFile({ type: "asset", fileName: "_headers", source: assetHeadersFile() });
      },
    },
  ],
  build: {
    outDir: fileURLToPath(new URL("../dist/client", import.meta.url)),
    emptyOutDir: true,
    // The shell and the public pages are one entry chunk: on 3G every extra request costs a
    // round trip (~150–400 ms). The admin and secretary screens are lazy chunks (routes.ts)
    // so a member's phone never downloads them.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the entry imports statically goes in one initial chunk. Without this
        // group the bundler splits the code the lazy screens share with the shell (Solid,
        // the router) into chunks of its own: more round trips before the first paint.
        codeSplitting: { groups: [{ name: "app", tags: ["$initial"] }] },
      },
    },
    reportCompressedSize: true,
  },
  server: {
    // The API lives on the Node server (`npm run dev` / `npm start`, PORT 8787). No
    // `changeOrigin`: the server's CSRF check compares Origin with Host, and both must stay
    // the dev server's for cookie-authenticated writes to pass.
    proxy: { "/api": "http://127.0.0.1:8787" },
  },
});
