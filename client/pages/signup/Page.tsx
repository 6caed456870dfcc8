// /dang-ky and /dang-ky/xac-nhan#token — a đảng bộ registers itself, then its first admin
// follows the e-mailed link. One route entry for both: the path picks the screen.
import { useLocation } from "@solidjs/router";
import { Show } from "solid-js";
import PublicHeader from "../../components/PublicHeader";
import SignupForm from "./SignupForm";
import VerifySignup from "./VerifySignup";

export default function SignupPage() {
  const location = useLocation();
  return (
    <>
      <PublicHeader />
      <main id="main" tabindex="-1" class="page narrow">
        <Show
          when={location.pathname.replace(/\/$/, "").endsWith("/xac-nhan")}
          fallback={<SignupForm />}
        >
          <VerifySignup />
        </Show>
      </main>
    </>
  );
}
