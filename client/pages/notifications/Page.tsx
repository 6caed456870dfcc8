// /t/:tenant/thong-bao — the signed-in user's notifications, newest first. Opening the page
// marks what it shows as read (each one, as the server reads them one by one).
import { A, createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { createEffect, on, Show } from "solid-js";
import { readNotification } from "../../api";
import { AsyncList } from "../../components/AsyncList";
import { formatDateTime } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { getNotifications } from "../shell/shell.data";
import "../screens.css";

export default function NotificationsPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const notes = createAsync(() => getNotifications(tenant()));
  useTitle(() => "Thông báo");

  // Mark the unread ones read once they are on screen; the header's count then drops. The
  // list keeps showing which were new until the next visit.
  createEffect(
    on(notes, (list) => {
      const unread = (list ?? []).filter((n) => !n.readAt);
      if (!unread.length) return;
      void Promise.allSettled(unread.map((n) => readNotification(tenant(), n.id))).then(() =>
        revalidate(getNotifications.keyFor(tenant())),
      );
    }),
  );

  return (
    <>
      <h1>Thông báo</h1>
      <p>
        <A href={`/t/${tenant()}/thong-bao/cai-dat`}>Cách nhận thông báo (thư điện tử)</A>
      </p>
      <AsyncList items={notes()} empty="Chưa có thông báo nào." class="link-list notes">
        {(n) => (
          <li classList={{ unread: !n.readAt }}>
            <h2>
              <Show when={!n.readAt}>
                <span class="badge">Mới</span>{" "}
              </Show>
              {n.title}
            </h2>
            <p class="cell-note">{formatDateTime(n.createdAt)}</p>
            <p class="pre-line">{n.body}</p>
          </li>
        )}
      </AsyncList>
    </>
  );
}
