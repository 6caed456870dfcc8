// The thin product band above the pages one sees before signing in.
import { A } from "@solidjs/router";

export default function PublicHeader() {
  return (
    <header class="public-header">
      <A href="/" class="brand">
        Sinh hoạt chính trị
      </A>
    </header>
  );
}
