// What the user sees when a read fails for a reason other than "not signed in" or "not
// found": usually a lost connection. Says so in Vietnamese and offers a retry.
import { revalidate } from "@solidjs/router";
import { ApiError } from "../api";

export default function ErrorView(props: { error: unknown; reset: () => void }) {
  const message = () =>
    props.error instanceof ApiError
      ? props.error.message
      : "Đã có lỗi không mong muốn. Hãy tải lại trang.";
  const retry = async () => {
    // Drop the failed reads from the cache first, or the retry would reuse them.
    await revalidate();
    props.reset();
  };
  return (
    <main id="main" tabindex="-1" class="page narrow">
      <h1>Chưa tải được trang</h1>
      <p role="alert" class="alert">
        {message()}
      </p>
      <p>
        <button type="button" class="button primary" onClick={retry}>
          Thử lại
        </button>
      </p>
    </main>
  );
}
